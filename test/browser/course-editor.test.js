import { expect } from '@jest/globals';
import { createAdmin, graphql, signUp } from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

/** The editor's outline as a trainer reads it: each module's title, then its lessons' titles. */
async function outline(page) {
  return page.locator('.module-list > li.module').evaluateAll((modules) =>
    modules.map((module) => [
      module.querySelector(':scope > strong').textContent,
      ...[...module.querySelectorAll('.lesson-list > li > a')].map((a) => a.textContent),
    ]),
  );
}

test('a trainer builds a course in the browser, puts it in order, publishes it, and learners find it', async () => {
  const admin = await createAdmin();
  const trainer = await signUp({ displayName: 'Trainer Tala' });
  await graphql(`mutation ($id: ID!) { setUserRoles(userId: $id, roles: [TRAINER]) { id } }`, { id: trainer.user.id }, admin);
  const learner = await signUp({ displayName: 'Learner Lin' });
  const title = 'Defenders at risk: a short course';
  const slug = `defenders-at-risk-${Date.now()}`;

  await withPage(browser(), 'trainer builds a course', async (page) => {
    await logIn(page, trainer);
    await page.getByRole('navigation').getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('link', { name: 'New course' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Web address').fill(slug);
    await page.getByLabel('Summary').fill('How NHRIs respond when defenders face reprisals.');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit: ${title}` }).waitFor(TIMEOUT);

    for (const week of ['Week 2: Responding to reprisals', 'Week 1: Who defends rights', 'Spare week']) {
      await page.getByLabel('Module title').fill(week);
      await page.getByLabel('Part', { exact: true }).fill('Part One');
      await page.getByRole('button', { name: 'Add module' }).click();
      await page.getByText(`Module “${week}” added.`).waitFor(TIMEOUT);
    }
    const lessons = [
      ['Week 2: Responding to reprisals', 'Urgent actions', '## Urgent actions\n\nWhat to do in the **first 48 hours**.'],
      ['Week 1: Who defends rights', 'The UN Declaration', '## The UN Declaration\n\nAdopted in 1998.'],
      ['Week 1: Who defends rights', 'Why defenders matter', '## Why defenders matter\n\nDefenders act to protect rights.'],
    ];
    for (const [week, lesson, body] of lessons) {
      await page.getByLabel('Module', { exact: true }).selectOption({ label: week });
      await page.getByLabel('Lesson title').fill(lesson);
      await page.getByRole('textbox', { name: 'Lesson text (Markdown)' }).fill(body);
      await page.getByRole('button', { name: 'Add lesson' }).click();
      await page.getByText(`Lesson “${lesson}” added.`).waitFor(TIMEOUT);
    }
    // The preview is the API's rendering, as learners will see it.
    await page.getByRole('textbox', { name: 'Lesson text (Markdown)' }).fill('Some **bold** words');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.locator('.preview-panel strong', { hasText: 'bold' }).waitFor(TIMEOUT);

    expect(await outline(page)).toEqual([
      ['Week 2: Responding to reprisals', 'Urgent actions'],
      ['Week 1: Who defends rights', 'The UN Declaration', 'Why defenders matter'],
      ['Spare week'],
    ]);

    // Week 1 goes first; its second lesson up one place.
    await page.getByRole('button', { name: 'Move module “Week 1: Who defends rights” up' }).click();
    await page.getByRole('status').filter({ hasText: 'Module “Week 1: Who defends rights” is now number 1.' }).waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Move lesson “Why defenders matter” up' }).click();
    await page.getByRole('status').filter({ hasText: 'Lesson “Why defenders matter” is now number 1' }).waitFor(TIMEOUT);
    // Focus stays on the button that was pressed, so a keyboard user can keep moving the lesson.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move lesson “Why defenders matter” down', null, TIMEOUT);

    // The spare week goes, after being asked once more.
    await page.getByRole('button', { name: 'Remove module “Spare week”' }).click();
    await page.getByRole('button', { name: 'Yes, remove the module' }).click();
    await page.locator('li.module', { hasText: 'Spare week' }).waitFor({ state: 'detached', ...TIMEOUT });

    const expected = [
      ['Week 1: Who defends rights', 'Why defenders matter', 'The UN Declaration'],
      ['Week 2: Responding to reprisals', 'Urgent actions'],
    ];
    expect(await outline(page)).toEqual(expected);
    // What the page shows is what was saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Edit: ${title}` }).waitFor(TIMEOUT);
    expect(await outline(page)).toEqual(expected);

    await page.getByRole('button', { name: 'Publish course' }).click();
    await page.getByText('This course is published: learners can find it and enrol.').waitFor(TIMEOUT);
  });

  await withPage(browser(), 'learner finds the published course', async (page) => {
    await logIn(page, learner);
    await page.getByRole('navigation').getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor(TIMEOUT);
    const lessonLinks = await page.getByRole('link', { name: /^(Why defenders matter|The UN Declaration|Urgent actions)$/ }).allInnerTexts();
    expect(lessonLinks).toEqual(['Why defenders matter', 'The UN Declaration', 'Urgent actions']);
    await page.getByRole('link', { name: 'Urgent actions' }).click();
    expect(await page.locator('.prose strong').innerText()).toBe('first 48 hours');
  });
});
