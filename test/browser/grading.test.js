// A trainer sets an assignment in the course editor, grades what learners hand in from the keyboard
// alone, releases the grades, finds them in the gradebook and its CSV download, and mends one from there.
import { expect } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { createAdminAccount, enrol, graphql, assignmentsOf, submitWork, publishedCourse, signUp } from './api.js';
import { logIn, useBrowser, waitForFocus, withPage } from './browser.js';

const browser = useBrowser();
const TIMEOUT = { timeout: 15_000 };

/** Presses Tab until the focused element is the one `locator` finds (at most `max` times): keyboard only. */
async function tabTo(page, locator, max = 60) {
  const target = await locator.elementHandle(TIMEOUT);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((element) => document.activeElement === element, target)) return;
  }
  throw new Error(`Tab never reached ${locator}`);
}

test('a trainer sets an assignment, grades it with the keyboard, releases it, and the gradebook shows, downloads and mends it', async () => {
  const admin = await createAdminAccount();
  const course = await publishedCourse(admin.token, { title: `Defenders at risk ${Date.now()}` });
  const trainer = await signUp({ displayName: 'Trainer Somchai', timeZone: 'Asia/Bangkok' });
  await graphql(
    `mutation ($courseId: ID!, $userId: ID!) { addCourseMember(courseId: $courseId, userId: $userId, role: TRAINER) { id } }`,
    { courseId: course.id, userId: trainer.user.id },
    admin.token,
  );
  // Names in Thai and Burmese script: they must survive the CSV.
  const first = await signUp({ displayName: 'สมหญิง ใจดี', timeZone: 'Asia/Bangkok' });
  const second = await signUp({ displayName: 'မြင့်မြင့် ထွန်း', timeZone: 'Asia/Yangon' });
  await enrol(first.token, course.id);
  await enrol(second.token, course.id);
  const title = 'Map the defenders your institution protects';

  await withPage(browser(), 'trainer grades with the keyboard', async (page) => {
    await logIn(page, trainer);
    await page.goto(`/courses/${course.slug}/edit?tab=assignments`);
    await page.getByRole('button', { name: 'New assignment' }).click();
    const form = page.getByRole('form', { name: 'New assignment' });
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Instructions', { exact: true }).fill('List the **defenders** your institution protects, and how.');
    await form.getByLabel('Week').selectOption({ label: 'Week 1: Who defends rights' });
    await form.getByLabel('Due (Thailand Time)').fill('2030-02-08T17:00');
    await form.getByRole('group', { name: 'Criterion 1' }).getByLabel('Criterion').fill('Evidence');
    await form.getByRole('group', { name: 'Criterion 1' }).getByLabel('Points').fill('6');
    await form.getByRole('button', { name: 'Add a criterion' }).click();
    await form.getByRole('group', { name: 'Criterion 2' }).getByLabel('Criterion').fill('Clarity');
    await form.getByRole('group', { name: 'Criterion 2' }).getByLabel('Points').fill('4');
    await expect(form.getByTestId('rubric-total').textContent()).resolves.toBe('Total: 10 points');
    await form.getByRole('button', { name: 'Create assignment' }).click();
    await page.getByRole('heading', { level: 3, name: title }).waitFor(TIMEOUT);

    // Two learners hand in their work, the first one first.
    const [assignment] = await assignmentsOf(first.token, course.slug);
    expect(assignment.title).toBe(title);
    await submitWork(first.token, assignment.id, 'Journalists and land-rights defenders in the north.');
    await submitWork(second.token, assignment.id, 'Women defenders in border areas.');

    await page.goto(`/courses/${course.slug}/grading`);
    await page.getByTestId('queue-count').getByText('2 submissions to grade').waitFor(TIMEOUT);
    const current = page.getByRole('heading', { level: 2, name: /สมหญิง|မြင့်မြင့်/ });
    await expect(current.textContent()).resolves.toBe('สมหญิง ใจดี');

    // Next and previous by keyboard (focus follows, on the chosen work's heading).
    await page.keyboard.press('j');
    await waitForFocus(page, { text: 'မြင့်မြင့် ထွန်း' });
    await page.keyboard.press('Alt+ArrowUp');
    await waitForFocus(page, { text: 'สมหญิง ใจดี' });
    await expect(page.getByText('Women defenders in border areas.').count()).resolves.toBe(0);
    await page.getByText('Journalists and land-rights defenders in the north.').waitFor(TIMEOUT);

    // Grading with Tab and the keys alone.
    await tabTo(page, page.getByLabel('Points (out of 6)'));
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Names real cases.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await expect(page.getByTestId('grade-total').textContent()).resolves.toBe('Total: 8 / 10');
    await tabTo(page, page.getByLabel('Feedback'));
    await page.keyboard.type('Well argued; add sources.');
    await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByText('Grade saved for สมหญิง ใจดี.').waitFor(TIMEOUT);
    // The queue moves on to the next work.
    await waitForFocus(page, { text: 'မြင့်မြင့် ထွန်း' });
    await page.getByText('1 submission to grade').waitFor(TIMEOUT);

    // Release all, confirmed, by keyboard.
    await tabTo(page, page.getByRole('region', { name: 'Release grades' }).getByRole('button', { name: /^Release all grades/ }));
    await page.keyboard.press('Enter');
    await waitForFocus(page, { text: 'Release grades' });
    await page.keyboard.press('Enter');
    await page.getByText(`1 grade of “${title}” released.`).waitFor(TIMEOUT);

    // The gradebook: the released score beside the name, and the same in the CSV.
    await page.getByRole('link', { name: 'Open the gradebook' }).click();
    const row = page.getByRole('row', { name: /สมหญิง ใจดี/ });
    await row.getByText('8 / 10').waitFor(TIMEOUT);
    await row.getByText('Released', { exact: true }).waitFor(TIMEOUT);
    await page.getByRole('row', { name: /မြင့်မြင့် ထွန်း/ }).getByText('Submitted').waitFor(TIMEOUT);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`${course.slug}-gradebook.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const line = csv.split(/\r?\n/).find((text) => text.includes('สมหญิง ใจดี'));
    expect(line).toBeDefined();
    expect(line).toMatch(/\b8\b/);
    expect(csv).toContain('မြင့်မြင့် ထွန်း');

    // A released grade is mended from its cell: the work opens with its grade, and the change shows at once.
    await row.getByRole('link', { name: '8 / 10' }).click();
    await page.getByRole('heading', { level: 2, name: 'สมหญิง ใจดี' }).waitFor(TIMEOUT);
    const evidence = page.getByLabel('Points (out of 6)');
    await expect(evidence.inputValue()).resolves.toBe('5');
    await evidence.fill('6');
    await expect(page.getByTestId('grade-total').textContent()).resolves.toBe('Total: 9 / 10');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Grade saved for สมหญิง ใจดี.').waitFor(TIMEOUT);
    await page.getByRole('link', { name: 'Open the gradebook' }).click();
    await page.getByRole('row', { name: /สมหญิง ใจดี/ }).getByRole('link', { name: '9 / 10' }).waitFor(TIMEOUT);
  });
}, 120_000);

test('a learner of the course is told the grading page is for its trainers', async () => {
  const admin = await createAdminAccount();
  const course = await publishedCourse(admin.token, { title: `Defenders at risk ${Date.now()}` });
  const learner = await signUp({ displayName: 'Learner Ana' });
  await enrol(learner.token, course.id);
  await withPage(browser(), 'learner kept out of grading', async (page) => {
    await logIn(page, learner);
    for (const where of ['grading', 'gradebook']) {
      await page.goto(`/courses/${course.slug}/${where}`);
      await page.getByRole('heading', { level: 1, name: "For the course's trainers" }).waitFor(TIMEOUT);
      await expect(page.getByRole('button', { name: 'Download as CSV' }).count()).resolves.toBe(0);
    }
  });
}, 60_000);
