// Finding a course and deciding to join it: the catalogue's search and filters work in place (no page
// load), live in the address (shareable, Back undoes them) and from the keyboard alone; a course's page
// tells someone not in it what it offers; the signed-out home page stays light.
import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { archiveCourse, createAdminAccount, publishedCourse, scheduleSession, signUp } from './api.js';
import { logIn, useBrowser, waitForFocus, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };
const PHONE = { width: 360, height: 740 };
const DAY = 86_400_000;

// A word only this file's courses carry: other stories' courses share the catalogue.
const TAG = `zq${Date.now().toString(36)}`;
const story = {};

beforeAll(async () => {
  const admin = await createAdminAccount({ displayName: 'Maria Santos' });
  const english = await publishedCourse(admin.token, { title: `Protecting human rights defenders ${TAG}` });
  const french = await publishedCourse(admin.token, {
    title: `Droits de l’enfant ${TAG}`,
    summary: 'Défendre les droits des enfants à l’école.',
    language: 'fr',
  });
  const thai = await publishedCourse(admin.token, { title: `การคุ้มครองนักปกป้องสิทธิมนุษยชน ${TAG}`, language: 'th', kind: 'REFRESHER' });
  const archived = await publishedCourse(admin.token, { title: `Monitoring places of detention ${TAG}` });
  await archiveCourse(admin.token, archived.id);
  Object.assign(story, { admin, english, french, thai, archived });
}, 60_000);

/** The titles of the cards on the page, in order. */
const cardTitles = (page) => page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }).allInnerTexts();

/** Waits until the cards are exactly these courses (in any order). */
async function showsCourses(page, courses) {
  const wanted = courses.map((course) => course.title).sort();
  try {
    await page.waitForFunction(
      (wanted) => {
        const titles = [...document.querySelectorAll('main li h2')].map((heading) => heading.textContent.trim()).sort();
        return JSON.stringify(titles) === JSON.stringify(wanted);
      },
      wanted,
      TIMEOUT,
    );
  } catch (error) {
    // Say what the page showed instead: which cards, at which address, with which message.
    const shown = await page.evaluate(() => ({
      address: location.href,
      titles: [...document.querySelectorAll('main li h2')].map((heading) => heading.textContent.trim()),
      messages: [...document.querySelectorAll('main [role=alert], main [role=status], main .empty-state')].map((node) => node.textContent.trim()),
    }));
    error.message += `\nwanted ${JSON.stringify(wanted)}\nshown ${JSON.stringify(shown)}`;
    throw error;
  }
  expect((await cardTitles(page)).sort()).toEqual(wanted);
}

const query = (page) => Object.fromEntries(new URL(page.url()).searchParams);

/** True while the page is the one first loaded: no navigation replaced the document. */
const samePage = (page) => page.evaluate(() => window.__catalogueStory === true && performance.getEntriesByType('navigation').length === 1);

test('a search narrows the catalogue as one types, without loading a page, accents or not', async () => {
  const { english, french, thai, archived } = story;
  await withPage(browser(), 'catalogue search', async (page) => {
    await page.goto('/courses');
    await page.getByRole('link', { name: english.title }).waitFor(TIMEOUT);
    await page.evaluate(() => {
      window.__catalogueStory = true;
    });

    const search = page.getByRole('searchbox', { name: 'Search courses' });
    await search.pressSequentially(TAG);
    await showsCourses(page, [english, french, thai, archived]);
    await page.getByRole('status').filter({ hasText: /^4 courses$/ }).waitFor(TIMEOUT);

    // "ecole" finds "école"; every word must be there.
    await search.pressSequentially(' ECOLE');
    await showsCourses(page, [french]);
    await page.getByRole('status').filter({ hasText: /^1 course$/ }).waitFor(TIMEOUT);
    // Thai text is found as written.
    await search.fill(`${TAG} สิทธิมนุษยชน`);
    await showsCourses(page, [thai]);

    expect(await samePage(page)).toBe(true);
    expect(query(page)).toEqual({ q: `${TAG} สิทธิมนุษยชน` });
    // Typing is one step back, however many letters it took.
    await page.goBack();
    await page.waitForURL((url) => url.search === '', TIMEOUT);
    expect(await search.inputValue()).toBe('');
    expect(await samePage(page)).toBe(true);
  });
});

test('filters by language, kind and "open for enrolment" live in the address: shared, and undone by Back', async () => {
  const { english, french, thai, archived } = story;
  await withPage(browser(), 'catalogue filters', async (page) => {
    await page.goto(`/courses?q=${TAG}`);
    await showsCourses(page, [english, french, thai, archived]);
    await page.evaluate(() => {
      window.__catalogueStory = true;
    });
    const filters = page.getByRole('search', { name: 'Find a course' });
    const language = filters.getByRole('combobox', { name: 'Course language' });
    const open = filters.getByRole('checkbox', { name: 'Open for enrolment only' });

    await language.selectOption({ label: 'English' });
    await showsCourses(page, [english, archived]);
    expect(query(page)).toEqual({ q: TAG, language: 'en' });

    await open.check();
    await showsCourses(page, [english]);
    expect(query(page)).toEqual({ q: TAG, language: 'en', open: '1' });

    await language.selectOption({ label: 'All languages' });
    await filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Refreshers' });
    await showsCourses(page, [thai]);
    expect(query(page)).toEqual({ q: TAG, kind: 'refresher', open: '1' });
    expect(await samePage(page)).toBe(true);

    // Back walks through the filters as they were, the controls with them.
    await page.goBack();
    await page.goBack();
    await showsCourses(page, [english]);
    expect(await language.inputValue()).toBe('en');
    expect(await open.isChecked()).toBe(true);
    await page.goBack();
    await showsCourses(page, [english, archived]);
    expect(await open.isChecked()).toBe(false);
    await page.goForward();
    await showsCourses(page, [english]);
    expect(await samePage(page)).toBe(true);

    // A filtered list is a link someone else can open.
    await page.goto(`/courses?q=${TAG}&language=fr`);
    await showsCourses(page, [french]);
    expect(await language.inputValue()).toBe('fr');
    expect(await page.getByRole('searchbox', { name: 'Search courses' }).inputValue()).toBe(TAG);
  });
});

test('when nothing matches, the page says so and one button clears every filter', async () => {
  const { english } = story;
  await withPage(browser(), 'catalogue empty state', async (page) => {
    await page.goto(`/courses?q=${TAG}&language=fr&kind=refresher`);
    await page.getByRole('heading', { name: 'No courses match' }).waitFor(TIMEOUT);
    await page.getByRole('status').filter({ hasText: /^0 courses$/ }).waitFor(TIMEOUT);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('link', { name: english.title }).waitFor(TIMEOUT);
    expect(new URL(page.url()).search).toBe('');
    // The button is gone: the keyboard is where the next search starts.
    await waitForFocus(page, { id: 'catalogue-q' });
    expect(await page.getByRole('combobox', { name: 'Course language' }).inputValue()).toBe('');
  });
});

test('a keyboard alone searches, filters and opens a course', async () => {
  const { french } = story;
  await withPage(browser(), 'catalogue keyboard', async (page) => {
    await page.goto('/courses');
    await page.getByRole('searchbox', { name: 'Search courses' }).waitFor(TIMEOUT);

    // From the top of the page, Tab reaches the search box.
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 25 && (await focusedId()) !== 'catalogue-q'; presses++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('catalogue-q');

    await page.keyboard.type(TAG);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('catalogue-language');
    await page.keyboard.type('French');
    await showsCourses(page, [french]);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('catalogue-kind');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('catalogue-open');
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.get('open') === '1', TIMEOUT);
    expect(query(page)).toEqual({ q: TAG, language: 'fr', open: '1' });
    await showsCourses(page, [french]);

    // Next stop: the course's card, one link; Enter opens it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(french.title);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: french.title }).waitFor(TIMEOUT);
  });
});

const MODULES = [
  {
    title: 'Week 1: Who defends rights',
    part: 'Part One',
    lessons: [
      ['Why defenders matter', '## Why defenders matter\n\nHuman rights defenders act to protect rights.'],
      ['The UN Declaration', '## The UN Declaration\n\nAdopted in 1998.'],
    ],
  },
  {
    title: 'Week 2: The protection framework',
    part: 'Part Two',
    opensAt: new Date(Date.now() + 14 * DAY).toISOString(),
    lessons: [['Protection mechanisms', '## Protection mechanisms\n\nWho to turn to.']],
  },
];
const OUTCOMES = ['Explain the UN Declaration on Human Rights Defenders', 'Plan a protection response with partners'];

test('a learner not in a course sees what it offers — outcomes, audience, weeks, trainers, sessions — and on a phone it fits the screen', async () => {
  const { admin } = story;
  const course = await publishedCourse(admin.token, {
    title: `Defending the defenders ${TAG}`,
    timeZone: 'Asia/Tokyo',
    modules: MODULES,
    outcomes: OUTCOMES,
    audience: 'Staff of national human rights institutions and the NGOs that work with them.',
    durationWeeks: 2,
  });
  // 02:30 UTC: 11:30 in Tokyo, 09:00 in Yangon.
  const startsAt = new Date(Date.now() + 10 * DAY);
  startsAt.setUTCHours(2, 30, 0, 0);
  await scheduleSession(admin.token, { courseId: course.id, title: 'Orientation', startsAt: startsAt.toISOString() });
  const learner = await signUp({ displayName: 'Thiri (pseudonym)', timeZone: 'Asia/Yangon' });

  await withPage(
    browser(),
    'course landing on a phone',
    async (page) => {
      await logIn(page, learner);
      await page.goto(`/courses/${course.slug}`);
      await page.getByRole('heading', { level: 1, name: course.title }).waitFor(TIMEOUT);

      const outcomes = page.getByRole('region', { name: 'What you will be able to do' });
      expect(await outcomes.getByRole('listitem').allInnerTexts()).toEqual(OUTCOMES);
      expect(await page.getByRole('region', { name: 'Who it is for' }).innerText()).toContain('Staff of national human rights institutions');

      const weeks = page.getByRole('region', { name: 'Weeks at a glance' });
      expect(await weeks.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Part One', 'Part Two']);
      expect(await weeks.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual(MODULES.map((module) => module.title));
      expect(await weeks.getByRole('listitem').first().innerText()).toContain('2 lessons');
      expect(await weeks.getByRole('listitem').last().innerText()).toMatch(/1 lesson · From /);
      // Weeks at a glance: no lesson is listed or linked.
      expect(await weeks.getByRole('link').count()).toBe(0);

      expect(await page.getByRole('region', { name: 'Trainers' }).getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringContaining('Maria Santos'),
      ]);
      const session = page.getByRole('region', { name: 'Live sessions' }).getByRole('listitem');
      expect(await session.innerText()).toContain('Orientation');
      const when = await session.getByTestId('session-time').innerText();
      expect(when).toContain('09:00 (Myanmar Time)');
      expect(when).toContain('11:30 Japan Time');
      expect(await page.getByText('2 weeks · about 30 minutes').count()).toBe(1);

      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // Enrolling turns the page into the learner's own course.
      await page.getByRole('button', { name: 'Enrol in this course' }).click();
      await page.getByRole('progressbar').waitFor(TIMEOUT);
      expect(await page.getByRole('region', { name: 'What you will be able to do' }).count()).toBe(0);
    },
    { timezoneId: 'Asia/Yangon', viewport: PHONE, hasTouch: true, isMobile: true },
  );
});

test('on a phone the catalogue is one column of cards and nothing scrolls sideways', async () => {
  const { english, french } = story;
  await withPage(
    browser(),
    'catalogue on a phone',
    async (page) => {
      await page.goto(`/courses?q=${TAG}`);
      await page.getByRole('link', { name: english.title }).waitFor(TIMEOUT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const left = async (course) => (await page.getByRole('link', { name: course.title }).locator('xpath=ancestor::li[1]').boundingBox()).x;
      expect(await left(french)).toBe(await left(english));
    },
    { viewport: PHONE, hasTouch: true, isMobile: true },
  );
});

test('the signed-out home page says what Kapwa is for and asks the API nothing', async () => {
  await withPage(browser(), 'signed-out home', async (page) => {
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Learn human rights work together' }).waitFor(TIMEOUT);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Learn at your own pace, on any connection',
      'Live sessions in your time zone',
      'A network that outlives the course',
    ]);
    await page.getByText('You may use a pseudonym').waitFor(TIMEOUT);
    // No data layer on the first visit: no GraphQL request, no Apollo chunk.
    expect(fetched.filter((path) => path === '/graphql' || dataLayerFiles().includes(path))).toEqual([]);

    await page.getByRole('link', { name: 'Browse courses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor(TIMEOUT);
  });
});

/** The data layer's files in the build under test (their names are content hashes; the manifest says which). */
function dataLayerFiles() {
  const manifest = JSON.parse(readFileSync(new URL('../../web/dist/.vite/manifest.json', import.meta.url), 'utf8'));
  const files = Object.values(manifest).filter((chunk) => chunk.name === 'data-layer').map((chunk) => `/${chunk.file}`);
  if (!files.length) throw new Error('the build has no data-layer chunk: has its name changed in web/vite.config.ts?');
  return files;
}

