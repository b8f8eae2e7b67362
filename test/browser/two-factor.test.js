import { createHmac } from 'node:crypto';
import { expect } from '@jest/globals';
import { logOut, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

/** What an authenticator app shows for this base32 key at `at` (RFC 6238: SHA-1, 6 digits, 30 s). */
function authenticatorCode(key, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...key.replace(/\s/g, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const secret = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', secret).update(counter).digest();
  const offset = hmac[19] & 15;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

test('a person turns on two-step sign-in from their profile and logs in with a code', async () => {
  await withPage(
    browser(),
    'two-step sign-in',
    async (page) => {
      const email = `two-step-${Date.now()}@example.org`;
      const password = 'a long enough passphrase';
      await page.goto('/sign-up');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByLabel('Display name').fill('Two Step');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByTestId('session-name').waitFor(TIMEOUT);

      await page.goto('/profile');
      await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor(TIMEOUT);
      const key = await page.getByLabel('Key for your authenticator app').innerText();
      await page.getByLabel('Code from your authenticator app').fill(authenticatorCode(key));
      await page.getByRole('button', { name: 'Turn on' }).click();

      await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor(TIMEOUT);
      const codes = await page.locator('.recovery-code-list li').allInnerTexts();
      expect(codes).toHaveLength(10);
      await page.getByRole('button', { name: 'I saved them' }).click();
      await page.getByText('Two-step sign-in is on.', { exact: false }).first().waitFor(TIMEOUT);
      expect(await page.locator('.recovery-code-list').count()).toBe(0);

      await logOut(page);
      await page.goto('/log-in');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      // The next step's code: the one used to turn it on cannot be used again.
      await page.getByLabel('Code from your authenticator app').fill(authenticatorCode(key, Date.now() + 30_000));
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByTestId('session-name').filter({ hasText: 'Two Step' }).waitFor(TIMEOUT);
    },
    { timezoneId: 'Asia/Bangkok' },
  );
});
