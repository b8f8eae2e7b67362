// From course to network: a learner in Fiji finishes the last lesson of a course; the completion invites
// them into the spaces the course names (its alumni network) and their country's space, in one
// notification. They join both from it, start a thread in the alumni space mentioning a colleague picked
// from the autocomplete (the colleague is notified, with a link to the thread), then find their country's
// focal point in the directory and take up the course's topic as their own expertise.
import { expect } from '@jest/globals';
import { completeLesson, createAdminAccount, createOrganization, enrol, eventually, graphql, joinOrganization, publishedCourse, signUp } from './api.js';
import { seriousViolations } from './axe.js';
import { logIn, useBrowser, withPage } from './browser.js';

const browser = useBrowser();
const WAIT = { timeout: 20_000 };

const createSpace = async (token, input) =>
  (await graphql(`mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id slug title } }`, { input }, token)).createSpace;

/** Fiji's country space: made once per database (one per country), so a retried story finds the first run's. */
async function countrySpace(adminToken) {
  const { spaces } = await graphql(`{ spaces { id slug title kind country } }`, {}, adminToken);
  return (
    spaces.find((space) => space.kind === 'COUNTRY' && space.country === 'FJ') ??
    (await createSpace(adminToken, { slug: 'fiji', title: 'Fiji', description: 'Defenders and institutions in Fiji.', kind: 'COUNTRY', country: 'FJ' }))
  );
}

const notificationsOf = async (token) =>
  (await graphql(`{ notifications(first: 20) { nodes { kind title link } } }`, {}, token)).notifications.nodes;

test('a learner completes a course, joins its network from the invitation, mentions a colleague there and finds a focal point', async () => {
  const tag = String(Date.now()).slice(-6);
  const admin = await createAdminAccount({ displayName: 'Network admin' });
  const topic = `reprisals ${tag}`;
  const lessons = [
    ['Who defends rights', '## Who defends rights\n\nDefenders act to protect rights.'],
    ['Reprisals', '## Reprisals\n\nWhat an NHRI does when a defender is threatened.'],
  ];
  const course = await publishedCourse(admin.token, { title: `Protecting defenders ${tag}`, lessons, topics: [topic] });
  const alumni = await createSpace(admin.token, {
    slug: `alumni-${tag}`,
    title: `Defenders alumni ${tag}`,
    description: 'Everyone who completed the course on protecting defenders.',
    kind: 'NETWORK',
  });
  const fiji = await countrySpace(admin.token);
  await graphql(`mutation ($courseId: ID!, $spaceIds: [ID!]!) { setCourseNetworkSpaces(courseId: $courseId, spaceIds: $spaceIds) { id } }`, { courseId: course.id, spaceIds: [alumni.id] }, admin.token);

  const colleagueName = `Sefa Colleague ${tag}`;
  const colleague = await signUp({ displayName: colleagueName, timeZone: 'Pacific/Fiji', country: 'FJ' });
  await graphql(`mutation ($id: ID!) { joinSpace(spaceId: $id) { id } }`, { id: alumni.id }, colleague.token);

  const focalName = `Mere Focal ${tag}`;
  const commission = await createOrganization(admin.token, { name: `Fiji Human Rights Commission ${tag}`, country: 'FJ', kind: 'NHRI' });
  const focal = await signUp({ displayName: focalName, timeZone: 'Pacific/Fiji', country: 'FJ' });
  await joinOrganization(admin.token, { userId: focal.user.id, organizationId: commission.id });
  await graphql(
    `mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { visibility } }`,
    { input: { visibility: 'MEMBERS', bio: 'I coordinate the commission’s work with defenders.', expertise: ['protection desks'], languages: ['en', 'fj'] } },
    focal.token,
  );
  await graphql(`mutation ($userId: ID!) { setFocalPoint(userId: $userId, isFocalPoint: true) { isFocalPoint } }`, { userId: focal.user.id }, admin.token);

  const learner = await signUp({ displayName: `Litia Learner ${tag}`, timeZone: 'Pacific/Fiji', country: 'FJ' });
  await enrol(learner.token, course.id);
  await completeLesson(learner.token, course.lessonIds[0]);
  const threadTitle = `Reprisals after our inquiry ${tag}`;
  const found = [];

  await withPage(
    browser(),
    'network: from the last lesson into the alumni space',
    async (page) => {
      await logIn(page, learner);
      await page.goto(`/courses/${course.slug}/lessons/${course.lessonIds[1]}`);
      await page.getByRole('heading', { level: 1, name: 'Reprisals' }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByRole('status').filter({ hasText: 'You completed this lesson' }).waitFor(WAIT);

      // The completion's invitation arrives through the worker; the bell would poll for a minute.
      const invitation = await eventually(
        async () => (await notificationsOf(learner.token)).find((n) => n.title === `Join the network of ${course.title}`),
        'the invitation into the network',
        30_000,
      );
      expect(invitation.link).toBe('/invitations/spaces');
      await page.goto('/notifications');
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor(WAIT);
      await page.getByRole('listitem').filter({ hasText: invitation.title }).getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: 'Join the network' }).waitFor(WAIT);
      // The course's alumni space and the learner's country space, each said to come from the course.
      await page.getByRole('heading', { level: 2, name: alumni.title }).waitFor(WAIT);
      await page.getByRole('heading', { level: 2, name: fiji.title }).waitFor(WAIT);
      found.push(...(await seriousViolations(page, 'space invitations')));
      await page.getByRole('button', { name: 'Join all' }).click();
      await page.getByRole('status').filter({ hasText: 'You joined 2 spaces.' }).waitFor(WAIT);
      await page.getByRole('link', { name: `Open ${alumni.title}` }).click();
      await page.getByRole('heading', { level: 1, name: alumni.title }).waitFor(WAIT);
      await page.getByText('Member', { exact: true }).waitFor(WAIT);

      await page.getByRole('textbox', { name: 'Title' }).fill(threadTitle);
      const body = page.getByRole('combobox', { name: 'Message (Markdown)' });
      await body.click();
      await page.keyboard.type('Has anyone handled threats after a public inquiry? @Sefa');
      const option = page.getByRole('option', { name: colleagueName });
      await option.waitFor(WAIT);
      await option.click();
      await page.keyboard.type('you mentioned a case');
      await page.getByRole('button', { name: 'Start thread' }).click();
      await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor(WAIT);
      const threadPath = new URL(page.url()).pathname;

      // The colleague is told, with a link to the thread.
      const mention = await eventually(
        async () => (await notificationsOf(colleague.token)).find((n) => n.kind === 'MENTIONED' && n.link?.split('#')[0] === threadPath),
        'the mention notification',
        30_000,
      );
      expect(mention.title).toContain(threadTitle);

      // The directory: the country's focal point, with their organization, found by a member.
      await page.goto('/directory');
      await page.getByRole('heading', { level: 1, name: 'Alumni directory' }).waitFor(WAIT);
      await page.getByLabel('Focal points only').check();
      await page.getByRole('searchbox', { name: 'Search' }).fill(focalName);
      const card = page.getByRole('article').filter({ hasText: focalName });
      await card.waitFor(WAIT);
      await card.getByText('Focal point', { exact: true }).waitFor(WAIT);
      await card.getByText(commission.name).first().waitFor(WAIT);
      found.push(...(await seriousViolations(page, 'directory')));

      // The course's topic is offered as the learner's own expertise.
      await page.goto('/directory/me');
      await page.getByRole('heading', { level: 1, name: 'My directory profile' }).waitFor(WAIT);
      await page.getByRole('button', { name: `Add “${topic}” to my expertise` }).click();
      await page.getByLabel('Signed-in members').check();
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByText('Saved. Signed-in members can now find you.').waitFor(WAIT);
    },
    { timezoneId: 'Pacific/Fiji' },
  );

  // Listed now, with the course's topic as expertise: the colleague finds the learner by it.
  const { directory } = await graphql(`query ($filter: DirectoryFilter) { directory(filter: $filter) { user { displayName } expertise } }`, { filter: { expertise: topic } }, colleague.token);
  expect(directory.map((profile) => profile.user.displayName)).toEqual([`Litia Learner ${tag}`]);
  expect(found).toEqual([]);
}, 240_000);
