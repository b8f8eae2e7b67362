import { expect } from '@jest/globals';
import { createAdmin, eventually, graphql, signUp } from './api.js';
import { logIn, useBrowser, waitForFocus, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

/** The editor's outline as a trainer reads it: each module's title, then its lessons' titles. */
async function outline(page) {
  return page.locator('.outline-module').evaluateAll((modules) =>
    modules.map((module) => [
      module.querySelector(':scope > .outline-row .outline-title').textContent,
      ...[...module.querySelectorAll('.outline-lessons .outline-title')].map((a) => a.textContent),
    ]),
  );
}

/** Waits until the outline reads `expected` (a move shows at once; its answer follows), or shows how it differs. */
async function outlineReads(page, expected) {
  await eventually(async () => JSON.stringify(await outline(page)) === JSON.stringify(expected), 'the outline').catch(() => {});
  expect(await outline(page)).toEqual(expected);
}

/** Waits until what the drag and drop last read out to screen readers (its live region) is `text`. */
function announced(page, text) {
  return page.waitForFunction((text) => document.querySelector('[id^="DndLiveRegion"]')?.textContent === text, text, TIMEOUT);
}

/** Waits until focus is on the control named `name` (by its label or its text). */
function focusOn(page, name) {
  return page.waitForFunction(
    (name) => {
      const element = document.activeElement;
      return !!element && (element.getAttribute('aria-label') ?? element.textContent) === name;
    },
    name,
    TIMEOUT,
  );
}

/** A trainer (role TRAINER) with a draft course of their own, built through the API: `{ trainer, course }`. */
async function trainerWithCourse(modules) {
  const admin = await createAdmin();
  const trainer = await signUp({ displayName: 'Trainer Tala' });
  await graphql(`mutation ($id: ID!) { setUserRoles(userId: $id, roles: [TRAINER]) { id } }`, { id: trainer.user.id }, admin);
  const slug = `editor-${Date.now()}`;
  const { createCourse } = await graphql(
    `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    { input: { slug, title: 'Defenders at risk', summary: 'How NHRIs respond when defenders face reprisals.', timeZone: 'Asia/Bangkok', language: 'en' } },
    trainer.token,
  );
  const lessons = {};
  for (const [title, lessonTitles] of modules) {
    const { addModule } = await graphql(`mutation ($input: AddModuleInput!) { addModule(input: $input) { id } }`, { input: { courseId: createCourse.id, title } }, trainer.token);
    for (const lesson of lessonTitles) {
      const { addLesson } = await graphql(
        `mutation ($input: AddLessonInput!) { addLesson(input: $input) { id } }`,
        { input: { moduleId: addModule.id, title: lesson, body: `## ${lesson}\n\nText.`, estimatedMinutes: 10 } },
        trainer.token,
      );
      lessons[lesson] = addLesson.id;
    }
  }
  return { trainer, course: { id: createCourse.id, slug, lessons } };
}

const WEEKS = [
  ['Week 1: Who defends rights', ['Why defenders matter', 'The UN Declaration', 'Where to turn']],
  ['Week 2: Responding to reprisals', ['Urgent actions']],
];

async function openEditor(page, slug, search = '') {
  await page.goto(`/courses/${slug}/edit${search}`);
  await page.getByRole('heading', { level: 1, name: 'Edit: Defenders at risk' }).waitFor(TIMEOUT);
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

    await page.getByRole('link', { name: 'Add a module' }).click();
    const addModule = page.getByRole('form', { name: 'Add a module' });
    for (const week of ['Week 2: Responding to reprisals', 'Week 1: Who defends rights', 'Spare week']) {
      await addModule.getByLabel('Module title').fill(week);
      await addModule.getByLabel('Part', { exact: true }).fill('Part One');
      await addModule.getByRole('button', { name: 'Add module' }).click();
      await page.getByRole('status').filter({ hasText: `Module “${week}” added.` }).waitFor(TIMEOUT);
    }
    // "Added" says so for a moment, then gets out of the way.
    await page.getByRole('status').filter({ hasText: 'Module “Spare week” added.' }).waitFor({ state: 'detached', ...TIMEOUT });

    const lessons = [
      ['Week 2: Responding to reprisals', 'Urgent actions', '## Urgent actions\n\nWhat to do in the **first 48 hours**.'],
      ['Week 1: Who defends rights', 'The UN Declaration', '## The UN Declaration\n\nAdopted in 1998.'],
      ['Week 1: Who defends rights', 'Why defenders matter', '## Why defenders matter\n\nDefenders act to protect rights.'],
    ];
    for (const [week, lesson, body] of lessons) {
      // Each module has its own "Add a lesson", which starts the form in that module.
      await page.getByRole('link', { name: `Add a lesson to “${week}”` }).click();
      const form = page.getByRole('form', { name: 'Add a lesson' });
      // The form follows the link to its week (a moment after the click, as React renders it).
      await form.getByLabel('Module', { exact: true }).locator('option:checked').filter({ hasText: week }).waitFor({ state: 'attached', ...TIMEOUT });
      await form.getByLabel('Lesson title').fill(lesson);
      await form.getByRole('textbox', { name: 'Lesson text (Markdown)' }).fill(body);
      await form.getByRole('button', { name: 'Add lesson', exact: true }).click();
      await page.getByRole('status').filter({ hasText: `Lesson “${lesson}” added.` }).waitFor(TIMEOUT);
    }
    // The preview is the API's rendering, as learners will see it.
    await page.getByRole('textbox', { name: 'Lesson text (Markdown)' }).fill('Some **bold** words');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.locator('.preview-panel strong', { hasText: 'bold' }).waitFor(TIMEOUT);

    await outlineReads(page, [
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
    await focusOn(page, 'Move lesson “Why defenders matter” down');

    // The spare week goes, after being asked once more.
    await page.getByRole('button', { name: 'More for module “Spare week”' }).click();
    await page.getByRole('button', { name: 'Remove module “Spare week”' }).click();
    await page.getByRole('dialog', { name: 'Remove this module?' }).getByRole('button', { name: 'Yes, remove the module' }).click();
    await page.locator('.outline-module', { hasText: 'Spare week' }).waitFor({ state: 'detached', ...TIMEOUT });
    await page.getByRole('status').filter({ hasText: 'Module “Spare week” removed.' }).waitFor(TIMEOUT);

    const expected = [
      ['Week 1: Who defends rights', 'Why defenders matter', 'The UN Declaration'],
      ['Week 2: Responding to reprisals', 'Urgent actions'],
    ];
    await outlineReads(page, expected);
    // What the page shows is what was saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Edit: ${title}` }).waitFor(TIMEOUT);
    await outlineReads(page, expected);

    // Details: what can still change about the course, and its publication.
    await page.getByRole('tab', { name: 'Details' }).click();
    const details = page.getByRole('form', { name: 'Course details' });
    await details.getByLabel('Who the course is for').fill('Staff of national human rights institutions.');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Publish course' }).click();
    await page.getByText('This course is published: learners can find it and enrol.').waitFor(TIMEOUT);
  });

  await withPage(browser(), 'learner finds the published course', async (page) => {
    await logIn(page, learner);
    await page.getByRole('navigation').getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor(TIMEOUT);
    // What the trainer wrote in Details, and the weeks in the trainer's order.
    await page.getByText('Staff of national human rights institutions.').waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Enrol in this course' }).click();
    await page.getByTestId('progress-text').waitFor(TIMEOUT);
    const lessonLinks = await page.getByRole('link', { name: /^(Why defenders matter|The UN Declaration|Urgent actions)$/ }).allInnerTexts();
    expect(lessonLinks).toEqual(['Why defenders matter', 'The UN Declaration', 'Urgent actions']);
    await page.getByRole('link', { name: 'Urgent actions' }).click();
    expect(await page.locator('.prose strong').innerText()).toBe('first 48 hours');
  });
}, 120_000);

test('a lesson chosen in the outline is edited beside it, and the address keeps it through a reload', async () => {
  const { trainer, course } = await trainerWithCourse(WEEKS);
  await withPage(browser(), 'trainer edits a lesson beside the outline', async (page) => {
    await logIn(page, trainer);
    await openEditor(page, course.slug);
    // Nothing chosen yet: the pane says what to do.
    await page.getByRole('heading', { name: 'Choose a week or a lesson' }).waitFor(TIMEOUT);

    await page.getByRole('link', { name: 'Where to turn' }).click();
    const form = page.getByRole('form', { name: 'Edit lesson “Where to turn”' });
    await form.waitFor(TIMEOUT);
    expect(new URL(page.url()).searchParams.get('lesson')).toBe(course.lessons['Where to turn']);
    await page.locator('.outline-title[aria-current="true"]', { hasText: 'Where to turn' }).waitFor(TIMEOUT);
    // Focus follows to the form, whose heading names the lesson.
    await waitForFocus(page, { text: 'Edit lesson “Where to turn”' });

    await form.getByLabel('Estimated minutes').fill('25');
    await form.getByRole('textbox', { name: 'Lesson text (Markdown)' }).fill('## Where to turn\n\nThe UN Special Rapporteur.');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Changes saved.' });
    await saved.waitFor(TIMEOUT);
    // The outline shows the new length at once.
    await page.locator('[data-outline-id] .outline-meta', { hasText: '25 min' }).waitFor(TIMEOUT);
    // "Saved" fades after a few seconds; the form stays open.
    await saved.waitFor({ state: 'detached', ...TIMEOUT });
    await form.waitFor(TIMEOUT);

    await page.reload();
    await page.getByRole('form', { name: 'Edit lesson “Where to turn”' }).waitFor(TIMEOUT);
    expect(await page.getByLabel('Estimated minutes').inputValue()).toBe('25');
    expect(await page.getByRole('textbox', { name: 'Lesson text (Markdown)' }).inputValue()).toBe('## Where to turn\n\nThe UN Special Rapporteur.');

    // Another lesson, then back: the address remembers each.
    await page.getByRole('link', { name: 'Urgent actions' }).click();
    await page.getByRole('form', { name: 'Edit lesson “Urgent actions”' }).waitFor(TIMEOUT);
    await page.goBack();
    await page.getByRole('form', { name: 'Edit lesson “Where to turn”' }).waitFor(TIMEOUT);

    // A module's form: its title, part and opening date.
    await page.getByRole('link', { name: 'Week 2: Responding to reprisals', exact: true }).click();
    const week = page.getByRole('form', { name: 'Edit module “Week 2: Responding to reprisals”' });
    await week.getByLabel('Part', { exact: true }).fill('Part Two');
    await week.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 3, name: 'Part Two' }).waitFor(TIMEOUT);
  });
});

test('lessons reorder by dragging their handle with the mouse, within a week and into another, and the order is kept', async () => {
  const { trainer, course } = await trainerWithCourse(WEEKS);
  await withPage(browser(), 'trainer drags lessons', async (page) => {
    await logIn(page, trainer);
    await openEditor(page, course.slug);

    /** Drags a row's handle onto another row, a few pixels past its middle, as a hand on a mouse would. */
    async function drag(handleName, ontoTitle, { below = false } = {}) {
      const handle = await page.getByRole('button', { name: handleName }).boundingBox();
      const target = await page.locator('.outline-row', { has: page.getByRole('link', { name: ontoTitle, exact: true }) }).boundingBox();
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await page.mouse.down();
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 + 10, { steps: 5 });
      await page.mouse.move(handle.x + handle.width / 2, target.y + target.height / 2 + (below ? 8 : -8), { steps: 20 });
      await page.mouse.up();
    }

    // Third to first in its week: one drag, one move.
    await drag('Drag lesson “Where to turn”', 'Why defenders matter');
    await page.getByRole('status').filter({ hasText: 'Lesson “Where to turn” is now number 1 in “Week 1: Who defends rights”.' }).waitFor(TIMEOUT);
    // Into the next week, below its only lesson.
    await drag('Drag lesson “The UN Declaration”', 'Urgent actions', { below: true });
    await page.getByRole('status').filter({ hasText: 'Lesson “The UN Declaration” is now number 2 in “Week 2: Responding to reprisals”.' }).waitFor(TIMEOUT);

    const expected = [
      ['Week 1: Who defends rights', 'Where to turn', 'Why defenders matter'],
      ['Week 2: Responding to reprisals', 'Urgent actions', 'The UN Declaration'],
    ];
    await outlineReads(page, expected);
    await page.reload();
    await openEditor(page, course.slug);
    await outlineReads(page, expected);
  });
});

test('from the keyboard, lessons move with the ↑/↓ buttons and with the drag handle (Space, arrows, Space), which says what it does', async () => {
  const { trainer, course } = await trainerWithCourse(WEEKS);
  await withPage(browser(), 'trainer reorders from the keyboard', async (page) => {
    await logIn(page, trainer);
    await openEditor(page, course.slug);

    // The buttons: one place at a time, and focus stays on the button.
    await page.getByRole('button', { name: 'Move lesson “Why defenders matter” down' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Lesson “Why defenders matter” is now number 2 in “Week 1: Who defends rights”.' }).waitFor(TIMEOUT);
    await focusOn(page, 'Move lesson “Why defenders matter” down');
    await outlineReads(page, [
      ['Week 1: Who defends rights', 'The UN Declaration', 'Why defenders matter', 'Where to turn'],
      ['Week 2: Responding to reprisals', 'Urgent actions'],
    ]);

    // The handle: Space picks the lesson up, ↑ moves it, Space drops it; each step is read out.
    const handle = page.getByRole('button', { name: 'Drag lesson “Where to turn”' });
    expect(await handle.getAttribute('aria-roledescription')).toBe('movable item');
    await handle.focus();
    await page.keyboard.press('Space');
    await announced(page, 'Picked up lesson “Where to turn”, number 3 of 3 in “Week 1: Who defends rights”.');
    await page.keyboard.press('ArrowUp');
    await announced(page, 'Lesson “Where to turn” would be number 2 of 3 in “Week 1: Who defends rights”.');
    await page.keyboard.press('Space');
    await announced(page, 'Lesson “Where to turn” dropped: it is now number 2 of 3 in “Week 1: Who defends rights”.');
    await page.getByRole('status').filter({ hasText: 'Lesson “Where to turn” is now number 2 in “Week 1: Who defends rights”.' }).waitFor(TIMEOUT);
    // Focus is back on the handle, ready for the next move.
    await focusOn(page, 'Drag lesson “Where to turn”');

    // ↓ past the end of a week goes into the next one, as the buttons do; Escape leaves it where it was.
    await page.keyboard.press('Space');
    await announced(page, 'Picked up lesson “Where to turn”, number 2 of 3 in “Week 1: Who defends rights”.');
    await page.keyboard.press('ArrowDown');
    await announced(page, 'Lesson “Where to turn” would be number 3 of 3 in “Week 1: Who defends rights”.');
    await page.keyboard.press('ArrowDown');
    await announced(page, 'Lesson “Where to turn” would be number 1 of 2 in “Week 2: Responding to reprisals”.');
    await page.keyboard.press('Escape');
    await announced(page, 'Moving cancelled: “Where to turn” is back where it was.');

    const expected = [
      ['Week 1: Who defends rights', 'The UN Declaration', 'Where to turn', 'Why defenders matter'],
      ['Week 2: Responding to reprisals', 'Urgent actions'],
    ];
    await outlineReads(page, expected);
    await page.reload();
    await openEditor(page, course.slug);
    await outlineReads(page, expected);
  });
});

test('a title is renamed where it stands: Enter saves, Escape cancels, and an empty title is refused', async () => {
  const { trainer, course } = await trainerWithCourse(WEEKS);
  await withPage(browser(), 'trainer renames in the outline', async (page) => {
    await logIn(page, trainer);
    await openEditor(page, course.slug, `?lesson=${course.lessons['Urgent actions']}`);
    const form = page.getByRole('form', { name: 'Edit lesson “Urgent actions”' });
    await form.waitFor(TIMEOUT);

    // A double click on the title.
    await page.getByRole('link', { name: 'Urgent actions' }).dblclick();
    const field = page.getByRole('textbox', { name: 'Rename lesson “Urgent actions”' });
    await waitForFocus(page, { id: await field.getAttribute('id') });
    await page.keyboard.type('Urgent actions in the first 48 hours');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Urgent actions in the first 48 hours' }).waitFor(TIMEOUT);
    await waitForFocus(page, { text: 'Urgent actions in the first 48 hours' });
    // The open form follows the new name.
    await page.getByRole('form', { name: 'Edit lesson “Urgent actions in the first 48 hours”' }).waitFor(TIMEOUT);
    expect(await page.getByLabel('Lesson title').inputValue()).toBe('Urgent actions in the first 48 hours');

    // Rename from the row's menu, then change one's mind.
    await page.getByRole('button', { name: 'More for module “Week 1: Who defends rights”' }).click();
    await page.getByRole('button', { name: 'Rename module “Week 1: Who defends rights”' }).click();
    await page.keyboard.type('Something else');
    await page.keyboard.press('Escape');
    await waitForFocus(page, { text: 'Week 1: Who defends rights' });

    // An empty title stays in the field with the reason.
    await page.getByRole('link', { name: 'Where to turn' }).dblclick();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Give the lesson a title of up to 200 characters.' }).waitFor(TIMEOUT);
    await page.keyboard.press('Escape');

    await page.reload();
    await openEditor(page, course.slug);
    await outlineReads(page, [
      ['Week 1: Who defends rights', 'Why defenders matter', 'The UN Declaration', 'Where to turn'],
      ['Week 2: Responding to reprisals', 'Urgent actions in the first 48 hours'],
    ]);
  });
});

test('members and live sessions have their own tabs, kept in the address', async () => {
  const { trainer, course } = await trainerWithCourse(WEEKS);
  const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  await graphql(
    `mutation ($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`,
    { input: { courseId: course.id, title: 'Week 1 discussion', startsAt, durationMinutes: 60 } },
    trainer.token,
  );
  await withPage(browser(), 'trainer opens members and sessions', async (page) => {
    await logIn(page, trainer);
    await openEditor(page, course.slug);

    await page.getByRole('tab', { name: 'Members' }).click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('members');
    const members = page.getByRole('tabpanel', { name: 'Members' });
    await members.getByRole('rowheader', { name: 'Trainer Tala' }).waitFor(TIMEOUT);
    await members.getByRole('form', { name: 'Invite someone' }).waitFor(TIMEOUT);

    // Arrow keys move between tabs (and show each).
    await page.getByRole('tab', { name: 'Members' }).focus();
    await page.keyboard.press('ArrowRight');
    const sessions = page.getByRole('tabpanel', { name: 'Live sessions' });
    await sessions.getByRole('heading', { name: 'Week 1 discussion' }).waitFor(TIMEOUT);
    await sessions.getByRole('form', { name: 'Schedule a session' }).waitFor(TIMEOUT);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('sessions');

    await page.reload();
    await page.getByRole('tabpanel', { name: 'Live sessions' }).getByRole('heading', { name: 'Week 1 discussion' }).waitFor(TIMEOUT);
    expect(await page.getByRole('tab', { name: 'Live sessions' }).getAttribute('aria-selected')).toBe('true');
  });
});

test('on a 360 px phone the outline and the form take turns, with a way back', async () => {
  const { trainer, course } = await trainerWithCourse(WEEKS);
  await withPage(
    browser(),
    'trainer edits on a phone',
    async (page) => {
      await logIn(page, trainer);
      await openEditor(page, course.slug);
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

      const outlineHeading = page.getByRole('heading', { level: 2, name: 'Course outline' });
      await outlineHeading.waitFor(TIMEOUT);
      // No empty pane beside it.
      expect(await page.getByRole('heading', { name: 'Choose a week or a lesson' }).isVisible()).toBe(false);
      expect(await fits()).toBe(true);

      await page.getByRole('link', { name: 'The UN Declaration' }).click();
      const form = page.getByRole('form', { name: 'Edit lesson “The UN Declaration”' });
      await form.waitFor(TIMEOUT);
      await outlineHeading.waitFor({ state: 'hidden', ...TIMEOUT });
      expect(await fits()).toBe(true);
      await form.getByLabel('Lesson title').fill('The UN Declaration of 1998');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor(TIMEOUT);

      await page.getByRole('button', { name: 'Back to outline' }).click();
      await outlineHeading.waitFor(TIMEOUT);
      // Back where the trainer left: on the lesson they opened.
      await waitForFocus(page, { text: 'The UN Declaration of 1998' });
      expect(await fits()).toBe(true);
      // The row's buttons still work at this size.
      await page.getByRole('button', { name: 'Move lesson “The UN Declaration of 1998” up' }).click();
      await outlineReads(page, [
        ['Week 1: Who defends rights', 'The UN Declaration of 1998', 'Why defenders matter', 'Where to turn'],
        ['Week 2: Responding to reprisals', 'Urgent actions'],
      ]);
    },
    { viewport: { width: 360, height: 740 } },
  );
});
