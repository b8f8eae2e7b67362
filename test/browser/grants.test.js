// Small grants end to end: an admin writes and opens a call; an NHRI applies with a documentary video
// and submits; a reviewer scores it blind while a colleague of the applicant is shown as a conflict and
// cannot be assigned; once the call has closed the admin awards it with a message; the applicant reads
// the decision, and the public case studies show the film.
import { expect } from '@jest/globals';
import { createAdminAccount, createOrganization, eventually, graphql, grantCallStatus, joinOrganization, setRoles, signUp, tryAssignReviewer } from './api.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations } from './axe.js';
import { logIn, useBrowser, withPage } from './browser.js';
import { artifacts } from './stack/stack.js';
import { smallVideo } from './videos.js';

const browser = useBrowser();
const WAIT = { timeout: 20_000 };
/** axe's serious and critical findings on each page the story stops at (none expected). */
const found = [];

/** Checks the page as it is now with axe, and photographs it into artifacts/screenshots for a reviewer. */
async function check(page, where) {
  // A status fading in is, for a moment, pale text: check the page as it settles, not mid-transition.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  found.push(...(await seriousViolations(page, where)));
  const folder = join(artifacts, 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `grants-${where.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`), fullPage: true });
}

/** An instant as the wall clock of Bangkok (UTC+7 all year) shows it, for a datetime-local input. */
function bangkokWallClock(ms) {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);
}

test('a call is opened, an NHRI applies with a video, a reviewer scores it, an admin awards it, and the case study is public', async () => {
  found.length = 0; // a retried story starts afresh
  const title = `Documenting reprisals ${Date.now()}`;
  // People named once per run: a retried story meets the earlier run's people in the same database.
  const tag = String(Date.now()).slice(-5);
  const reviewerName = `Reviewer Aung ${tag}`;
  const colleagueName = `Colleague Reviewer ${tag}`;
  const callTitle = `Small grants for NHRIs ${Date.now()}`;
  const admin = await createAdminAccount({ displayName: 'Grants admin' });
  const nhri = await createOrganization(admin.token, { name: `Human Rights Commission ${Date.now()}`, country: 'NP', kind: 'NHRI' });
  const applicant = await signUp({ displayName: 'Sita Applicant', timeZone: 'Asia/Kathmandu' });
  await joinOrganization(admin.token, { userId: applicant.user.id, organizationId: nhri.id });
  const reviewer = await signUp({ displayName: reviewerName, timeZone: 'Asia/Yangon' });
  await setRoles(admin.token, { userId: reviewer.user.id, roles: ['REVIEWER'] });
  const colleague = await signUp({ displayName: colleagueName, timeZone: 'Asia/Kathmandu' });
  await setRoles(admin.token, { userId: colleague.user.id, roles: ['REVIEWER'] });
  await joinOrganization(admin.token, { userId: colleague.user.id, organizationId: nhri.id });
  const video = smallVideo('our-work.mp4');

  // The call closes a few minutes from now (its editor works in whole minutes): long enough to apply and
  // review, short enough that the story sees it close by itself.
  const closesAtMs = Math.ceil((Date.now() + 4 * 60_000) / 60_000) * 60_000;
  let callId;

  await withPage(browser(), 'grants: admin writes and opens a call', async (page) => {
    await logIn(page, admin);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Small grants' }).click();
    await page.getByRole('link', { name: 'New call' }).click();
    await page.getByLabel('Title', { exact: true }).fill(callTitle);
    await page.getByLabel('Description', { exact: true }).fill('Grants of up to **5,000 USD** for documenting reprisals.\n\n<script>alert(1)</script>');
    await page.getByLabel('Time zone of the call').selectOption('Asia/Bangkok');
    await page.getByLabel('Opens').fill(bangkokWallClock(Date.now() - 60_000));
    await page.getByLabel('Closes').fill(bangkokWallClock(closesAtMs));
    await page.getByLabel('Criterion 1', { exact: true }).fill('Impact');
    await page.getByLabel('Weight of criterion 1').fill('3');
    await page.getByLabel('Criterion 2', { exact: true }).fill('Feasibility');
    await page.getByLabel('National human rights institutions').check();
    await check(page, 'call editor');
    await page.getByRole('button', { name: 'Create the call' }).click();
    await page.waitForURL(/\/grants\/admin\/[0-9a-f-]{36}$/, WAIT);
    callId = page.url().split('/').pop();
    await page.getByRole('button', { name: 'Open call' }).click();
    await page.getByRole('heading', { name: 'Applications, ranked' }).waitFor(WAIT);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Open');
  }, { timezoneId: 'Asia/Bangkok' });

  await withPage(browser(), 'grants: an NHRI applies with its video', async (page) => {
    await logIn(page, applicant);
    await page.goto('/');
    await page.getByRole('region', { name: 'Small grants' }).getByRole('link', { name: 'Grant calls' }).click();
    const card = page.getByRole('listitem').filter({ hasText: callTitle });
    await expect(card.getByRole('timer').textContent(WAIT)).resolves.toMatch(/^Closes in \d+ minutes? \d+ seconds?$/);
    await check(page, 'grants list');
    await card.getByRole('link', { name: callTitle }).click();
    // The description as every lesson is rendered: Markdown, no script.
    await expect(page.locator('.prose strong').textContent(WAIT)).resolves.toBe('5,000 USD');
    expect(await page.locator('.prose script').count()).toBe(0);
    await check(page, 'call page');
    await page.getByRole('link', { name: 'Apply' }).click();

    await page.getByLabel('Project title').fill(title);
    await page.getByLabel('Summary', { exact: true }).fill('We film and publish what happens to defenders who speak to us.');
    await page.getByLabel('Currency', { exact: true }).selectOption('USD');
    await page.getByLabel('What for, line 1').fill('Camera and sound');
    await page.getByLabel('Amount, line 1').fill('1,200');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('What for, line 2').fill('Travel');
    await page.getByLabel('Amount, line 2').fill('800.50');
    await expect(page.getByTestId('budget-total').textContent()).resolves.toBe('$2,000.50');
    await page.getByLabel('If the grant is awarded, the video and summary may be shown publicly as a case study.').check();
    await page.getByLabel('Choose the video').setInputFiles(video);
    await page.getByText('The video is attached to your draft.').waitFor({ timeout: 60_000 });

    await check(page, 'application form');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit the application?' });
    await dialog.getByRole('button', { name: 'Submit the application' }).click();
    const note = page.getByTestId('submitted-note');
    await expect(note.textContent(WAIT)).resolves.toContain('it can no longer be changed.');
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
  }, { timezoneId: 'Asia/Kathmandu' });

  const { grantCall } = await graphql(`query ($id: ID!) { grantCall(id: $id) { applications { id } } }`, { id: callId }, admin.token);
  const applicationId = grantCall.applications[0].id;

  await withPage(browser(), 'grants: admin assigns a reviewer; a colleague of the applicant is a conflict', async (page) => {
    await logIn(page, admin);
    await page.goto(`/grants/admin/${callId}`);
    await page.getByRole('button', { name: `Reviewers of ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Reviewers of “${title}”` });
    const refused = dialog.getByRole('button', { name: `Assign ${colleagueName}` });
    await refused.waitFor(WAIT);
    expect(await refused.isDisabled()).toBe(true);
    await expect(refused.getAttribute('aria-describedby').then((id) => dialog.locator(`#${id}`).textContent())).resolves.toBe(
      "Conflict: member of the applicant's organization",
    );
    await check(page, 'reviewer assignment');
    await dialog.getByRole('button', { name: `Assign ${reviewerName}` }).click();
    await dialog.getByRole('button', { name: `Unassign ${reviewerName}` }).waitFor(WAIT);
  }, { timezoneId: 'Asia/Bangkok' });
  // What the page showed in advance, the server enforces.
  const errors = await tryAssignReviewer(admin.token, { applicationId, reviewerId: colleague.user.id });
  expect(errors[0]?.extensions?.code).toBe('CONFLICT');

  await withPage(browser(), 'grants: a reviewer scores the application blind', async (page) => {
    await logIn(page, reviewer);
    await page.goto('/');
    await page.getByRole('region', { name: 'Small grants' }).getByRole('link', { name: 'My reviews' }).click();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByTestId('review-organization').textContent(WAIT)).resolves.toContain(nhri.name);
    // The film plays once processed (low-bitrate, with sound only for slow links).
    await eventually(async () => {
      if (await page.getByLabel('Video: our-work.mp4').count()) return true;
      await page.reload();
      await page.getByTestId('review-organization').waitFor(WAIT);
      return false;
    }, 'the processed video', 90_000);
    await page.getByRole('button', { name: 'Audio only (for slow connections)' }).waitFor(WAIT);
    expect(await page.getByText('Sita Applicant').count()).toBe(0);
    await check(page, 'scoring page');
    await page.getByLabel('Impact (0–10)').fill('8');
    await page.getByLabel('Feasibility (0–10)').fill('6');
    await expect(page.getByTestId('score-preview').textContent()).resolves.toBe('Weighted score: 75.0 / 100');
    await page.getByLabel('Comment', { exact: true }).fill('Careful plan; the film shows the work.');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('Review submitted.').waitFor(WAIT);
  }, { timezoneId: 'Asia/Yangon' });

  // The call closes by itself at its closing time.
  await eventually(async () => (await grantCallStatus(admin.token, callId)).status === 'CLOSED', 'the call closing', 6 * 60_000);

  await withPage(browser(), 'grants: admin ranks and awards', async (page) => {
    await logIn(page, admin);
    await page.goto(`/grants/admin/${callId}`);
    const row = page.getByTestId('ranking-row').filter({ hasText: title });
    await expect(row.getByTestId('average-score').textContent(WAIT)).resolves.toBe('75.0');
    await row.getByText('Needs more reviews').waitFor(WAIT); // one review of the two wanted
    await check(page, 'ranking');
    await row.getByRole('button', { name: `Award ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Award “${title}”` });
    await dialog.getByLabel(/Message to the applicants/).fill('Congratulations: the first payment follows in January.');
    await dialog.getByRole('button', { name: 'Award', exact: true }).click();
    await row.getByText('Awarded').waitFor(WAIT);
  }, { timezoneId: 'Asia/Bangkok' });

  await withPage(browser(), 'grants: the applicant reads the decision', async (page) => {
    await logIn(page, applicant);
    await page.goto('/grants');
    await page.getByRole('row').filter({ hasText: title }).getByText('Awarded').waitFor(WAIT);
    await page.getByRole('link', { name: title }).click();
    const decision = page.getByTestId('grant-decision');
    await expect(decision.textContent(WAIT)).resolves.toContain('Congratulations: the first payment follows in January.');
    expect(await decision.getByRole('heading').textContent()).toBe('Awarded');
    await check(page, 'decision');
  }, { timezoneId: 'Asia/Kathmandu' });

  await withPage(browser(), 'grants: the case study is public', async (page) => {
    await page.goto('/case-studies');
    const study = page.getByRole('listitem').filter({ hasText: title });
    await expect(study.textContent(WAIT)).resolves.toContain(nhri.name);
    await expect(study.textContent()).resolves.toContain('Nepal');
    await study.getByLabel('Video: our-work.mp4').waitFor(WAIT);
    await check(page, 'case studies');
  });
  expect(found).toEqual([]);
}, 12 * 60_000);
