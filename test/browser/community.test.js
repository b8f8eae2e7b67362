// The community's forum end to end: a member opens a thematic space, joins it and starts a thread
// mentioning a colleague through the autocomplete (keyboard only); the colleague is notified, opens the
// thread from the notification, types a reply, reloads (the text is still there, kept on the device)
// and posts it, then reports the opening post; an admin hides it from /admin/moderation, and its author
// sees it hidden, with the reason.
import { expect } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAdminAccount, eventually, graphql, signUp, unreadNotification } from './api.js';
import { seriousViolations } from './axe.js';
import { logIn, useBrowser, withPage } from './browser.js';
import { artifacts } from './stack/stack.js';

const browser = useBrowser();
const WAIT = { timeout: 20_000 };
/** axe's serious and critical findings on each page the story stops at (none expected). */
const found = [];

async function check(page, where) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  found.push(...(await seriousViolations(page, where)));
  const folder = join(artifacts, 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `community-${where.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`), fullPage: true });
}

test('a member starts a thread mentioning a colleague, who replies after a reload; an admin hides a reported post and its author sees it hidden', async () => {
  found.length = 0; // a retried story starts afresh
  // People and places named once per run: a retried story meets the earlier run's in the same database.
  const tag = String(Date.now()).slice(-6);
  const admin = await createAdminAccount({ displayName: 'Community admin' });
  const author = await signUp({ displayName: `Mali Author ${tag}` });
  const colleagueName = `Ratna Colleague ${tag}`;
  const colleague = await signUp({ displayName: colleagueName, timeZone: 'Asia/Kathmandu' });
  const spaceTitle = `Women defenders ${tag}`;
  const { createSpace: space } = await graphql(
    `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id slug } }`,
    { input: { slug: `women-defenders-${tag}`, title: spaceTitle, description: 'Women human rights defenders share what protects them.', kind: 'THEME' } },
    admin.token,
  );
  await graphql(`mutation ($id: ID!) { joinSpace(spaceId: $id) { id } }`, { id: space.id }, colleague.token);
  const threadTitle = `Safe houses in the region ${tag}`;
  const replyText = `Our network runs two safe houses; write to me ${tag}.`;
  const hideReason = 'Personal details of a defender';
  let threadPath;

  await withPage(browser(), 'community: a member joins a theme and starts a thread with a mention', async (page) => {
    await logIn(page, author);
    await page.goto('/community');
    await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Thematic groups' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Search the community' }).waitFor(WAIT);
    await page.getByRole('link', { name: spaceTitle }).click();
    await page.getByRole('heading', { level: 1, name: spaceTitle }).waitFor(WAIT);
    await page.getByRole('button', { name: `Join ${spaceTitle}` }).click();
    await page.getByText('Member', { exact: true }).waitFor(WAIT);
    await check(page, 'space');

    await page.getByRole('textbox', { name: 'Title' }).fill(threadTitle);
    const body = page.getByRole('combobox', { name: 'Message (Markdown)' });
    await body.click();
    await page.keyboard.type('Where can a defender at risk stay? @Ratna');
    const option = page.getByRole('option', { name: colleagueName });
    await option.waitFor(WAIT);
    // Keyboard only: arrow down to the colleague (earlier runs' namesakes may come first), then Enter.
    for (let i = 0; (await option.getAttribute('aria-selected')) !== 'true'; i++) {
      if (i > 10) throw new Error('the colleague never became the selected suggestion');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.type('do you know?');
    expect(await body.inputValue()).toBe(`Where can a defender at risk stay? @${colleagueName} do you know?`);
    await page.getByRole('button', { name: 'Start thread' }).click();
    await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor(WAIT);
    threadPath = new URL(page.url()).pathname;
    expect(threadPath).toMatch(/^\/community\/threads\/[0-9a-f-]{36}$/);
  });

  await unreadNotification(colleague.token);
  await withPage(
    browser(),
    'community: the colleague follows the mention, and a reply survives a reload',
    async (page) => {
      await logIn(page, colleague);
      await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor(WAIT);
      await page.getByRole('listitem').filter({ hasText: threadTitle }).getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor(WAIT);
      expect(new URL(page.url()).pathname).toBe(threadPath);
      await page.getByText(`@${colleagueName} do you know?`).waitFor(WAIT);

      const reply = page.getByRole('combobox', { name: 'Your reply (Markdown)' });
      await reply.fill(replyText);
      await page.getByText('Kept on this device until it is posted.').waitFor(WAIT);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor(WAIT);
      await page.getByRole('combobox', { name: 'Your reply (Markdown)' }).waitFor(WAIT);
      expect(await page.getByRole('combobox', { name: 'Your reply (Markdown)' }).inputValue()).toBe(replyText);
      await check(page, 'thread with a kept reply');
      await page.getByRole('button', { name: 'Post reply' }).click();
      await page.getByRole('article').filter({ hasText: replyText }).waitFor(WAIT);
      await eventually(async () => (await page.getByRole('combobox', { name: 'Your reply (Markdown)' }).inputValue()) === '', 'the emptied reply box', 10_000);
      // Posted: nothing is kept any more, so another reload shows an empty box.
      await page.reload();
      await page.getByRole('article').filter({ hasText: replyText }).waitFor(WAIT);
      expect(await page.getByRole('combobox', { name: 'Your reply (Markdown)' }).inputValue()).toBe('');

      // The colleague reports the opening post.
      await page.getByRole('button', { name: `Report the post by Mali Author ${tag}` }).click();
      await page.getByRole('textbox', { name: 'What is wrong with this post?' }).fill('It names where a defender hides');
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByText('Thank you: a moderator will look at this post.').waitFor(WAIT);
    },
    { timezoneId: 'Asia/Kathmandu' },
  );

  await withPage(browser(), 'community: an admin hides the reported post', async (page) => {
    await logIn(page, admin);
    await page.goto('/admin/moderation');
    await page.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor(WAIT);
    const report = page.getByRole('article').filter({ has: page.getByRole('link', { name: threadTitle }) });
    await report.getByText('It names where a defender hides').waitFor(WAIT);
    await check(page, 'moderation queue');
    await report.getByRole('button', { name: `Hide the reported post in ${threadTitle}` }).click();
    await page.getByRole('textbox', { name: 'Reason (its author is told)' }).fill(hideReason);
    await page.getByRole('button', { name: 'Hide post' }).click();
    await page.getByText('The post is hidden; its author has been told why.').waitFor(WAIT);
    await page.getByRole('link', { name: threadTitle }).waitFor({ state: 'detached', ...WAIT });
  });

  await withPage(browser(), 'community: the author sees the post hidden', async (page) => {
    await logIn(page, author);
    await page.goto(threadPath);
    await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor(WAIT);
    await page.getByText(`This post was hidden by a moderator. Reason: ${hideReason}`).waitFor(WAIT);
    expect(await page.getByText('Where can a defender at risk stay?').count()).toBe(0);
    // The reply stays shown.
    await page.getByRole('article').filter({ hasText: replyText }).waitFor(WAIT);
  });

  expect(found).toEqual([]);
}, 240_000);
