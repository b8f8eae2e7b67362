import { expect } from '@jest/globals';
import { signUp } from './api.js';
import { logIn, useBrowser, withPage } from './browser.js';
import { artifacts } from './stack/stack.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };
const KAPWA = () => process.env.KAPWA_WEB_URL;
// There is no internet here: the sites before and after Kapwa are answered inside the browser.
const NEUTRAL = 'https://www.google.com/search?q=weather';
const BEFORE = 'https://news.example.org/';

async function offline(page) {
  await page.route('https://www.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
  await page.route(BEFORE, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>News</title><h1>News</h1>' }));
}

/** Arrives at Kapwa from another site, then moves through three of its pages (each a history entry). */
async function browseKapwa(page) {
  await offline(page);
  await page.goto(BEFORE);
  await page.goto(KAPWA() + '/');
  await page.getByRole('navigation').getByRole('link', { name: 'Courses' }).click();
  await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor(TIMEOUT);
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor(TIMEOUT);
}

async function expectLeftForGood(page) {
  await page.waitForURL(NEUTRAL, TIMEOUT);
  // Back goes to where the person was before Kapwa, never to a Kapwa page.
  await page.goBack();
  await page.waitForURL(BEFORE, TIMEOUT);
  expect(page.url()).toBe(BEFORE);
  // Forward reaches the neutral page, and past it a Kapwa page quick exit stepped over, which leaves again.
  await page.goForward();
  await page.waitForURL(NEUTRAL, TIMEOUT);
  const visited = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && visited.push(frame.url()));
  await page.goForward().catch(() => {}); // the navigation it starts is replaced at once
  await page.waitForFunction((neutral) => location.href === neutral && document.readyState === 'complete', NEUTRAL, TIMEOUT);
  expect(visited[0].startsWith(KAPWA())).toBe(true);
  expect(visited.at(-1)).toBe(NEUTRAL);
  expect(await page.locator('h1').innerText()).toBe('Weather');
}

test('the quick exit button leaves Kapwa for a neutral page, and Back does not return to Kapwa', async () => {
  await withPage(browser(), 'quick exit button', async (page) => {
    await browseKapwa(page);
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await expectLeftForGood(page);
  });
});

test('pressing Escape three times leaves Kapwa, forgets the session, and Back does not return', async () => {
  await withPage(browser(), 'quick exit key', async (page) => {
    const person = await signUp({ displayName: 'Hla (pseudonym)', timeZone: 'Asia/Yangon' });
    await offline(page);
    await page.goto(BEFORE);
    await logIn(page, person);
    await page.getByRole('navigation').getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor(TIMEOUT);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectLeftForGood(page);

    // Whoever opens Kapwa next on this browser finds no one signed in.
    await page.goto(KAPWA() + '/');
    await page.getByRole('button', { name: 'Quick exit' }).waitFor(TIMEOUT);
    expect(await page.getByTestId('session-name').count()).toBe(0);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });
});

test('a log-in on a shared computer keeps nothing in localStorage and ends with the tab', async () => {
  await withPage(browser(), 'shared computer', async (page) => {
    const person = await signUp({ displayName: 'Sunita (pseudonym)', timeZone: 'Asia/Kathmandu' });
    await page.goto('/log-in');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('checkbox', { name: 'This is a shared computer' }).check();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('session-name').filter({ hasText: 'Sunita' }).waitFor(TIMEOUT);

    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    // A reload keeps the tab's session…
    await page.reload();
    await page.getByTestId('session-name').filter({ hasText: 'Sunita' }).waitFor(TIMEOUT);
    // …another tab, like the next person at the computer once this tab is closed, has none.
    const next = await page.context().newPage();
    await next.goto('/');
    await next.getByRole('button', { name: 'Quick exit' }).waitFor(TIMEOUT);
    expect(await next.getByTestId('session-name').count()).toBe(0);
  });
});

/** Every web font the page fetches. */
function fontRequests(page) {
  const fonts = [];
  page.on('request', (request) => {
    if (/\.woff2?$/.test(new URL(request.url()).pathname)) fonts.push(request.url());
  });
  return fonts;
}

const loadedFaces = (page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...new Set([...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replaceAll('"', '')))];
  });

test('an English page fetches no web font; switched to Burmese, it renders with our own Myanmar font', async () => {
  await withPage(browser(), 'english then burmese', async (page) => {
    const fonts = fontRequests(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Learn human rights work together' }).waitFor(TIMEOUT);
    expect(await loadedFaces(page)).toEqual([]);
    expect(fonts).toEqual([]);

    await page.getByLabel('Language').selectOption('my');
    await page.getByRole('heading', { level: 1, name: 'လူ့အခွင့်အရေးလုပ်ငန်းကို အတူတကွ သင်ယူကြစို့' }).waitFor(TIMEOUT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('my');
    await page.getByRole('button', { name: 'အမြန်ထွက်ရန်' }).waitFor(TIMEOUT);
    await page.waitForFunction(() => [...document.fonts].some((face) => face.family.includes('Noto Sans Myanmar') && face.status === 'loaded'), null, TIMEOUT);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Myanmar"', 'မြန်မာ'))).toBe(true);
    for (const url of fonts) expect(url.startsWith(KAPWA())).toBe(true); // self-hosted: no third party
  });
});

test('a Burmese reader’s first visit is drawn with our Myanmar font, and fetches no other script’s', async () => {
  await withPage(
    browser(),
    'burmese first visit',
    async (page) => {
      const fonts = fontRequests(page);
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'လူ့အခွင့်အရေးလုပ်ငန်းကို အတူတကွ သင်ယူကြစို့' }).waitFor(TIMEOUT);
      expect(await loadedFaces(page)).toEqual(['Noto Sans Myanmar']);
      expect(fonts.length).toBeGreaterThan(0);
      for (const url of fonts) expect(url).toMatch(new RegExp(`^${KAPWA()}/assets/noto-sans-myanmar-myanmar-\\d+-normal-[\\w-]+\\.woff2$`));
      await page.screenshot({ path: `${artifacts}/burmese-home.png`, fullPage: true });
    },
    { locale: 'my' },
  );
});
