import { expect } from '@jest/globals';
import { createAdmin, enrol, graphql, publishedCourse, scheduleSession, signUp, unreadNotification } from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

/** 11:30 in Tokyo (UTC+9, no daylight saving) `days` from now: 02:30 UTC. */
function tokyoHalfPastEleven(days) {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 2, 30)).toISOString();
}

/** A Tokyo course with one session at 11:30 Tokyo, and an enrolled learner whose profile zone is Yangon. */
async function tokyoCourseWithYangonLearner(sessionTitle) {
  const admin = await createAdmin();
  const course = await publishedCourse(admin, { title: `Defenders orientation ${Date.now()}`, timeZone: 'Asia/Tokyo' });
  const sessionId = await scheduleSession(admin, { courseId: course.id, title: sessionTitle, startsAt: tokyoHalfPastEleven(10) });
  const learner = await signUp({ displayName: 'Thiri (pseudonym)', timeZone: 'Asia/Yangon' });
  await enrol(learner.token, course.id);
  return { admin, course, sessionId, learner };
}

test('a learner in Yangon sees a session at 11:30 Tokyo as 09:00 their time, with 11:30 Tokyo beside it', async () => {
  const { course, learner } = await tokyoCourseWithYangonLearner('Orientation');
  await withPage(
    browser(),
    'session times in the reader’s zone',
    async (page) => {
      await logIn(page, learner);

      // The course page links to its schedule.
      await page.goto(`/courses/${course.slug}`);
      await page.getByRole('navigation', { name: 'Course sections' }).getByRole('link', { name: 'Live sessions' }).click();
      const session = page.getByRole('article', { name: /Orientation/ });
      await session.waitFor(TIMEOUT);
      const when = await session.getByTestId('session-time').innerText();
      // Zones read as places in the reader's language, not "Asia/Yangon".
      expect(when).toContain('09:00 (Myanmar Time)');
      expect(when).toContain('11:30 Japan Time');
      // Its name is the visible words, then which session ("Add to calendar: Orientation").
      expect(await session.getByRole('link', { name: /^Add to calendar\W+Orientation$/ }).getAttribute('href')).toMatch(
        /^\/calendar\/sessions\/.+\.ics$/,
      );
      // Ten days ahead: not yet time to join.
      expect(await session.getByRole('link', { name: /^Join/ }).count()).toBe(0);
      await session.getByText('The join button appears 15 minutes before the start.').waitFor(TIMEOUT);

      // The same words beside the course's home, and on the dashboard as the next live session.
      await page.getByRole('navigation', { name: 'Course sections' }).getByRole('link', { name: 'Overview' }).click();
      const beside = page.getByRole('region', { name: 'Upcoming sessions' }).getByRole('article', { name: /Orientation/ });
      await beside.waitFor(TIMEOUT);
      expect(await beside.getByTestId('session-time').innerText()).toBe(when);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      const next = page.getByRole('region', { name: 'Next live session' }).getByRole('article', { name: /Orientation/ });
      await next.waitFor(TIMEOUT);
      expect(await next.getByTestId('session-time').innerText()).toBe(when);
      // Not yet time to join; adding it to a calendar is one small link.
      await next.getByText('The join button appears 15 minutes before the start.').waitFor(TIMEOUT);
      expect(await next.getByRole('link', { name: /^Add to calendar\W+Orientation$/ }).getAttribute('href')).toMatch(/^\/calendar\/sessions\/.+\.ics$/);
    },
    // The browser says Berlin: the profile's zone is the one that counts.
    { timezoneId: 'Europe/Berlin' },
  );
});

test('a rescheduled session reaches the learner’s bell, and reading it clears the count', async () => {
  const { admin, sessionId, learner } = await tokyoCourseWithYangonLearner('Week 1 discussion');
  await graphql(
    `mutation ($id: ID!, $input: UpdateLiveSessionInput!) { updateLiveSession(sessionId: $id, input: $input) { id } }`,
    { id: sessionId, input: { startsAt: tokyoHalfPastEleven(11) } },
    admin,
  );
  await unreadNotification(learner.token);

  await withPage(
    browser(),
    'notification bell',
    async (page) => {
      await logIn(page, learner);
      await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor(TIMEOUT);
      const item = page.getByRole('listitem').filter({ hasText: 'Week 1 discussion' });
      await item.waitFor(TIMEOUT);
      expect(await item.innerText()).toContain('09:00 (Yangon)');

      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor(TIMEOUT);
    },
    { timezoneId: 'Asia/Yangon' },
  );
});
