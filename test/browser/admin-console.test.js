import { expect } from '@jest/globals';
import { createAdminAccount, signUp } from './api.js';
import { seriousViolations } from './axe.js';
import { logIn, useBrowser, waitForFocus, withPage } from './browser.js';

const browser = useBrowser();

const TIMEOUT = { timeout: 15_000 };

test('an admin grants a role, reads it in the audit log, then suspends the person, whose session ends', async () => {
  const admin = await createAdminAccount({ displayName: 'Console admin' });
  const name = `Ratana Chea ${Date.now()}`;
  const person = await signUp({ displayName: name });

  await withPage(browser(), 'admin console: person', async (personPage) => {
    await logIn(personPage, person);
    await personPage.goto('/profile');
    await personPage.getByRole('heading', { name: 'Your profile' }).waitFor(TIMEOUT);

    await withPage(browser(), 'admin console: admin', async (page) => {
      await logIn(page, admin);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('link', { name: 'People' }).click();

      // Search as one types: only the person is left in the table.
      await page.getByLabel('Search people').fill(name.slice(0, -3));
      await page.getByRole('status').filter({ hasText: '1 person found.' }).waitFor(TIMEOUT);
      const row = page.getByRole('row', { name: new RegExp(name) });
      expect(await row.getByRole('cell').nth(1).innerText()).toBe('Learner');

      await page.getByRole('button', { name: `Manage ${name}` }).click();
      // Focus moves to the panel that opened, so a screen reader hears whom it manages.
      await waitForFocus(page, { text: `Manage ${name}` });
      expect(await seriousViolations(page, 'people, a person open')).toEqual([]);
      await page.getByRole('checkbox', { name: 'Trainer' }).check();
      await page.getByRole('button', { name: 'Save roles' }).click();
      await page.getByRole('status').filter({ hasText: `Roles of ${name} saved.` }).waitFor(TIMEOUT);
      await row.getByRole('cell', { name: 'Trainer', exact: true }).waitFor(TIMEOUT);

      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
      const entry = page.getByRole('row', { name: new RegExp(`Changed roles.*${name}`) }).first();
      await entry.waitFor(TIMEOUT);
      expect(await entry.innerText()).toContain('Console admin');
      expect(await entry.innerText()).toContain('— → TRAINER');
      expect(await seriousViolations(page, 'audit log')).toEqual([]);

      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'People' }).click();
      await page.getByLabel('Search people').fill(name);
      await page.getByRole('button', { name: `Manage ${name}` }).click();
      await page.getByRole('button', { name: 'Suspend account' }).click();
      // A suspension needs a reason: focus goes to the field that says so.
      await page.getByText('Say why the account is suspended.').waitFor(TIMEOUT);
      await waitForFocus(page, { id: 'person-reason' });
      await page.getByLabel('Reason').fill('Shared their log-in with others');
      await page.getByRole('button', { name: 'Suspend account' }).click();
      await page.getByRole('status').filter({ hasText: `The account of ${name} is suspended.` }).waitFor(TIMEOUT);
      await waitForFocus(page, { text: 'Restore account' });
      expect(await page.getByRole('row', { name: new RegExp(name) }).innerText()).toContain('Suspended since');
    });

    // The person's open session stops at their next request: the app drops it and asks them to log in.
    await personPage.reload();
    await personPage.getByRole('navigation').getByRole('link', { name: 'Log in' }).waitFor(TIMEOUT);
    expect(await personPage.getByTestId('session-name').count()).toBe(0);
    await personPage.goto('/log-in');
    await personPage.getByLabel('Email address').fill(person.email);
    await personPage.getByLabel('Password').fill(person.password);
    await personPage.getByRole('button', { name: 'Log in' }).click();
    await personPage.getByRole('alert').filter({ hasText: 'This account is suspended. Please contact an admin.' }).waitFor(TIMEOUT);
  });
});

test('an admin creates an organization, renames it, places a person in it and sees its members', async () => {
  const admin = await createAdminAccount({ displayName: 'Organizations admin' });
  const name = `Kanya Srisuk ${Date.now()}`;
  await signUp({ displayName: name });
  const organization = `Rights Commission ${Date.now()}`;

  await withPage(browser(), 'admin console: organizations', async (page) => {
    await logIn(page, admin);
    await page.goto('/admin/organizations');
    const create = page.getByRole('form', { name: 'Create an organization' });
    await create.getByLabel('Name').fill(organization);
    await create.getByLabel('Country').selectOption('TH');
    await create.getByLabel('Kind').selectOption('NHRI');
    await create.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('status').filter({ hasText: `${organization} created.` }).waitFor(TIMEOUT);

    await page.getByRole('button', { name: `Edit ${organization}` }).click();
    const edit = page.getByRole('form', { name: `Edit ${organization}` });
    await waitForFocus(page, { text: `Edit ${organization}` });
    await edit.getByLabel('Name').fill(`${organization} of Thailand`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('rowheader', { name: `${organization} of Thailand` }).waitFor(TIMEOUT);
    expect(await seriousViolations(page, 'organizations, editing one')).toEqual([]);

    await page.goto('/admin/people');
    await page.getByLabel('Search people').fill(name);
    await page.getByRole('button', { name: `Manage ${name}` }).click();
    await page.getByLabel('Organization', { exact: true }).selectOption({ label: `${organization} of Thailand (TH)` });
    await page.getByRole('button', { name: 'Save organization' }).click();
    await page.getByRole('status').filter({ hasText: `Organization of ${name} saved.` }).waitFor(TIMEOUT);

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('button', { name: `Members of ${organization} of Thailand` }).click();
    const members = page.getByRole('region', { name: `Members of ${organization} of Thailand` });
    await members.getByRole('rowheader', { name }).waitFor(TIMEOUT);
  });
});
