// The frame around every page: one header row on a phone with the main links behind a menu button,
// the profile menu where people look for it, both usable from the keyboard alone, and nothing fetched
// from anywhere but Kapwa itself.
import { expect } from '@jest/globals';
import { signUp } from './api.js';
import { logIn, useBrowser, waitForAttribute, waitForFocus, withPage } from './browser.js';

const browser = useBrowser();
const TIMEOUT = { timeout: 15_000 };
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

test('on a phone the header is one row and its menu opens the main links, from a finger or the keyboard', async () => {
  const learner = await signUp({ displayName: 'Maria Clara dela Cruz' });
  await withPage(
    browser(),
    'phone header',
    async (page) => {
      await logIn(page, learner);
      const header = page.getByRole('banner');
      const box = await header.boundingBox();
      // One row: the mark, quick exit, the bell, the initials and the menu, no wrapping.
      expect(box.height).toBeLessThanOrEqual(64);
      expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: /^Notifications/ }).isVisible()).toBe(true);
      // The links are not in the row; the menu button holds them.
      expect(await page.getByRole('link', { name: 'My learning' }).count()).toBe(0);

      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.tap();
      await waitForAttribute(menu, 'aria-expanded', 'true');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor(TIMEOUT);
      // Going to a page folds the menu away.
      await waitForAttribute(menu, 'aria-expanded', 'false');

      // The keyboard: Enter opens, ↓ walks the links, Escape closes and returns focus to the button.
      await menu.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await waitForFocus(page, { text: 'Home' });
      await page.keyboard.press('ArrowDown');
      await waitForFocus(page, { text: 'Courses' });
      await page.keyboard.press('Escape');
      await waitForAttribute(menu, 'aria-expanded', 'false');
      expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);

      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    },
    PHONE,
  );
});

test('the profile menu names the person, leads to their pages and logs out, from the keyboard alone', async () => {
  const learner = await signUp({ displayName: 'Somchai P.' });
  await withPage(browser(), 'profile menu', async (page) => {
    await logIn(page, learner);
    const profile = page.getByRole('button', { name: 'Signed in as Somchai P.' });
    await profile.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await waitForFocus(page, { text: 'Profile' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor(TIMEOUT);

    await profile.click();
    // A click elsewhere closes the menu.
    await page.getByRole('heading', { level: 1 }).click();
    await waitForAttribute(profile, 'aria-expanded', 'false');

    await profile.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Log out', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).waitFor(TIMEOUT);
    expect(await page.getByTestId('session-name').count()).toBe(0);
  });
});

test('the brand and its icons are served by Kapwa itself, and no page asks another site for anything', async () => {
  const learner = await signUp({ displayName: 'Aung Min' });
  await withPage(browser(), 'no third-party requests', async (page) => {
    const origin = new URL(process.env.KAPWA_WEB_URL).origin;
    const elsewhere = [];
    const failed = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) elsewhere.push(request.url());
    });
    const served = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      served.push(response);
    });
    // Nothing refused on the way either: not by the network, not by the content security policy.
    // (A request still running when the next page.goto leaves the page is aborted: that is no failure.)
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${request.failure()?.errorText} ${request.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) failed.push(message.text());
    });
    for (const path of ['/', '/courses', '/log-in', '/sign-up', '/certificates']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor(TIMEOUT);
    }
    // Served as in production: pages revalidated, hashed bundles and translations compressed and kept for a year.
    const html = served.find((response) => response.request().resourceType() === 'document');
    expect(html.headers()['cache-control']).toBe('no-cache');
    const assets = served.filter((response) => new URL(response.url()).pathname.startsWith('/assets/'));
    expect(assets.some((response) => response.url().endsWith('.js'))).toBe(true);
    expect(assets.some((response) => response.url().endsWith('.json'))).toBe(true);
    for (const asset of assets) {
      const headers = asset.headers();
      expect([asset.url(), headers['cache-control']]).toEqual([asset.url(), 'public, max-age=31536000, immutable']);
      // Text (scripts, styles, translations) is compressed; fonts and pictures already are.
      const text = /\.(js|css|json)$/.test(new URL(asset.url()).pathname);
      if (text && Number(headers['content-length'] ?? 2000) > 1024) expect([asset.url(), headers['content-encoding']]).toEqual([asset.url(), expect.stringMatching(/^(br|gzip)$/)]);
    }
    await logIn(page, learner);
    for (const path of ['/', '/courses', '/learning', '/profile', '/notifications']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor(TIMEOUT);
    }
    expect(elsewhere).toEqual([]);
    // The favicon and the app icons exist (no 404 on every first load).
    expect(failed).toEqual([]);
    for (const icon of ['/favicon.svg', '/favicon-32.png', '/apple-touch-icon.png', '/icon-192.png', '/icon-512.png', '/manifest.webmanifest']) {
      const response = await page.request.get(icon);
      expect(`${icon} ${response.status()}`).toBe(`${icon} 200`);
    }
    const links = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"], link[rel="manifest"]')].map((link) => link.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/favicon.svg', '/manifest.webmanifest']));
  });
});
