import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { grantRoles, PASSWORD, type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';

const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendUser(userId: $id, reason: $reason) { id suspendedAt } }`;
const RESTORE = `mutation($id: ID!) { restoreUser(userId: $id) { id suspendedAt } }`;
const LOG_IN = `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`;
const ME = `{ me { id } }`;

let api: TestApi;
let admin: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
});
afterAll(() => api.close());

const auditOf = (id: string) => api.sql(`SELECT action, actor_id, data FROM audit_event WHERE subject_id = $1 ORDER BY created_at`, [id]);

describe('a suspended account', () => {
  it('stops every token it holds at once', async () => {
    const person = await signUp(api);
    const second = (await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).data!.logIn.token;
    expect((await api.gql(SUSPEND, { id: person.id, reason: 'Posting spam links' }, admin.token)).errors).toBeUndefined();
    for (const token of [person.token, second]) {
      const res = await api.gql(ME, {}, token);
      expect(errorOf(res)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'This account is suspended; contact an admin.' });
    }
  });

  it('cannot log in: the right password hears it is suspended, a wrong one hears nothing new', async () => {
    const person = await signUp(api);
    await api.gql(SUSPEND, { id: person.id, reason: 'Harassment' }, admin.token);
    const wrong = await api.gql(LOG_IN, { email: person.email, password: 'not the password at all' });
    expect(errorOf(wrong)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The email or password is not correct.' });
    const right = await api.gql(LOG_IN, { email: person.email, password: PASSWORD });
    expect(errorOf(right)).toMatchObject({ code: 'FORBIDDEN', message: 'This account is suspended; contact an admin.' });
    expect(right.data).toBeNull();
  });

  it('logs in again once an admin restores it, and both steps are in the audit log', async () => {
    const person = await signUp(api);
    await api.gql(SUSPEND, { id: person.id, reason: '  Shared their account  ' }, admin.token);
    const restored = await api.gql(RESTORE, { id: person.id }, admin.token);
    expect(restored.data!.restoreUser).toEqual({ id: person.id, suspendedAt: null });
    expect((await api.gql(ME, {}, person.token)).data!.me).toEqual({ id: person.id });
    expect((await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).errors).toBeUndefined();
    expect(await auditOf(person.id)).toEqual([
      { action: 'ACCOUNT_SUSPENDED', actor_id: admin.id, data: { reason: 'Shared their account' } },
      { action: 'ACCOUNT_RESTORED', actor_id: admin.id, data: {} },
    ]);
  });

  it('is suspended once however often it is asked, with one audit entry', async () => {
    const person = await signUp(api);
    const first = await api.gql(SUSPEND, { id: person.id, reason: 'Spam' }, admin.token);
    const again = await api.gql(SUSPEND, { id: person.id, reason: 'Spam again' }, admin.token);
    expect(again.data!.suspendUser.suspendedAt).toBe(first.data!.suspendUser.suspendedAt);
    expect(await auditOf(person.id)).toHaveLength(1);
  });
});

describe('suspending', () => {
  it('needs a reason', async () => {
    const person = await signUp(api);
    for (const reason of ['   ', 'x'.repeat(501), 'line\u202Eflip']) {
      expect(errorOf(await api.gql(SUSPEND, { id: person.id, reason }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect(await auditOf(person.id)).toEqual([]);
  });

  it('is refused for oneself', async () => {
    const res = await api.gql(SUSPEND, { id: admin.id, reason: 'Testing' }, admin.token);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect((await api.gql(ME, {}, admin.token)).errors).toBeUndefined();
  });

  it('keeps an admin who can sign in: the last unsuspended admin cannot lose the role, and that change writes nothing', async () => {
    // A second admin, who suspends the first: the second is then the only admin able to sign in.
    const second = await signUp(api);
    await grantRoles(api, admin, second, ['ADMIN']);
    const third = await signUp(api);
    await grantRoles(api, admin, third, ['ADMIN']);
    expect((await api.gql(SUSPEND, { id: admin.id, reason: 'Left the organization' }, second.token)).errors).toBeUndefined();
    expect((await api.gql(SUSPEND, { id: third.id, reason: 'Left too' }, second.token)).errors).toBeUndefined();

    const before = await api.sql(`SELECT count(*)::int AS n FROM audit_event`);
    const res = await api.gql(`mutation($id: ID!) { setUserRoles(userId: $id, roles: []) { id } }`, { id: second.id }, second.token);
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'roles' });
    expect(await api.sql(`SELECT roles FROM app_user WHERE id = $1`, [second.id])).toEqual([{ roles: ['ADMIN'] }]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);

    // Restoring the first admin makes room again.
    await api.gql(RESTORE, { id: admin.id }, second.token);
    expect((await api.gql(`mutation($id: ID!) { setUserRoles(userId: $id, roles: []) { id } }`, { id: second.id }, second.token)).errors).toBeUndefined();
  });

  it('answers NOT_FOUND for someone who does not exist', async () => {
    const res = await api.gql(SUSPEND, { id: '00000000-0000-4000-8000-000000000000', reason: 'Spam' }, admin.token);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });
});
