import { expect } from '@jest/globals';
import { createAdmin, publishedCourse } from './api.js';
import { useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

const LESSONS = [
  ['Why defenders matter', '## Why defenders matter\n\nHuman rights defenders are people who act to promote or protect rights.'],
  ['The UN Declaration', '## The UN Declaration\n\nAdopted in 1998, it recognises the right to defend rights.'],
];

test('a learner enrols, reads a lesson, marks it complete and sees their progress move', async () => {
  const course = await publishedCourse(await createAdmin(), { title: 'NHRIs and human rights defenders', lessons: LESSONS });
  await withPage(
    browser(),
    'enrol, read, complete',
    async (page) => {
      await page.goto('/sign-up');
      await page.getByLabel('Email address').fill(`learner-${Date.now()}@example.org`);
      await page.getByLabel('Password').fill('a long enough passphrase');
      await page.getByLabel('Display name').fill('Ana (pseudonym)');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByTestId('session-name').waitFor(TIMEOUT);

      await page.getByRole('navigation').getByRole('link', { name: 'Courses' }).click();
      await page.getByRole('link', { name: course.title }).click();
      await page.getByRole('heading', { level: 1, name: course.title }).waitFor(TIMEOUT);
      await page.getByRole('heading', { name: 'Part One' }).waitFor(TIMEOUT);

      await page.getByRole('button', { name: 'Enrol in this course' }).click();
      const progress = page.getByTestId('progress-text');
      await progress.waitFor(TIMEOUT);
      expect(await progress.innerText()).toBe('0 of 2 lessons completed (0%)');
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
      // A member's course home: where they are, and what to read first.
      const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await breadcrumbs.innerText()).toMatch(/^Courses\s*›?\s*NHRIs and human rights defenders$/);
      const upNext = page.getByRole('region', { name: 'Up next' });
      expect((await upNext.innerText()).replace(/\s+/g, ' ')).toContain('Week 1: Who defends rights Why defenders matter');
      await upNext.getByRole('link', { name: /^Start\W+Why defenders matter$/ }).waitFor(TIMEOUT);

      await page.getByRole('link', { name: 'Why defenders matter', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Why defenders matter' }).waitFor(TIMEOUT);
      expect(await page.locator('.prose').innerText()).toContain('Human rights defenders are people');
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByText('You completed this lesson').waitFor(TIMEOUT);
      await page.getByTestId('progress-text').filter({ hasText: '1 of 2' }).waitFor(TIMEOUT);

      // The next lesson is one click away; the course page shows the tick and the new progress.
      expect(await page.getByRole('link', { name: /Next\s*The UN Declaration/ }).count()).toBe(1);
      // The breadcrumbs lead back: Courses › the course › its week › this lesson.
      const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await trail.getByRole('listitem').allInnerTexts()).toEqual(['Courses', course.title, 'Week 1: Who defends rights', 'Why defenders matter']);
      await trail.getByRole('link', { name: course.title }).click();
      await page.getByRole('heading', { level: 1, name: course.title }).waitFor(TIMEOUT);
      expect(await page.getByTestId('progress-text').innerText()).toBe('1 of 2 lessons completed (50%)');
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
      // The innermost list item: the lesson's own row inside its week.
      const lessonRow = (name) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) }).last();
      const read = lessonRow('Why defenders matter');
      expect(await read.innerText()).toContain('Completed');
      const unread = lessonRow('The UN Declaration');
      expect(await unread.innerText()).not.toContain('Completed');
      await page.getByRole('region', { name: 'Up next' }).getByRole('link', { name: /^Continue\W+The UN Declaration$/ }).waitFor(TIMEOUT);
    },
    { timezoneId: 'Asia/Yangon' },
  );
});
