import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { grantRoles, type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';

const LOG = `query($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    nodes { id action actor { id displayName } subjectType subjectId subjectName details createdAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

let api: TestApi;
let admin: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
});
afterAll(() => api.close());

describe('the audit log', () => {
  it('says who did what to whom, newest first', async () => {
    const person = await signUp(api, { displayName: 'Tala Reyes' });
    await grantRoles(api, admin, person, ['TRAINER']);
    await api.gql(`mutation($id: ID!) { suspendUser(userId: $id, reason: "Shared the account") { id } }`, { id: person.id }, admin.token);
    const { nodes } = (await api.gql(LOG, { first: 2 }, admin.token)).data!.auditLog;
    expect(nodes).toMatchObject([
      { action: 'ACCOUNT_SUSPENDED', actor: { id: admin.id, displayName: 'First Admin' }, subjectType: 'user', subjectId: person.id, subjectName: 'Tala Reyes', details: 'Shared the account' },
      { action: 'ROLES_CHANGED', actor: { id: admin.id }, subjectId: person.id, subjectName: 'Tala Reyes', details: '— → TRAINER' },
    ]);
    expect(Date.parse(nodes[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(nodes[1].createdAt));
  });

  it('names organizations and what changed in them', async () => {
    const created = await api.gql(
      `mutation { createOrganization(input: { name: "Audit Rights Centre", country: "NP", kind: NGO }) { id } }`,
      {},
      admin.token,
    );
    const id = created.data!.createOrganization.id;
    await api.gql(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Audit Rights Center", kind: NGO }) { id } }`, { id }, admin.token);
    const person = await signUp(api);
    await api.gql(`mutation($u: ID!, $o: ID) { setUserOrganization(userId: $u, organizationId: $o) { id } }`, { u: person.id, o: id }, admin.token);
    const { nodes } = (await api.gql(LOG, { first: 3 }, admin.token)).data!.auditLog;
    expect(nodes.map((n: Record<string, unknown>) => [n.action, n.subjectName, n.details])).toEqual([
      ['USER_ORGANIZATION_CHANGED', 'Test Person', '— → Audit Rights Center'],
      ['ORGANIZATION_UPDATED', 'Audit Rights Center', 'name: Audit Rights Centre → Audit Rights Center'],
      ['ORGANIZATION_CREATED', 'Audit Rights Center', 'Audit Rights Centre (NP, NGO)'],
    ]);
  });

  it('is read a page at a time, each event once', async () => {
    const people = await Promise.all([0, 1, 2, 3, 4].map(() => signUp(api)));
    for (const person of people) await grantRoles(api, admin, person, ['REVIEWER']);
    const [{ n: total }] = await api.sql(`SELECT count(*)::int AS n FROM audit_event`);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await api.gql(LOG, { first: 2, after }, admin.token)).data!.auditLog;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const newestFirst = await api.sql(`SELECT id FROM audit_event ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC`);
    expect(seen).toEqual(newestFirst.map((row) => row.id));
  });

  it('refuses a page link it did not write, and page sizes out of range', async () => {
    expect(errorOf(await api.gql(LOG, { after: 'bogus' }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorOf(await api.gql(LOG, { first: 0 }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await api.gql(LOG, { first: 101 }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('gets no entry for a change that fails, and the change leaves nothing behind', async () => {
    const make = (name: string) =>
      api.gql(`mutation($name: String!) { createOrganization(input: { name: $name, country: "LK", kind: NHRI }) { id } }`, { name }, admin.token);
    await make('Lanka Commission');
    const other = (await make('Lanka Forum')).data!.createOrganization.id;
    const before = await api.sql(`SELECT count(*)::int AS n FROM audit_event`);
    const res = await api.gql(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "LANKA COMMISSION", kind: NGO }) { id } }`,
      { id: other },
      admin.token,
    );
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await api.sql(`SELECT name, kind FROM organization WHERE id = $1`, [other])).toEqual([{ name: 'Lanka Forum', kind: 'NHRI' }]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);
  });
});
