// A learner's assignments on a link that drops: writing with autosave, losing the connection, reloading
// with unsent text, submitting; a country group writing one action plan together without losing each
// other's words; and the released grade with its comments.
import { expect } from '@jest/globals';
import {
  addCourseMember,
  courseModuleIds,
  createAdminAccount,
  createAssignment,
  enrol,
  gradeAndRelease,
  graphql,
  mySubmission,
  publishedCourse,
  signUp,
  submitWork,
} from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';

const browser = useBrowser();
const TIMEOUT = { timeout: 15_000 };
const DAY = 86_400_000;

/** Waits until the editor's state line says the text is saved on the server. */
const saved = (page) => page.getByTestId('save-state').filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor(TIMEOUT);

let admin;
let course;
let week;
beforeAll(async () => {
  admin = await createAdminAccount();
  course = await publishedCourse(admin.token, { title: `Defenders and NHRIs ${Date.now()}` });
  [week] = await courseModuleIds(admin.token, course.slug);
}, 60_000);

test('a learner writes through a dropped connection and a reload without losing a word, then submits', async () => {
  const learner = await signUp({ displayName: 'Thandar (pseudonym)', timeZone: 'Asia/Yangon' });
  await enrol(learner.token, course.id);
  const assignment = await createAssignment(admin.token, {
    courseId: course.id,
    moduleId: week,
    title: 'Map the defenders your institution protects',
    dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
  });

  await withPage(browser(), 'assignment written offline', async (page) => {
    const context = page.context();
    await logIn(page, learner);
    // Due in three days: on the dashboard, and from there to its page.
    const due = page.getByRole('region', { name: 'Due this week' });
    await due.getByRole('link', { name: 'Map the defenders your institution protects' }).click();
    await page.getByRole('heading', { level: 1, name: 'Map the defenders your institution protects' }).waitFor(TIMEOUT);
    // Due time in the learner's zone, the course's beside it.
    await expect(page.getByTestId('due-time').textContent()).resolves.toMatch(/\(Myanmar Time\) — .*Thailand Time/);
    // Its week in the outline lists it, to do.
    await page.getByRole('navigation', { name: 'Course outline' }).getByRole('link', { name: /Map the defenders.*To do/ }).waitFor(TIMEOUT);

    const editor = page.getByLabel('Your answer');
    await editor.click();
    await page.keyboard.type('Defenders we protect: lawyers, journalists.');
    await saved(page);
    expect((await mySubmission(learner.token, assignment.id)).body).toBe('Defenders we protect: lawyers, journalists.');

    // The connection drops; the learner keeps writing.
    await context.setOffline(true);
    await page.keyboard.type(' Also land rights activists in the north.');
    await page.getByTestId('save-state').filter({ hasText: 'Offline — kept on this device' }).waitFor(TIMEOUT);

    // The page reloads while that text exists only on this device. (A reload needs the page itself, so the
    // network comes back for everything but the saves, which keep failing as they did offline.) This page's
    // own saves fail in the page itself: one it sends as it unloads may leave after routing has let go of it.
    await page.evaluate(() => {
      const send = window.fetch;
      window.fetch = (input, init) =>
        typeof init?.body === 'string' && init.body.includes('"operationName":"SaveSubmissionDraft"') ? Promise.reject(new TypeError('Failed to fetch')) : send(input, init);
    });
    await page.route('**/graphql', (route) =>
      route.request().postDataJSON()?.operationName === 'SaveSubmissionDraft' ? route.abort('internetdisconnected') : route.continue(),
    );
    await context.setOffline(false);
    await page.reload();
    const all = 'Defenders we protect: lawyers, journalists. Also land rights activists in the north.';
    await expect(page.getByLabel('Your answer').inputValue()).resolves.toBe(all);
    await page.getByText('What you wrote on this device that had not been saved yet is back.').waitFor(TIMEOUT);
    expect((await mySubmission(learner.token, assignment.id)).body).toBe('Defenders we protect: lawyers, journalists.');

    // Back online: the kept text is sent and saved.
    await page.unroute('**/graphql');
    await context.setOffline(true);
    await context.setOffline(false);
    await saved(page);
    expect((await mySubmission(learner.token, assignment.id)).body).toBe(all);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kapwa.assignment-draft.')))).toEqual([]);

    // Submitting asks once more.
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Submit your work? You cannot change it afterwards').waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByTestId('submitted-at').filter({ hasText: /^Submitted / }).waitFor(TIMEOUT);
    await expect(page.getByLabel('Your answer').count()).resolves.toBe(0);
    await page.getByText(all).waitFor(TIMEOUT);
    expect(await mySubmission(learner.token, assignment.id)).toMatchObject({ status: 'SUBMITTED', body: all });
  }, { timezoneId: 'Asia/Yangon' });
}, 120_000);

test('two members of a country group write one action plan: a stale save is offered a merge and no text is lost', async () => {
  const [mai, bishnu] = await Promise.all([
    signUp({ displayName: 'Mai (Nepal)', timeZone: 'Asia/Kathmandu' }),
    signUp({ displayName: 'Bishnu (Nepal)', timeZone: 'Asia/Kathmandu' }),
  ]);
  for (const member of [mai, bishnu]) await addCourseMember(admin.token, { courseId: course.id, userId: member.user.id, group: 'Nepal' });
  const assignment = await createAssignment(admin.token, {
    courseId: course.id,
    moduleId: week,
    title: "Your country's action plan",
    dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
    groupWork: true,
    shareWithCohort: true,
  });
  const path = `/courses/${course.slug}/assignments/${assignment.id}`;

  await withPage(browser(), 'group plan, first member', async (first) => {
    await withPage(browser(), 'group plan, second member', async (second) => {
      await logIn(first, mai);
      await first.goto(path);
      await first.getByText('Your group: Nepal').waitFor(TIMEOUT);
      await first.getByLabel("Your group's text").click();
      await first.keyboard.type('Action plan of Nepal');
      await saved(first);

      // The second member opens the same draft.
      await logIn(second, bishnu);
      await second.goto(path);
      await expect(second.getByLabel("Your group's text").inputValue()).resolves.toBe('Action plan of Nepal');
      await second.getByTestId('group-panel').filter({ hasText: 'Last edited by Mai (Nepal)' }).waitFor(TIMEOUT);

      // Both write; the first saves first.
      await first.keyboard.press('End');
      await first.keyboard.type('\nTrain focal points in every province.');
      await saved(first);
      await second.getByLabel("Your group's text").click();
      await second.keyboard.press('Control+End');
      await second.keyboard.type('\nMeet the ministry in June.');

      // The second's save is stale: both texts are offered, nothing is overwritten.
      const dialog = second.getByRole('dialog', { name: 'Someone else saved first' });
      await dialog.waitFor(TIMEOUT);
      await dialog.getByTestId('merge-theirs').filter({ hasText: 'Train focal points in every province.' }).waitFor(TIMEOUT);
      await dialog.getByTestId('merge-mine').filter({ hasText: 'Meet the ministry in June.' }).waitFor(TIMEOUT);
      expect((await mySubmission(mai.token, assignment.id)).body).toBe('Action plan of Nepal\nTrain focal points in every province.');
      await expect(dialog.getByLabel('Both texts combined').inputValue()).resolves.toBe(
        'Action plan of Nepal\nTrain focal points in every province.\nMeet the ministry in June.',
      );
      await dialog.getByRole('button', { name: 'Save the combined text' }).click();
      await saved(second);
      const plan = 'Action plan of Nepal\nTrain focal points in every province.\nMeet the ministry in June.';
      expect((await mySubmission(bishnu.token, assignment.id)).body).toBe(plan);

      // The first member sees the one plan, both writers, and who saved last.
      await first.reload();
      await expect(first.getByLabel("Your group's text").inputValue()).resolves.toBe(plan);
      const panel = first.getByTestId('group-panel');
      await panel.filter({ hasText: 'Mai (Nepal)' }).filter({ hasText: 'Bishnu (Nepal)' }).waitFor(TIMEOUT);
      await panel.filter({ hasText: 'Last edited by Bishnu (Nepal)' }).waitFor(TIMEOUT);
    });
  });
}, 120_000);

test('a learner without a group is told why there is no editor for group work', async () => {
  const loner = await signUp({ displayName: 'Without group' });
  await enrol(loner.token, course.id);
  const assignment = await createAssignment(admin.token, { courseId: course.id, moduleId: week, title: 'Country report', groupWork: true });
  await withPage(browser(), 'group work without a group', async (page) => {
    await logIn(page, loner);
    await page.goto(`/courses/${course.slug}/assignments/${assignment.id}`);
    await page.getByRole('heading', { name: 'You are not in a group yet' }).waitFor(TIMEOUT);
    await expect(page.getByLabel("Your group's text").count()).resolves.toBe(0);
  });
}, 60_000);

test('after a trainer grades and releases, the learner sees the score and each criterion’s points and comment', async () => {
  const learner = await signUp({ displayName: 'Graded learner' });
  await enrol(learner.token, course.id);
  const assignment = await createAssignment(admin.token, { courseId: course.id, moduleId: week, title: 'Risk assessment' });
  const [analysis, clarity] = assignment.rubric;
  const submissionId = await submitWork(learner.token, assignment.id, 'The main risks are surveillance and smears.');
  await gradeAndRelease(admin.token, {
    submissionId,
    scores: [
      [analysis.id, 5, 'Sharp analysis of the risks.'],
      [clarity.id, 2.5, 'Say who acts first.'],
    ],
    feedback: 'A good start: add the protection measures.',
  });

  await withPage(browser(), 'released grade', async (page) => {
    await logIn(page, learner);
    await page.goto(`/courses/${course.slug}/assignments/${assignment.id}`);
    const grade = page.getByRole('region', { name: 'Your grade' });
    await grade.getByTestId('grade-score').filter({ hasText: 'Score 7.5 / 10' }).waitFor(TIMEOUT);
    await grade.getByRole('row', { name: /Analysis.*Sharp analysis of the risks\..*5 \/ 6/ }).waitFor(TIMEOUT);
    await grade.getByRole('row', { name: /Clarity.*Say who acts first\..*2\.5 \/ 4/ }).waitFor(TIMEOUT);
    await grade.getByText('A good start: add the protection measures.').waitFor(TIMEOUT);
    await page.getByRole('navigation', { name: 'Course outline' }).getByRole('link', { name: /Risk assessment.*Graded/ }).waitFor(TIMEOUT);
  });
}, 60_000);

test('a grade not yet released stays hidden from the learner', async () => {
  const learner = await signUp({ displayName: 'Waiting learner' });
  await enrol(learner.token, course.id);
  const assignment = await createAssignment(admin.token, { courseId: course.id, moduleId: week, title: 'Protection measures' });
  const submissionId = await submitWork(learner.token, assignment.id, 'Safe houses and hotlines.');
  await graphql(
    `mutation ($input: GradeSubmissionInput!) { gradeSubmission(input: $input) { id } }`,
    { input: { submissionId, feedback: 'Not yet for you', criterionScores: assignment.rubric.map((criterion) => ({ criterionId: criterion.id, points: 1 })) } },
    admin.token,
  );
  await withPage(browser(), 'unreleased grade', async (page) => {
    await logIn(page, learner);
    await page.goto(`/courses/${course.slug}/assignments/${assignment.id}`);
    await page.getByText('Your trainer will grade it.').waitFor(TIMEOUT);
    await expect(page.getByRole('region', { name: 'Your grade' }).count()).resolves.toBe(0);
    await expect(page.getByText('Not yet for you').count()).resolves.toBe(0);
  });
}, 60_000);
