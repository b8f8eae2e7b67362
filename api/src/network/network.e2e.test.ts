import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlumniInvitations } from './alumni-invitations.js';
import { buildCourse, completeLesson, type CourseOutline, enroll, PASSWORD, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { DataSource } from 'typeorm';

let api: TestApi;
let admin: Person;
let trainer: Person;
let sita: Person;
let sam: Person;
let course: CourseOutline;
const spaces: Record<string, string> = {};

const ok = (res: { data?: any; errors?: unknown }) => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};
const CREATE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id kind country } }`;
const SET = `mutation($c: ID!, $s: [ID!]!) { setCourseNetworkSpaces(courseId: $c, spaceIds: $s) { id networkSpaces { slug } } }`;
const MINE = `{ mySpaceInvitations { id courseTitle createdAt space { id slug kind isMember } } }`;
const ACCEPT = `mutation($ids: [ID!]!) { acceptSpaceInvitations(ids: $ids) { slug isMember } }`;
const DECLINE = `mutation($id: ID!) { declineSpaceInvitation(id: $id) }`;

async function space(slug: string, kind: string, extra: Record<string, unknown> = {}) {
  return api.gql(CREATE, { input: { slug, title: `Space ${slug}`, description: '', kind, ...extra } }, admin.token);
}
async function completeCourse(who: Person) {
  await enroll(api, who, course.id);
  for (const lesson of course.modules.flatMap((m) => m.lessons)) await completeLesson(api, who, lesson);
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  sita = await signUp(api, { displayName: 'Sita Sharma', country: 'NP', locale: 'ne' });
  sam = await signUp(api, { displayName: 'Sam', country: 'TH' });
  course = await buildCourse(api, trainer);
  await api.startWorker();
});
afterAll(() => api.close());

describe('country spaces', () => {
  it('a COUNTRY space names its country, one space per country; no other kind has one', async () => {
    const nepal = ok(await space('nepal', 'COUNTRY', { country: 'np' })).createSpace;
    expect(nepal).toMatchObject({ kind: 'COUNTRY', country: 'NP' });
    spaces.nepal = nepal.id;
    expect(errorOf(await space('nepal-two', 'COUNTRY', { country: 'NP' }))).toMatchObject({ code: 'CONFLICT', field: 'country' });
    expect(errorOf(await space('theme-np', 'THEME', { country: 'NP' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    expect(errorOf(await space('nowhere', 'COUNTRY', { country: 'XX' })).code).toBe('BAD_USER_INPUT');
  });
});

describe("a course's network spaces", () => {
  it("are chosen by the course's trainers and admins, among spaces that are not a course's; audited", async () => {
    spaces.alumni = ok(await space('alumni', 'NETWORK')).createSpace.id;
    spaces.theme = ok(await space('reprisals', 'THEME')).createSpace.id;
    spaces.secret = ok(await space('secret-circle', 'NETWORK', { membersOnly: true })).createSpace.id;
    const [courseSpace] = await api.sql<{ id: string }>(`SELECT id FROM space WHERE course_id = $1`, [course.id]);

    expect(errorOf(await api.gql(SET, { c: course.id, s: [spaces.alumni] }, sita.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SET, { c: course.id, s: [spaces.alumni] })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await api.gql(SET, { c: course.id, s: [courseSpace.id] }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spaceIds' });
    expect(errorOf(await api.gql(SET, { c: course.id, s: ['nope'] }, trainer.token)).code).toBe('BAD_USER_INPUT');
    // A members-only space: admins only (an invitation is a way in).
    expect(errorOf(await api.gql(SET, { c: course.id, s: [spaces.secret] }, trainer.token)).code).toBe('BAD_USER_INPUT');

    const set = ok(await api.gql(SET, { c: course.id, s: [spaces.alumni, spaces.theme, spaces.alumni] }, trainer.token)).setCourseNetworkSpaces;
    expect(set.networkSpaces).toEqual([{ slug: 'alumni' }, { slug: 'reprisals' }]);
    // Setting the same list again changes nothing and audits nothing more.
    ok(await api.gql(SET, { c: course.id, s: [spaces.theme, spaces.alumni] }, trainer.token));
    expect(await api.sql(`SELECT actor_id FROM audit_event WHERE action = 'COURSE_NETWORK_SPACES_SET' AND subject_id = $1`, [course.id])).toEqual([{ actor_id: trainer.id }]);
    // Anyone who sees the course sees the spaces it leads to.
    const seen = ok(await api.gql(`query($s: String!) { course(slug: $s) { networkSpaces { slug } } }`, { s: course.slug }, sam.token)).course;
    expect(seen.networkSpaces).toEqual([{ slug: 'alumni' }, { slug: 'reprisals' }]);
  });

});

describe('completing a course', () => {
  it("invites the learner into the course's spaces and their country's, not those they belong to; one notification", async () => {
    ok(await api.gql(`mutation($s: ID!) { joinSpace(spaceId: $s) { id } }`, { s: spaces.theme }, sita.token));
    await completeCourse(sita);

    const invitations = ok(await api.gql(MINE, {}, sita.token)).mySpaceInvitations;
    expect(invitations.map((i: { space: { slug: string } }) => i.space.slug).sort()).toEqual(['alumni', 'nepal']);
    expect(invitations[0]).toMatchObject({ courseTitle: `Course ${course.slug}`, space: { isMember: false } });
    // Nobody else sees them.
    expect(ok(await api.gql(MINE, {}, sam.token)).mySpaceInvitations).toEqual([]);
    expect(errorOf(await api.gql(MINE, {})).code).toBe('UNAUTHENTICATED');

    await waitFor(async () => (await api.sql(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'SPACE_INVITATIONS'`, [sita.id])).length === 1);
    const [notice] = await api.sql(`SELECT title, link FROM notification WHERE user_id = $1 AND kind = 'SPACE_INVITATIONS'`, [sita.id]);
    // In her language (Nepali), linking to the invitations page.
    expect(notice).toEqual({ title: `Course ${course.slug} को सञ्जालमा सामेल हुनुहोस्`, link: '/invitations/spaces' });
    await waitFor(() => sentNotices(api.config).filter((m) => m.to === sita.email && m.subject === notice.title).length === 1);

    // Completion announced again (a retried transaction, a re-run): no new invitation, no second notice.
    const [enrollment] = await api.sql<{ id: string }>(`SELECT id FROM enrollment WHERE user_id = $1 AND course_id = $2`, [sita.id, course.id]);
    await api.app.get(DataSource).transaction((tx) => api.app.get(AlumniInvitations).invite(tx, [enrollment.id]));
    expect(await api.sql(`SELECT count(*)::int AS n FROM space_invitation WHERE user_id = $1`, [sita.id])).toEqual([{ n: 2 }]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'kind' = 'SPACE_INVITATIONS'`)).toEqual([{ n: 1 }]);
  });

  it('joining: one, all at once, idempotent; never with another person\'s invitation; declining removes it from the list', async () => {
    const invitations = ok(await api.gql(MINE, {}, sita.token)).mySpaceInvitations as { id: string; space: { slug: string } }[];
    const alumni = invitations.find((i) => i.space.slug === 'alumni')!;
    const nepal = invitations.find((i) => i.space.slug === 'nepal')!;

    expect(errorOf(await api.gql(ACCEPT, { ids: [alumni.id] }, sam.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(DECLINE, { id: alumni.id }, sam.token)).code).toBe('NOT_FOUND');
    // All or none: one unknown id joins nothing.
    expect(errorOf(await api.gql(ACCEPT, { ids: [alumni.id, '00000000-0000-4000-8000-000000000000'] }, sita.token)).code).toBe('NOT_FOUND');
    expect(await api.sql(`SELECT 1 FROM space_member WHERE user_id = $1 AND space_id = $2`, [sita.id, spaces.alumni])).toEqual([]);

    expect(ok(await api.gql(ACCEPT, { ids: [alumni.id, nepal.id] }, sita.token)).acceptSpaceInvitations).toEqual([
      { slug: 'alumni', isMember: true },
      { slug: 'nepal', isMember: true },
    ]);
    expect(ok(await api.gql(ACCEPT, { ids: [alumni.id] }, sita.token)).acceptSpaceInvitations).toEqual([{ slug: 'alumni', isMember: true }]);
    expect(ok(await api.gql(MINE, {}, sita.token)).mySpaceInvitations).toEqual([]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM space_member WHERE user_id = $1`, [sita.id])).toEqual([{ n: 3 }]);

    // Sam (Thailand: no country space) completes: invited into both course spaces; declines one.
    await completeCourse(sam);
    const his = ok(await api.gql(MINE, {}, sam.token)).mySpaceInvitations as { id: string; space: { slug: string } }[];
    expect(his.map((i) => i.space.slug)).toEqual(['alumni', 'reprisals']);
    expect(ok(await api.gql(DECLINE, { id: his[1].id }, sam.token)).declineSpaceInvitation).toBe(true);
    expect(ok(await api.gql(MINE, {}, sam.token)).mySpaceInvitations.map((i: { space: { slug: string } }) => i.space.slug)).toEqual(['alumni']);
  });

  it('download my data lists preferences and invitations; deleting the account removes them', async () => {
    ok(await api.gql(`mutation { updateNotificationPreference(input: { kind: "GRADE_RELEASED", email: false }) { digest } }`, {}, sam.token));
    const data = await (await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${sam.token}` } })).json();
    expect(data.notificationPreferences.kinds).toEqual([expect.objectContaining({ kind: 'GRADE_RELEASED', email: false })]);
    expect(data.spaceInvitations.map((i: { space: string; accepted: boolean | null }) => [i.space, i.accepted])).toEqual([
      ['Space alumni', null],
      ['Space reprisals', false],
    ]);
    ok(await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, sam.token));
    for (const table of ['space_invitation', 'notification_preference', 'notification_setting', 'digest_delivery']) {
      expect(await api.sql(`SELECT 1 FROM ${table} WHERE user_id = $1`, [sam.id])).toEqual([]);
    }
  });
});
