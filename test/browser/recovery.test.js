import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { signUp } from './api.js';
import { logOut, useBrowser, withPage } from './browser.js';
import { artifacts } from './stack/stack.js';

const browser = useBrowser();
const TIMEOUT = { timeout: 15_000 };

/** The path of the reset link the worker emailed to `address` (a JSON file in the stack's mail folder). */
async function emailedResetPath(address) {
  const dir = join(artifacts, 'mail');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    for (const file of files) {
      const mail = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const link = mail.to?.[0]?.address === address && /https?:\/\/\S+(\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(mail.text);
      if (link) return link[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reset email reached ${address}`);
}

test('a learner who forgot their password resets it from the emailed link and is logged in', async () => {
  const learner = await signUp({ displayName: 'Sita (forgetful)' });
  const newPassword = 'a fresh and memorable passphrase';
  await withPage(browser(), 'reset a forgotten password', async (page) => {
    await page.goto('/log-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor(TIMEOUT);
    await page.getByLabel('Email address').fill(learner.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('If an account exists for this address, we sent a link to it.').waitFor(TIMEOUT);

    await page.goto(await emailedResetPath(learner.email));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor(TIMEOUT);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Set new password and log in' }).click();
    await page.getByTestId('session-name').filter({ hasText: 'Sita (forgetful)' }).waitFor(TIMEOUT);

    // The old password no longer works; the new one does.
    await logOut(page);
    await page.goto('/log-in');
    await page.getByRole('heading', { name: 'Log in' }).waitFor(TIMEOUT);
    await page.getByLabel('Email address').fill(learner.email);
    await page.getByLabel('Password', { exact: true }).fill(learner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The email address or password is wrong.').waitFor(TIMEOUT);
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('session-name').filter({ hasText: 'Sita (forgetful)' }).waitFor(TIMEOUT);
    expect(await page.getByTestId('session-name').innerText()).toContain('Sita (forgetful)');
  });
});
