// What a person with a screen reader, a keyboard or a phone depends on: every main page passes axe's
// WCAG 2.0/2.1 A and AA rules with nothing serious or critical, the course and the lesson fit a 360 px
// screen without sideways scrolling, and a lesson can be completed from the keyboard alone.
// Few stories on purpose (each costs a browser context and log-ins): all pages are checked in one.
// Each page is also photographed in every look into artifacts/screenshots, for a reviewer to see.
import { expect } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  completeLesson,
  courseModuleIds,
  createAdminAccount,
  createAssignment,
  enrol,
  eventually,
  graphql,
  publishedCourse,
  scheduleSession,
  signUp,
  submitWork,
  unreadNotification,
} from './api.js';
import { seriousViolations } from './axe.js';
import { logIn, logOut, useBrowser, withPage } from './browser.js';
import { artifacts } from './stack/stack.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };
const PHONE = { width: 360, height: 740 };
/** Each page is checked at 1280 px and at 360 px, each in the light and the dark palette. */
const DESKTOP = { width: 1280, height: 800 };
const LOOKS = [
  { look: 'desktop, light', viewport: DESKTOP, colorScheme: 'light' },
  { look: 'desktop, dark', viewport: DESKTOP, colorScheme: 'dark' },
  { look: 'phone, light', viewport: PHONE, colorScheme: 'light' },
  { look: 'phone, dark', viewport: PHONE, colorScheme: 'dark' },
];
const screenshots = join(artifacts, 'screenshots');
const DAY = 86_400_000;

const MODULES = [
  {
    title: 'Week 1: Who defends rights',
    part: 'Part One',
    lessons: [
      ['Why defenders matter', '## Why defenders matter\n\nHuman rights defenders are people who act to promote or protect rights.'],
      [
        'Where to turn',
        // A table wider than a phone: it scrolls sideways inside the lesson, not the page.
        '## Where to turn\n\nAdopted in 1998, the UN Declaration recognises the right to defend rights.\n\n' +
          '| Mechanism | Who can use it | What it can do | Time to respond |\n| --- | --- | --- | --- |\n' +
          '| UN Special Rapporteur on human rights defenders | Anyone, including defenders themselves | Urgent appeals and communications to governments | Days to weeks |\n' +
          '| Regional human rights commissions | Depends on the region | Precautionary measures and country visits | Weeks to months |\n\n' +
          '> Everyone has the right, individually and in association with others, to promote and to strive for the protection and realization of human rights.',
      ],
      ['Risks defenders face', '## Risks defenders face\n\nSurveillance, harassment and criminalisation.'],
    ],
  },
  {
    title: 'Week 2: The protection framework',
    part: 'Part Two',
    // Locked: opens in two weeks.
    opensAt: new Date(Date.now() + 14 * DAY).toISOString(),
    lessons: [['Regional mechanisms', '## Regional mechanisms\n\nWhat regional bodies can do.']],
  },
];

let story;

/**
 * One course with an open and a locked week, a live session starting now and a rescheduled one (so the
 * learner has an unread notification), a learner a lesson into it holding a certificate of a short
 * refresher in Thai, and a trainer of the course.
 */
beforeAll(async () => {
  const admin = await createAdminAccount();
  const course = await publishedCourse(admin.token, { title: `Protecting defenders ${Date.now()}`, modules: MODULES });
  // In Thai, under the learner's English interface.
  const refresher = await publishedCourse(admin.token, { title: `ความปลอดภัยดิจิทัล ${Date.now()}`, language: 'th' });
  const learner = await signUp({ displayName: 'Ana (pseudonym)', timeZone: 'Asia/Yangon' });
  const trainer = await signUp({ displayName: 'Trainer Somchai', timeZone: 'Asia/Bangkok' });
  await graphql(
    `mutation ($courseId: ID!, $userId: ID!) { addCourseMember(courseId: $courseId, userId: $userId, role: TRAINER) { id } }`,
    { courseId: course.id, userId: trainer.user.id },
    admin.token,
  );
  await enrol(learner.token, course.id);
  await completeLesson(learner.token, course.lessonIds[0]);
  await enrol(learner.token, refresher.id);
  await completeLesson(learner.token, refresher.lessonIds[0]);

  await scheduleSession(admin.token, { courseId: course.id, title: 'Welcome call', startsAt: new Date(Date.now() + 5 * 60_000).toISOString() });
  const later = await scheduleSession(admin.token, { courseId: course.id, title: 'Week 1 discussion', startsAt: new Date(Date.now() + 10 * DAY).toISOString() });
  await graphql(
    `mutation ($id: ID!, $input: UpdateLiveSessionInput!) { updateLiveSession(sessionId: $id, input: $input) { id } }`,
    { id: later, input: { startsAt: new Date(Date.now() + 11 * DAY).toISOString() } },
    admin.token,
  );
  await unreadNotification(learner.token);
  const certificate = await eventually(async () => {
    const { myEnrollments } = await graphql(`{ myEnrollments { course { id } certificate { code } } }`, {}, learner.token);
    return myEnrollments.find((enrollment) => enrollment.course.id === refresher.id)?.certificate?.code;
  }, 'the refresher’s certificate');
  const [firstWeek] = await courseModuleIds(admin.token, course.slug);
  const assignment = await createAssignment(admin.token, {
    courseId: course.id,
    moduleId: firstWeek,
    title: 'Map the defenders your institution protects',
    dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
  });
  story = { admin, course, refresher, learner, trainer, certificate, assignment };
}, 60_000);

/**
 * Opens each page, waits until it shows what it is for (`ready` may also bring it to the state to check),
 * and collects what axe finds there in each look.
 */
async function auditPages(page, pages, found) {
  for (const [where, path, ready] of pages) {
    await page.goto(path);
    await ready(page);
    for (const { look, viewport, colorScheme } of LOOKS) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      // The page answers a new size in its next frames (a lesson's wide table joins the tab order on a
      // resize event): check it once it has, not in the moment between.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      found.push(...(await seriousViolations(page, `${where} (${path}), ${look}`)));
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `${`${where}, ${look}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`), fullPage: true });
    }
  }
}

function expectNoSeriousViolations(found) {
  if (found.length) throw new Error(`axe found serious or critical WCAG 2.1 A/AA violations:\n${found.join('\n')}`);
}

/** `ready` for a page that is ready once it shows this. */
const shows = (locate) => (page) => locate(page).waitFor(TIMEOUT);
const h1 = (name) => shows((page) => page.getByRole('heading', { level: 1, name }));

/** The editor as a trainer works in it: a lesson's form open on its preview, and a removal asking to be confirmed. */
async function editorAtWork(page) {
  // On a wide screen, where the lesson's form and the outline show side by side.
  await page.setViewportSize(DESKTOP);
  await page.getByRole('link', { name: 'Where to turn' }).click();
  const form = page.getByRole('form', { name: /Where to turn/ });
  await form.getByRole('tab', { name: 'Preview' }).click();
  await form.getByRole('tabpanel').locator('table').waitFor(TIMEOUT);
  await page.getByRole('button', { name: 'More for lesson “Risks defenders face”' }).click();
  await page.getByRole('button', { name: 'Remove lesson “Risks defenders face”' }).click();
  await page.getByRole('button', { name: 'Yes, remove the lesson' }).waitFor(TIMEOUT);
}

test('the main pages have no serious accessibility violations for a visitor who is not signed in', async () => {
  const { course, certificate } = story;
  const found = [];
  await withPage(
    browser(),
    'accessibility of the signed-out pages',
    async (page) => {
      await auditPages(
        page,
        [
          ['home, signed out', '/', h1('Learn human rights work together')],
          ['sign-up', '/sign-up', h1('Create your account')],
          ['log-in', '/log-in', h1('Log in')],
          ['course catalogue, signed out', '/courses', shows((p) => p.getByRole('link', { name: course.title }))],
          ['course, signed out', `/courses/${course.slug}`, shows((p) => p.getByRole('link', { name: 'Log in to enrol' }))],
          ['certificate verification', '/certificates', h1('Verify a certificate')],
          ['certificate', `/certificates/${certificate}`, h1('Ana (pseudonym)')],
          ['page not found', '/no-such-page', h1('Page not found')],
        ],
        found,
      );
    },
    { timezoneId: 'Asia/Yangon' },
  );
  expectNoSeriousViolations(found);
  // Every page in four looks: a long story, given room on a small, busy machine.
}, 180_000);

test('the main pages have no serious accessibility violations for a learner', async () => {
  const { course, refresher, learner, assignment } = story;
  const lesson = `/courses/${course.slug}/lessons/${course.lessonIds[1]}`;
  const found = [];
  await withPage(
    browser(),
    'accessibility of the learner pages',
    async (page) => {
      await logIn(page, learner);
      await auditPages(
        page,
        [
          ['dashboard', '/', shows((p) => p.getByRole('region', { name: 'Next live session' }).getByRole('link', { name: /^Join/ }))],
          ['my learning', '/learning', async (p) => {
            await p.getByRole('link', { name: 'Your certificate' }).waitFor(TIMEOUT);
            // A screen reader reads the Thai course's title in Thai (and axe checks the lang is valid).
            expect(await p.getByRole('link', { name: refresher.title, exact: true }).getAttribute('lang')).toBe('th');
          }],
          ['course, learner', `/courses/${course.slug}`, shows((p) => p.getByRole('progressbar'))],
          ['lesson, learner', lesson, shows((p) => p.getByRole('button', { name: 'Mark complete' }))],
          ['assignments, learner', `/courses/${course.slug}/assignments`, shows((p) => p.getByRole('link', { name: assignment.title }).first())],
          ['assignment, learner', `/courses/${course.slug}/assignments/${assignment.id}`, shows((p) => p.getByLabel('Your answer'))],
          ['notifications', '/notifications', shows((p) => p.getByRole('button', { name: 'Mark all as read' }))],
        ],
        found,
      );
      // The bell sits in the header of every signed-in page: it was checked on each; it must have a name.
      await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).waitFor(TIMEOUT);
      // The profile menu, open, in both palettes.
      await page.getByRole('button', { name: /Signed in as/ }).click();
      await page.getByRole('button', { name: 'Log out', exact: true }).waitFor(TIMEOUT);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        found.push(...(await seriousViolations(page, `profile menu open, ${colorScheme}`)));
      }
    },
    { timezoneId: 'Asia/Yangon' },
  );
  expectNoSeriousViolations(found);
}, 180_000);

test('the course editor and the live sessions page have no serious accessibility violations for a trainer', async () => {
  const { course, trainer } = story;
  const found = [];
  await withPage(
    browser(),
    'accessibility of the trainer pages',
    async (page) => {
      await logIn(page, trainer);
      await auditPages(
        page,
        [
          ['course editor, trainer', `/courses/${course.slug}/edit`, editorAtWork],
          ['live sessions, trainer', `/courses/${course.slug}/sessions`, shows((p) => p.getByRole('button', { name: 'Cancel session' }).first())],
        ],
        found,
      );
    },
    { timezoneId: 'Asia/Yangon' },
  );
  expectNoSeriousViolations(found);
}, 120_000);

test('the grading page and the gradebook have no serious accessibility violations for a trainer', async () => {
  const { admin, course, learner, trainer } = story;
  const { id: assignmentId } = await createAssignment(admin.token, { courseId: course.id, title: 'Map the defenders your institution protects' });
  await submitWork(learner.token, assignmentId, 'Journalists and land-rights defenders in the north.');
  const found = [];
  await withPage(
    browser(),
    'accessibility of grading',
    async (page) => {
      await logIn(page, trainer);
      await auditPages(
        page,
        [
          ['grading, trainer', `/courses/${course.slug}/grading`, shows((p) => p.getByRole('heading', { level: 2, name: 'Ana (pseudonym)' }))],
          ['gradebook, trainer', `/courses/${course.slug}/gradebook`, shows((p) => p.getByRole('table'))],
        ],
        found,
      );
    },
    { timezoneId: 'Asia/Yangon' },
  );
  expectNoSeriousViolations(found);
}, 120_000);

test('the account recovery pages and the profile have no serious accessibility violations', async () => {
  const { learner } = story;
  const found = [];
  await withPage(browser(), 'accessibility of account recovery', async (page) => {
    await auditPages(
      page,
      [
        ['forgot password', '/forgot-password', h1('Forgot your password?')],
        ['reset password', '/reset-password?token=not-a-real-link', h1('Choose a new password')],
      ],
      found,
    );
    await logIn(page, learner);
    await auditPages(page, [['profile', '/profile', shows((p) => p.getByRole('button', { name: 'Log out everywhere' }))]], found);
  });
  expectNoSeriousViolations(found);
});

test('on a phone the course and the lesson fit the screen, and a keyboard alone completes the lesson', async () => {
  const { course, learner } = story;
  await withPage(
    browser(),
    'phone and keyboard',
    async (page) => {
      const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      await logIn(page, learner);

      await page.goto(`/courses/${course.slug}`);
      await page.getByRole('progressbar').waitFor(TIMEOUT);
      expect(await fitsWidth()).toBe(true);

      await page.goto(`/courses/${course.slug}/lessons/${course.lessonIds[1]}`);
      const markComplete = page.getByRole('button', { name: 'Mark complete' });
      await markComplete.waitFor(TIMEOUT);
      expect(await fitsWidth()).toBe(true);

      // The page puts focus on the lesson's title; Tab moves on through the lesson (stopping at the
      // table, which scrolls sideways on a phone) to the button.
      const progress = page.getByTestId('progress-text');
      expect(await progress.innerText()).toBe('1 of 4 lessons completed (25%)');
      const focused = [];
      for (let presses = 0; presses < 15 && focused.at(-1) !== 'Mark complete'; presses++) {
        await page.keyboard.press('Tab');
        focused.push(await page.evaluate(() => (document.activeElement.tagName === 'TABLE' ? 'table' : document.activeElement.innerText)));
      }
      expect(focused).toContain('table');
      expect(focused.at(-1)).toBe('Mark complete');
      // Where focus is shows (WCAG 2.4.7): the app's ring, not the browser's default or nothing.
      expect(await markComplete.evaluate((button) => `${getComputedStyle(button).outlineStyle} ${getComputedStyle(button).outlineWidth}`)).toBe('solid 3px');
      await page.keyboard.press('Enter');
      await progress.filter({ hasText: '2 of 4 lessons completed (50%)' }).waitFor(TIMEOUT);
      // Focus is not lost: it lands on the note that replaced the button.
      const status = page.getByRole('status').filter({ hasText: 'You completed this lesson' });
      await status.waitFor(TIMEOUT);
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status' && /You completed this lesson/.test(document.activeElement.textContent ?? ''), null, TIMEOUT);
    },
    { timezoneId: 'Asia/Yangon', viewport: PHONE, hasTouch: true, isMobile: true },
  );
});

test('the admin console and the design system page have no serious accessibility violations', async () => {
  const { admin } = story;
  const found = [];
  await withPage(browser(), 'accessibility of the admin console', async (page) => {
    await logIn(page, admin);
    await auditPages(
      page,
      [
        ['admin', '/admin', h1('Admin')],
        ['admin people', '/admin/people', shows((p) => p.getByRole('table'))],
        ['admin organizations', '/admin/organizations', h1('Organizations')],
        ['admin audit log', '/admin/audit', h1('Audit log')],
        ['design system', '/admin/design', h1('Design system')],
      ],
      found,
    );
  });
  expectNoSeriousViolations(found);
}, 120_000);
