import { expect } from '@jest/globals';
import { logOut, useBrowser, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

async function expectSignedInAs(page, name) {
  await page.getByTestId('session-name').filter({ hasText: name }).waitFor(TIMEOUT);
  expect(await page.getByTestId('session-name').innerText()).toContain(name);
}

test('a learner signs up, sees their name, logs out and logs back in', async () => {
  const story = 'sign up, log out, log in';
  await withPage(
    browser(),
    story,
    async (page) => {
      const email = `learner-${Date.now()}@example.org`;
      const password = 'a long enough passphrase';
      const name = 'Mya (pseudonym)';

      await page.goto('/');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByLabel('Display name').fill(name);
      await page.getByLabel('Country').selectOption('MM');
      // The zone defaults to the browser's own.
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Yangon');
      await page.getByRole('button', { name: 'Create account' }).click();

      await expectSignedInAs(page, name);

      await logOut(page);
      await page.getByRole('link', { name: 'Create an account' }).waitFor(TIMEOUT);
      expect(await page.getByTestId('session-name').count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('kapwa.token'))).toBeNull();

      await page.getByRole('navigation').getByRole('link', { name: 'Log in' }).click();
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();

      await expectSignedInAs(page, name);
      // Still signed in after a reload: the token was kept.
      await page.reload();
      await expectSignedInAs(page, name);
    },
    { timezoneId: 'Asia/Yangon' },
  );
});
