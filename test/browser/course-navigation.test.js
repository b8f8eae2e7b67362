// Moving through a course: on a phone from lesson to lesson and week to week without scrolling back to the
// top, on a wide screen through the sidebar outline with the keyboard alone, and from the dashboard
// straight to the lesson where each course continues.
import { expect } from '@jest/globals';
import { completeLesson, createAdmin, enrol, publishedCourse, signUp } from './api.js';
import { logIn, useBrowser, waitForFocus, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };
const DAY = 86_400_000;
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** A lesson long enough to scroll through on any screen. */
const long = (title) =>
  `## ${title}\n\n` +
  Array.from({ length: 24 }, (_, i) => `Paragraph ${i + 1}: national human rights institutions receive complaints, visit places of detention and speak publicly when defenders are at risk.`).join('\n\n');

const WEEKS = [
  { title: 'Week 1: Who defends rights', part: 'Part One', lessons: [['Why defenders matter', long('Why defenders matter')], ['The UN Declaration', long('The UN Declaration')]] },
  { title: 'Week 2: The protection framework', part: 'Part One', lessons: [['Regional mechanisms', long('Regional mechanisms')], ['Protection programmes', long('Protection programmes')]] },
  // Opens in two weeks: locked for learners.
  { title: 'Week 3: Acting together', part: 'Part Two', opensAt: () => new Date(Date.now() + 14 * DAY).toISOString(), lessons: [['Working with civil society', long('Working with civil society')]] },
];
const modules = (weeks = WEEKS) => weeks.map((week) => ({ ...week, opensAt: week.opensAt?.() }));

/** A learner enrolled in a four-part course, with its first lesson done. */
async function learnerInCourse() {
  const admin = await createAdmin();
  const course = await publishedCourse(admin, { title: `Protecting defenders ${Date.now()}`, modules: modules() });
  const learner = await signUp({ displayName: 'Ana (pseudonym)', timeZone: 'Asia/Kathmandu' });
  await enrol(learner.token, course.id);
  await completeLesson(learner.token, course.lessonIds[0]);
  return { admin, course, learner };
}

const lessonTitle = (page, name) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor(TIMEOUT);

/** Whether the element is wholly on screen now. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  return !!box && box.y >= 0 && box.y + box.height <= page.viewportSize().height;
}

/** What a part of the page says, as one line. */
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** Reads on: scrolls down as a reader's thumb does (to the end, or half way). */
async function scrollDown(page, fraction = 1) {
  await page.evaluate((f) => window.scrollTo({ top: (document.documentElement.scrollHeight - window.innerHeight) * f, behavior: 'instant' }), fraction);
  await page.waitForFunction(() => window.scrollY > 0, null, TIMEOUT);
}

test('on a phone a learner moves from lesson to lesson and across weeks with the buttons and the switcher, never scrolling back up', async () => {
  const { course, learner } = await learnerInCourse();
  await withPage(
    browser(),
    'phone: lesson to lesson',
    async (page) => {
      await logIn(page, learner);
      await page.goto(`/courses/${course.slug}/lessons/${course.lessonIds[0]}`);
      await lessonTitle(page, 'Why defenders matter');
      await page.getByRole('button', { name: /^Week 1 · Lesson 1 of 2/ }).waitFor(TIMEOUT);
      expect(await page.getByRole('link', { name: /^Previous lesson/ }).count()).toBe(0);
      const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });

      // Having read to the end, the next lesson is right there; it opens at its top, its title focused.
      await scrollDown(page);
      const next = pager.getByRole('link', { name: /^Next\s*The UN Declaration$/ });
      expect(await inView(page, next)).toBe(true);
      await next.tap();
      await lessonTitle(page, 'The UN Declaration');
      await waitForFocus(page, { text: 'The UN Declaration' });
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.getByRole('button', { name: /^Week 1 · Lesson 2 of 2/ }).waitFor(TIMEOUT);

      // The last lesson of week 1 leads into week 2.
      await scrollDown(page);
      const intoWeekTwo = pager.getByRole('link', { name: /^Next\s*Regional mechanisms$/ });
      expect(await inView(page, intoWeekTwo)).toBe(true);
      await intoWeekTwo.tap();
      await lessonTitle(page, 'Regional mechanisms');
      await page.getByRole('button', { name: /^Week 2 · Lesson 1 of 2/ }).waitFor(TIMEOUT);

      // Half way down, the bar on top still holds the previous lesson (back across the week), the switcher and the next one.
      await scrollDown(page, 0.5);
      expect(await inView(page, page.getByRole('link', { name: /^Next lesson\W+Protection programmes$/ }))).toBe(true);
      const back = page.getByRole('link', { name: /^Previous lesson\W+The UN Declaration$/ });
      expect(await inView(page, back)).toBe(true);
      await back.tap();
      await lessonTitle(page, 'The UN Declaration');
      await waitForFocus(page, { text: 'The UN Declaration' });

      // The switcher, in view half way down, opens the whole outline with this lesson marked and the first one ticked.
      await scrollDown(page, 0.5);
      const switcher = page.getByRole('button', { name: /^Week 1 · Lesson 2 of 2/ });
      expect(await inView(page, switcher)).toBe(true);
      await switcher.tap();
      const outline = page.getByRole('dialog', { name: 'Course outline' });
      await outline.waitFor(TIMEOUT);
      expect(await outline.getByRole('link', { name: 'The UN Declaration' }).getAttribute('aria-current')).toBe('page');
      await waitForFocus(page, { text: 'The UN Declaration' });
      expect(await outline.getByRole('link', { name: /^Why defenders matter\W+Completed$/ }).count()).toBe(1);
      // The locked week says when it opens and has no lesson to open.
      const locked = outline.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Week 3: Acting together' }) });
      expect(await locked.innerText()).toMatch(/Opens /);
      expect(await locked.getByRole('link').count()).toBe(0);

      // A lesson of another week, one tap away; the outline closes and the lesson opens at its title.
      await outline.getByRole('link', { name: 'Protection programmes' }).tap();
      await lessonTitle(page, 'Protection programmes');
      await waitForFocus(page, { text: 'Protection programmes' });
      expect(await outline.isVisible()).toBe(false);
      await page.getByRole('button', { name: /^Week 2 · Lesson 2 of 2/ }).waitFor(TIMEOUT);

      // The last open lesson: nothing next until week 3 opens, and the reader is told so.
      await scrollDown(page);
      expect(await pager.getByRole('link', { name: /^Next/ }).count()).toBe(0);
      expect(await pager.innerText()).toContain('You have read every lesson open so far.');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    },
    { timezoneId: 'Asia/Kathmandu', ...PHONE },
  );
});

test('on a wide screen the keyboard reaches the sidebar outline, Enter opens a lesson and focus lands on its title', async () => {
  const { course, learner } = await learnerInCourse();
  await withPage(
    browser(),
    'keyboard: sidebar outline',
    async (page) => {
      await logIn(page, learner);
      await page.goto(`/courses/${course.slug}/lessons/${course.lessonIds[1]}`);
      await lessonTitle(page, 'The UN Declaration');
      await waitForFocus(page, { text: 'The UN Declaration' });
      const sidebar = page.getByRole('navigation', { name: 'Course outline' });
      expect(await sidebar.getByRole('link', { name: 'The UN Declaration' }).getAttribute('aria-current')).toBe('page');
      // The phone's bar has no place here: the outline is beside the lesson.
      expect(await page.getByRole('button', { name: /^Week 1 · Lesson 2 of 2/ }).count()).toBe(0);

      // From the lesson's title, Tab goes on through the lesson to the outline.
      let onLink = false;
      for (let presses = 0; presses < 30 && !onLink; presses++) {
        await page.keyboard.press('Tab');
        onLink = await page.evaluate(
          () => !!document.activeElement?.closest('nav[aria-label="Course outline"]') && document.activeElement.textContent === 'Regional mechanisms',
        );
      }
      expect(onLink).toBe(true);
      await page.keyboard.press('Enter');
      await lessonTitle(page, 'Regional mechanisms');
      await waitForFocus(page, { text: 'Regional mechanisms' });
      expect(await sidebar.getByRole('link', { name: 'Regional mechanisms' }).getAttribute('aria-current')).toBe('page');

      // However far the lesson is read, the outline stays in view.
      await scrollDown(page);
      expect(await inView(page, sidebar.getByRole('link', { name: 'Protection programmes' }))).toBe(true);

      // The breadcrumbs' week opens the course's home at that week, unfolded.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Week 2: The protection framework' }).click();
      const week = page.getByRole('heading', { level: 3, name: 'Week 2: The protection framework' });
      await week.waitFor(TIMEOUT);
      await page.waitForFunction(() => document.getElementById(location.hash.slice(1))?.getBoundingClientRect().top < window.innerHeight / 2, null, TIMEOUT);
      expect(await page.getByRole('main').getByRole('link', { name: 'Protection programmes', exact: true }).isVisible()).toBe(true);
    },
    { timezoneId: 'Pacific/Kiritimati', ...DESKTOP },
  );
});

test('the dashboard shows where each course continues; Continue opens that lesson, and once it is done the dashboard names the next', async () => {
  const admin = await createAdmin();
  const defenders = await publishedCourse(admin, { title: `Protecting defenders ${Date.now()}`, modules: modules() });
  const security = await publishedCourse(admin, {
    title: `Digital security ${Date.now()}`,
    modules: [{ title: 'Module 1: Safer phones', lessons: [['Locking your phone', long('Locking your phone')]] }],
  });
  // Week 1 read, week 2 not open yet.
  const waiting = await publishedCourse(admin, {
    title: `Monitoring detention ${Date.now()}`,
    modules: modules([WEEKS[0], { ...WEEKS[2], title: 'Week 2: Visiting places of detention' }]),
  });
  const learner = await signUp({ displayName: 'Bima (pseudonym)', timeZone: 'Asia/Jakarta' });
  for (const course of [defenders, security, waiting]) await enrol(learner.token, course.id);
  await completeLesson(learner.token, defenders.lessonIds[0]);
  await completeLesson(learner.token, waiting.lessonIds[0]);
  await completeLesson(learner.token, waiting.lessonIds[1]);

  await withPage(
    browser(),
    'dashboard: continue',
    async (page) => {
      await logIn(page, learner);
      const learning = page.getByRole('region', { name: 'Continue where you left off' });
      const card = (course) => learning.getByRole('article', { name: course.title });
      await card(defenders).waitFor(TIMEOUT);

      // Each course being learned, its next lesson under its week.
      expect(await text(card(defenders))).toContain('Week 1: Who defends rights The UN Declaration');
      expect(await card(defenders).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('20');
      await card(security).getByRole('link', { name: /^Start\W+Locking your phone$/ }).waitFor(TIMEOUT);
      expect(await card(waiting).innerText()).toContain('Waiting for the next week to open');
      expect(await card(waiting).innerText()).toMatch(/Opens /);
      expect(await card(waiting).getByRole('link', { name: /^(Continue|Start)/ }).count()).toBe(0);
      // Not the empty state: this person has courses.
      expect(await page.getByRole('link', { name: 'Browse courses' }).count()).toBe(0);

      await card(defenders).getByRole('link', { name: /^Continue\W+The UN Declaration$/ }).click();
      await lessonTitle(page, 'The UN Declaration');
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByRole('status').filter({ hasText: 'You completed this lesson' }).waitFor(TIMEOUT);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await card(defenders).getByRole('link', { name: /^Continue\W+Regional mechanisms$/ }).waitFor(TIMEOUT);
      expect(await text(card(defenders))).toContain('Week 2: The protection framework Regional mechanisms');
      expect(await card(defenders).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    },
    { timezoneId: 'Asia/Jakarta', ...DESKTOP },
  );
});

test('someone with no course and no session is shown the way to the catalogue, and nothing pretends to be there', async () => {
  const newcomer = await signUp({ displayName: 'Chit (pseudonym)', timeZone: 'Asia/Yangon' });
  await withPage(
    browser(),
    'dashboard: empty',
    async (page) => {
      await logIn(page, newcomer);
      await page.getByRole('heading', { name: 'Start your first course' }).waitFor(TIMEOUT);
      expect(await page.getByRole('region', { name: 'Continue where you left off' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Next live session' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Browse courses' }).click();
      await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor(TIMEOUT);
    },
    { timezoneId: 'Asia/Yangon', ...PHONE },
  );
});
