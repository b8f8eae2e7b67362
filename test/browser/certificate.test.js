import { expect } from '@jest/globals';
import { certificateByCode, createAdminAccount, publishedCourse } from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };
// The worker issues the certificate by a job; the course page looks again every 5 s until it is there.
const CERTIFICATE_TIMEOUT = { timeout: 20_000 };
const CODE = /^KPW-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

const MODULES = [
  {
    title: 'Week 1: Who defends rights',
    part: 'Part One',
    lessons: [['Why defenders matter', '## Why defenders matter\n\nHuman rights defenders are people who act to promote or protect rights.']],
  },
  {
    title: 'Week 2: The protection framework',
    part: 'Part Two',
    lessons: [['The UN Declaration', '## The UN Declaration\n\nAdopted in 1998, it recognises the right to defend rights.']],
  },
];

/** A description list as a person reads it: term → description. */
async function figures(page) {
  const terms = await page.getByRole('term').allInnerTexts();
  const descriptions = await page.getByRole('definition').allInnerTexts();
  return Object.fromEntries(terms.map((term, index) => [term.trim(), descriptions[index]?.trim()]));
}

test('a learner completes a course, gets a certificate anyone can verify, and their evaluation reaches the trainers', async () => {
  const admin = await createAdminAccount();
  const course = await publishedCourse(admin.token, { title: `Defending the defenders ${Date.now()}`, modules: MODULES });
  const learnerName = 'Ana (pseudonym)';
  const comment = 'The case studies from the region were the most useful part.';

  await withPage(
    browser(),
    'learner: enrol to certificate',
    async (page) => {
      await page.goto('/sign-up');
      await page.getByLabel('Email address').fill(`learner-${Date.now()}@example.org`);
      await page.getByLabel('Password').fill('a long enough passphrase');
      await page.getByLabel('Display name').fill(learnerName);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByTestId('session-name').filter({ hasText: learnerName }).waitFor(TIMEOUT);

      await page.goto(`/courses/${course.slug}`);
      await page.getByRole('heading', { level: 1, name: course.title }).waitFor(TIMEOUT);
      await page.getByRole('button', { name: 'Enrol in this course' }).click();
      const progress = page.getByTestId('progress-text');
      await progress.filter({ hasText: '0 of 2' }).waitFor(TIMEOUT);

      // Each week's lesson, opened from the course outline.
      for (const [index, { lessons }] of MODULES.entries()) {
        const [lessonTitle] = lessons[0];
        // In its week (the "Up next" call to action names it too).
        await page.getByRole('link', { name: lessonTitle, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: lessonTitle }).waitFor(TIMEOUT);
        await page.getByRole('button', { name: 'Mark complete' }).click();
        await page.getByRole('status').filter({ hasText: 'You completed this lesson' }).waitFor(TIMEOUT);
        await page.getByTestId('progress-text').filter({ hasText: `${index + 1} of 2` }).waitFor(TIMEOUT);
        await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: course.title }).click();
        await page.getByRole('heading', { level: 1, name: course.title }).waitFor(TIMEOUT);
      }

      expect(await progress.innerText()).toBe('2 of 2 lessons completed (100%)');
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      await page.getByRole('heading', { name: 'You completed this course' }).waitFor(TIMEOUT);
      // Nothing left to continue.
      expect(await page.getByRole('link', { name: 'Continue' }).count()).toBe(0);

      await page.getByRole('link', { name: 'Your certificate' }).click(CERTIFICATE_TIMEOUT);
      const certificate = page.getByRole('article', { name: learnerName });
      await certificate.waitFor(TIMEOUT);
      expect(await certificate.getByRole('heading', { level: 1 }).innerText()).toBe(learnerName);
      expect(await certificate.getByRole('link', { name: course.title }).count()).toBe(1);
      const seen = await figures(page);
      expect(seen.Code).toMatch(CODE);
      const publicUrl = seen['Verify at'];
      expect(publicUrl).toBe(`${process.env.KAPWA_WEB_URL}/certificates/${seen.Code}`);
      expect(await certificate.getByRole('link', { name: publicUrl }).getAttribute('href')).toBe(publicUrl);

      // The date is the course's calendar date (Bangkok), as a printed certificate says it.
      const { issuedAt } = await certificateByCode(seen.Code);
      expect(seen.Issued).toBe(new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date(issuedAt)));

      // Anyone with the address, signed out, sees the same certificate, with the same date, from a day behind.
      await withPage(
        browser(),
        'visitor: verify certificate',
        async (visitor) => {
          await visitor.goto(publicUrl);
          await visitor.getByRole('heading', { level: 1, name: learnerName }).waitFor(TIMEOUT);
          expect(await visitor.getByTestId('session-name').count()).toBe(0);
          expect(await visitor.getByRole('link', { name: course.title }).count()).toBe(1);
          const verified = await figures(visitor);
          expect(verified.Code).toBe(seen.Code);
          expect(verified.Issued).toBe(seen.Issued);
        },
        { timezoneId: 'Pacific/Pago_Pago' },
      );

      // Back on the course page, the learner tells the trainers what they thought.
      await page.getByRole('link', { name: course.title }).click();
      const form = page.getByRole('form', { name: 'Tell us what you thought' });
      await form.waitFor(TIMEOUT);
      await form.getByRole('group', { name: 'How relevant was this course to your work?' }).getByRole('radio', { name: '4 — Quite' }).check();
      await form.getByRole('group', { name: 'How useful was it?' }).getByRole('radio', { name: '5 — Very' }).check();
      await form.getByLabel('Comment').fill(comment);
      await form.getByRole('button', { name: 'Send' }).click();
      await form.getByRole('status').filter({ hasText: 'Thank you. Your answers have been saved.' }).waitFor(TIMEOUT);
    },
    // 25 hours ahead of the visitor below: at any hour the two are on different calendar days.
    { timezoneId: 'Pacific/Kiritimati' },
  );

  await withPage(
    browser(),
    'admin: evaluation summary',
    async (page) => {
      await logIn(page, admin);
      await page.goto(`/courses/${course.slug}`);
      await page.getByRole('link', { name: 'Evaluation summary' }).click();
      await page.getByRole('heading', { level: 1, name: `Evaluation: ${course.title}` }).waitFor(TIMEOUT);
      expect(await figures(page)).toEqual({ Responses: '1', 'Mean relevance': '4.0 out of 5', 'Mean usefulness': '5.0 out of 5' });
      await page.getByRole('heading', { name: 'Comments' }).waitFor(TIMEOUT);
      expect(await page.getByRole('listitem').filter({ hasText: comment }).count()).toBe(1);
      // Trainers see what was said, not who said it.
      expect(await page.getByRole('main').innerText()).not.toContain(learnerName);
    },
    { timezoneId: 'Asia/Bangkok' },
  );
}, 120_000);
