// Benchmark: what a learner on a slow link waits for, with the production build served as `pnpm start`
// serves it (the built API serving web/dist, compressed). Debian's Chromium with the network throttled
// to 400 ms latency and 400 kbit/s each way; prints bytes transferred (compressed, as on the wire:
// CDP's encodedDataLength) and time for:
//   (a) the log-in form usable (email field visible and enabled), cold cache;
//   (b) a lesson's text by direct link, cold cache, signed in (stored token);
//   (c) the next lesson's text after clicking "Next", warm (from (b)).
//
//   pnpm build && pnpm bench pages     (PostgreSQL and Redis running; Chromium at /usr/bin/chromium)
//   BENCH_DETAIL=1 node test/bench/page-timings.mjs   (also lists every response of each step)
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { benchDatabase, freePort, gql, node, repo, waitFor } from './processes.mjs';

const SLUG = 'protecting-defenders-nhri';
/** 400 kbit/s = 50,000 bytes/s each way, 400 ms round trip: a congested mobile link. */
const SLOW_LINK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const TIMEOUT = 120_000;

/** A page on a throttled link whose every finished response's bytes on the wire are counted. */
async function throttledPage(browser, { token } = {}) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
  if (token) await context.addInitScript((value) => localStorage.setItem('kapwa.token', value), token);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  const meter = { bytes: 0, requests: 0, inFlight: new Map(), log: [] };
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!request.url.startsWith('data:')) meter.inFlight.set(requestId, new URL(request.url).pathname);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    meter.log.push([meter.inFlight.get(requestId), encodedDataLength]);
    meter.inFlight.delete(requestId);
    meter.bytes += encodedDataLength;
    meter.requests += 1;
  });
  cdp.on('Network.loadingFailed', ({ requestId }) => meter.inFlight.delete(requestId));
  return { context, page, meter };
}

/** Runs `step` and returns the bytes, requests and milliseconds from its start until it resolves. */
async function measure(meter, step) {
  const [bytes, requests, logged, started] = [meter.bytes, meter.requests, meter.log.length, performance.now()];
  await step();
  return { ms: performance.now() - started, bytes: meter.bytes - bytes, requests: meter.requests - requests, files: meter.log.slice(logged) };
}

/**
 * A few seconds of reading, then until nothing has been in flight for a second (the lesson page fetches
 * the next lesson's text two seconds after it shows one).
 */
async function reading(meter, timeoutMs = 30_000) {
  await new Promise((r) => setTimeout(r, 3000));
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (meter.inFlight.size) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1000) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function lessonShown(page, title) {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: TIMEOUT });
  await page.locator('article .prose p').first().waitFor({ timeout: TIMEOUT });
}

export async function benchPageTimings() {
  for (const file of ['api/dist/main.js', 'web/dist/index.html']) if (!existsSync(join(repo, file))) throw new Error('build first: pnpm build');
  const database = benchDatabase();
  const env = database.env();
  let api;
  let browser;
  try {
    await node(['api/dist/cli.js', 'migrate'], env);
    // Every week open, so "Next" always leads to a lesson one may read.
    await node(['api/dist/cli.js', 'content:import', '--start', '2020-01-06T02:00:00Z'], env);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    api = node(['api/dist/main.js'], { ...env, PORT: String(port), WEB_DIST: join(repo, 'web/dist') }, { wait: false });
    await waitFor(`${url}/health`);

    // A learner enrolled in the course, signed up through the API as the app does.
    const { signUp } = await gql(
      url,
      'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
      { input: { email: `bench-${randomBytes(4).toString('hex')}@example.org`, password: 'a long enough passphrase', displayName: 'Bench learner', timeZone: 'Asia/Bangkok', locale: 'en' } },
    );
    const { course } = await gql(url, 'query ($slug: String!) { course(slug: $slug) { id modules { lessons { id title } } } }', { slug: SLUG }, signUp.token);
    await gql(url, 'mutation ($courseId: ID!) { enroll(courseId: $courseId) { id } }', { courseId: course.id }, signUp.token);
    const [first, second] = course.modules.flatMap((m) => m.lessons);

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const rows = [];

    {
      const { context, page, meter } = await throttledPage(browser);
      rows.push([
        '(a) log-in form usable, cold',
        await measure(meter, async () => {
          await page.goto(`${url}/log-in`, { waitUntil: 'commit', timeout: TIMEOUT });
          const email = page.getByLabel('Email address');
          await email.waitFor({ timeout: TIMEOUT });
          await page.waitForFunction((input) => input && !input.disabled, await email.elementHandle(), { timeout: TIMEOUT });
        }),
      ]);
      await context.close();
    }

    {
      const { context, page, meter } = await throttledPage(browser, { token: signUp.token });
      rows.push([
        '(b) lesson text by direct link, cold',
        await measure(meter, async () => {
          await page.goto(`${url}/courses/${SLUG}/lessons/${first.id}`, { waitUntil: 'commit', timeout: TIMEOUT });
          await lessonShown(page, first.title);
        }),
      ]);
      // While the learner reads, the page fetches what it still wants (the next lesson's text among them).
      rows.push(['    then while reading (3 s, until quiet)', await measure(meter, () => reading(meter))]);
      rows.push([
        '(c) next lesson text, warm (click Next)',
        await measure(meter, async () => {
          await page.getByRole('navigation', { name: 'Previous and next lesson' }).getByRole('link', { name: /^Next/ }).click();
          await lessonShown(page, second.title);
        }),
      ]);
      await context.close();
    }

    console.log('\nPage timings: production build from the API (WEB_DIST), Chromium, 400 ms latency, 400 kbit/s down and up');
    console.log(`${'step'.padEnd(42)} ${'KB on the wire'.padStart(14)} ${'requests'.padStart(9)} ${'time'.padStart(9)}`);
    for (const [name, { bytes, requests, ms }] of rows) {
      console.log(`${name.padEnd(42)} ${(bytes / 1024).toFixed(1).padStart(14)} ${String(requests).padStart(9)} ${`${(ms / 1000).toFixed(2)} s`.padStart(9)}`);
    }
    // BENCH_DETAIL=1: every response of each step, largest first.
    if (process.env.BENCH_DETAIL) {
      for (const [name, { files }] of rows) {
        console.log(`\n${name.trim()}:`);
        for (const [path, bytes] of files.sort((a, b) => b[1] - a[1])) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${path}`);
      }
    }
  } finally {
    await browser?.close();
    if (api) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchPageTimings();
