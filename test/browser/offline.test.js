// Offline reading on a phone: a learner saves a week of a course, loses the connection, opens a saved
// lesson by its address (the app itself from the service worker, the lesson from the device, its image
// from the saved copies), marks it complete offline, and the completion reaches the API once the
// connection is back, exactly once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { repo } from '../lib/local-services.js';
import { enrol, eventually, graphql, importedCourse, signUp } from './api.js';
import { logIn, logOut, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

const WEEKS = [
  {
    title: 'Week 1: Staying safe',
    lessons: [
      ['Threat assessment', '## Threat assessment\n\nMap who may act against you, and how likely it is, before each trip.'],
      [
        'Digital hygiene',
        '## Digital hygiene\n\n![Three overlapping circles: monitor, protector, supporter](../images/roles.png)\n\nLock your phone, update it, and keep sensitive notes off shared devices.',
      ],
    ],
  },
  { title: 'Week 2: Documentation', lessons: [['Recording testimony', 'Ask for consent before recording anything.']] },
];

async function progress(token, slug) {
  const { course } = await graphql(`query ($slug: String!) { course(slug: $slug) { myEnrollment { progress } modules { lessons { id completed } } } }`, { slug }, token);
  return course;
}

test('a saved week is read with the network off, and a lesson completed offline is recorded once when back online', async () => {
  const roles = readFileSync(join(repo, 'content/courses/protecting-defenders-nhri/images/three-roles.png'));
  const course = await importedCourse({ title: `Safety first ${Date.now()}`, modules: WEEKS, files: { 'images/roles.png': roles } });
  const learner = await signUp({ displayName: 'Noor (pseudonym)', timeZone: 'Asia/Yangon' });
  await enrol(learner.token, course.id);

  await withPage(
    browser(),
    'offline reading',
    async (page) => {
      await logIn(page, learner);
      await page.goto(`/courses/${course.slug}`);
      // The service worker holds the app shell before the connection goes.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      const weekOne = page.locator('.week-card', { hasText: 'Week 1: Staying safe' });
      await weekOne.getByRole('button', { name: 'Save this week for offline' }).tap();
      await weekOne.getByText(/^Saved for offline on /).waitFor(TIMEOUT);
      // Week 2 was not saved.
      expect(await page.locator('.week-card', { hasText: 'Week 2: Documentation' }).getByText(/^Saved for offline/).count()).toBe(0);
      // The page is controlled by the worker (a reload offline needs it).
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, TIMEOUT);

      await page.context().setOffline(true);
      await page.goto(`/courses/${course.slug}/lessons/${course.lessonIds[1]}`);
      await page.getByRole('heading', { level: 1, name: 'Digital hygiene' }).waitFor(TIMEOUT);
      await page.getByText('keep sensitive notes off shared devices').waitFor(TIMEOUT);
      // Its image too, from the copy saved with the week (decoded, not a broken-image box).
      const image = page.getByRole('img', { name: 'Three overlapping circles: monitor, protector, supporter' });
      await image.waitFor(TIMEOUT);
      await eventually(() => image.evaluate((img) => img.complete && img.naturalWidth === 800), 'the saved image shown offline');
      const notice = page.getByText(/^You are offline — showing the copy saved on /);
      await notice.waitFor(TIMEOUT);
      // In the reader's language and zone (their browser's, UTC here): a date, not a raw timestamp.
      expect(await notice.innerText()).not.toMatch(/T\d\d:/);

      await page.getByRole('button', { name: 'Mark complete' }).tap();
      await page.getByText('(waiting to be sent when you are back online)').waitFor(TIMEOUT);
      expect((await progress(learner.token, course.slug)).myEnrollment.progress).toBe(0);

      // The saved outline, offline, shows the week as saved and the lesson as done.
      await page.goto(`/courses/${course.slug}`);
      await page.getByText(/^You are offline — showing the copy saved on /).waitFor(TIMEOUT);
      await page.locator('.week-card', { hasText: 'Week 1: Staying safe' }).getByText(/^Saved for offline on /).waitFor(TIMEOUT);

      // Back online: sent once, and the page no longer says it waits.
      await page.goto(`/courses/${course.slug}/lessons/${course.lessonIds[1]}`);
      await page.getByText('(waiting to be sent when you are back online)').waitFor(TIMEOUT);
      await page.context().setOffline(false);
      const after = await eventually(async () => {
        const state = await progress(learner.token, course.slug);
        return state.myEnrollment.progress > 0 && state;
      }, 'the completion sent after reconnecting');
      expect(after.modules.flatMap((m) => m.lessons).filter((l) => l.completed).map((l) => l.id)).toEqual([course.lessonIds[1]]);
      expect(after.myEnrollment.progress).toBeCloseTo(1 / 3);
      await page.getByRole('status').filter({ hasText: 'Completed' }).waitFor(TIMEOUT);
      await eventually(async () => (await page.getByText('(waiting to be sent when you are back online)').count()) === 0, 'the pending note gone');

      // A reload sends nothing again: the queue is empty.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Digital hygiene' }).waitFor(TIMEOUT);
      expect((await progress(learner.token, course.slug)).myEnrollment.progress).toBeCloseTo(1 / 3);

      // Signing out forgets the saved week (and any queue) on this device.
      const savedKeys = () =>
        page.evaluate(
          () =>
            new Promise((resolve) => {
              const open = indexedDB.open('kapwa-offline');
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('kept')) return db.close(), resolve([]);
                const request = db.transaction('kept').objectStore('kept').getAllKeys();
                request.onsuccess = () => (db.close(), resolve(request.result.map(String)));
              };
              open.onerror = () => resolve([]);
            }),
        );
      expect((await savedKeys()).some((key) => key.includes('/lesson/'))).toBe(true);
      await logOut(page);
      await eventually(async () => !(await savedKeys()).some((key) => key.includes('/lesson/')), 'the saved lessons forgotten');
    },
    PHONE,
  );
});
