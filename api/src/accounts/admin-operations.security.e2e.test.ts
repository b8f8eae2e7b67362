import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';

/**
 * What only admins may do, asked by everyone else. Each operation is asked with real ids, so a refusal
 * can only come from the access rule, and nothing may change.
 */
let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;
let organizationId: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api);
  const res = await api.gql(
    `mutation { createOrganization(input: { name: "Access Test Commission", country: "TH", kind: NHRI }) { id } }`,
    {},
    admin.token,
  );
  organizationId = res.data!.createOrganization.id;
});
afterAll(() => api.close());

const operations = (): [string, string, () => Record<string, unknown>][] => [
  ['users', `query($s: String) { users(search: $s) { totalCount } }`, () => ({ s: 'a' })],
  ['auditLog', `{ auditLog(first: 5) { nodes { id action } } }`, () => ({})],
  [
    'organizationMembers',
    `query($id: ID!) { organizationMembers(organizationId: $id) { totalCount } }`,
    () => ({ id: organizationId }),
  ],
  ['suspendUser', `mutation($id: ID!) { suspendUser(userId: $id, reason: "Spam") { id } }`, () => ({ id: learner.id })],
  ['restoreUser', `mutation($id: ID!) { restoreUser(userId: $id) { id } }`, () => ({ id: learner.id })],
  ['setUserRoles', `mutation($id: ID!) { setUserRoles(userId: $id, roles: [ADMIN]) { id } }`, () => ({ id: learner.id })],
  [
    'setUserOrganization',
    `mutation($id: ID!, $org: ID) { setUserOrganization(userId: $id, organizationId: $org) { id } }`,
    () => ({ id: learner.id, org: organizationId }),
  ],
  [
    'updateOrganization',
    `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Taken Over" }) { id } }`,
    () => ({ id: organizationId }),
  ],
];

describe('admin operations', () => {
  it.each(operations().map(([name]) => [name]))('%s is refused to learners and trainers (FORBIDDEN) and to visitors (UNAUTHENTICATED)', async (name) => {
    const [, query, variables] = operations().find(([n]) => n === name)!;
    const before = await snapshot();
    for (const person of [learner, trainer]) {
      const res = await api.gql(query, variables(), person.token);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    const anonymous = await api.gql(query, variables());
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('are all answered for an admin', async () => {
    for (const [name, query, variables] of operations()) {
      expect([name, (await api.gql(query, variables(), admin.token)).errors]).toEqual([name, undefined]);
    }
  });
});

describe("a person's sign-in and suspension", () => {
  const MEMBERS = `query($slug: String!) { course(slug: $slug) { enrollments { user { id email lastSignInAt suspendedAt } } } }`;

  it('are hidden from a trainer who sees them as a member of a course', async () => {
    const course = await buildCourse(api, trainer);
    await enroll(api, learner, course.id);
    const res = await api.gql(MEMBERS, { slug: course.slug }, trainer.token);
    const member = res.data!.course.enrollments.find((e: { user: { id: string } }) => e.user.id === learner.id);
    expect(member.user).toEqual({ id: learner.id, email: null, lastSignInAt: null, suspendedAt: null });
    const seenByAdmin = await api.gql(MEMBERS, { slug: course.slug }, admin.token);
    const same = seenByAdmin.data!.course.enrollments.find((e: { user: { id: string } }) => e.user.id === learner.id);
    expect(same.user.lastSignInAt).toEqual(expect.any(String));
  });

  it('show the person their own last sign-in', async () => {
    const me = await api.gql(`{ me { lastSignInAt } }`, {}, learner.token);
    expect(Date.parse(me.data!.me.lastSignInAt)).not.toBeNaN();
  });
});

async function snapshot() {
  return {
    users: await api.sql(`SELECT id, roles, suspended_at, organization_id FROM app_user ORDER BY id`),
    organizations: await api.sql(`SELECT id, name FROM organization ORDER BY id`),
    audit: await api.sql(`SELECT count(*)::int AS n FROM audit_event`),
  };
}
