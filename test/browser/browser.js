// One Chromium for the test file; a fresh context (cookies, storage) per story; a screenshot when a
// story fails.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { artifacts } from './stack/stack.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
}

/** One Chromium for the calling test file, launched before its tests and closed after; returns a getter. */
export function useBrowser() {
  let browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * Runs `fn(page)` in a fresh browser context; on failure saves a screenshot named after the story.
 * Every context has an explicit zone (UTC unless a story says otherwise), so what a story sees never
 * depends on the zone of the machine that runs it.
 */
export async function withPage(browser, name, fn, contextOptions = {}) {
  const context = await browser.newContext({ baseURL: process.env.KAPWA_WEB_URL, locale: 'en-US', timezoneId: 'UTC', ...contextOptions });
  const page = await context.newPage();
  try {
    await fn(page);
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    error.message += `\n(screenshot: ${file})`;
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * Logs in through the log-in page, as a person would, and waits until the header names them and the
 * page has moved on from the form.
 */
export async function logIn(page, { email, password }) {
  await page.goto('/log-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('session-name').waitFor({ timeout: 15_000 });
  await page.waitForURL((url) => url.pathname !== '/log-in', { timeout: 15_000 });
}

/** Logs out from the profile menu in the header, as a person would. */
export async function logOut(page) {
  await page.getByRole('button', { name: /Signed in as/ }).click();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await page.getByTestId('session-name').waitFor({ state: 'detached', timeout: 15_000 });
}

/**
 * Waits until keyboard focus is on the element with this text (or id). Focus moves once React has
 * rendered the change, a moment after a status message may already show; a focus that never arrives
 * fails the story.
 */
export function waitForFocus(page, { text, id }, options = { timeout: 15_000 }) {
  return page.waitForFunction(
    ({ text, id }) => {
      const element = document.activeElement;
      return !!element && (text === undefined || element.textContent === text) && (id === undefined || element.id === id);
    },
    { text, id },
    options,
  );
}

/**
 * Waits until the element's attribute has this value (e.g. a menu's aria-expanded once React has
 * rendered the click); a value that never comes fails.
 */
export async function waitForAttribute(locator, name, value, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const current = await locator.getAttribute(name);
    if (current === value) return;
    if (Date.now() > deadline) throw new Error(`${name} stayed ${JSON.stringify(current)}; expected ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
