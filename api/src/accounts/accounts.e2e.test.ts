import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email displayName country timeZone locale roles } } }`;
const LOG_IN = `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token user { id email } } }`;
const ME = `{ me { id email displayName country timeZone locale roles organization { id name } } }`;
const UPDATE_ME = `mutation($input: UpdateMeInput!) { updateMe(input: $input) { id displayName country timeZone locale organization { name } } }`;

let api: TestApi;
let admin: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
});
afterAll(() => api.close());

describe('signing up', () => {
  it('makes the first account of an empty platform its admin, and nobody after', async () => {
    expect(admin.roles).toEqual(['ADMIN']);
    const second = await signUp(api);
    expect(second.roles).toEqual([]);
    const audit = await api.sql(`SELECT action, data FROM audit_event WHERE subject_id = $1`, [admin.id]);
    expect(audit).toEqual([{ action: 'ROLES_CHANGED', data: { roles: ['ADMIN'], reason: 'first account' } }]);
  });

  it('returns a token that identifies the new person, who sees their own email', async () => {
    const res = await api.gql(SIGN_UP, {
      input: { email: ' Ana.Cruz@Example.org ', password: PASSWORD, displayName: 'Ana', country: 'ph', timeZone: 'Asia/Manila', locale: 'fil' },
    });
    expect(res.errors).toBeUndefined();
    const { token, user } = res.data!.signUp;
    expect(user).toMatchObject({ email: 'ana.cruz@example.org', displayName: 'Ana', country: 'PH', timeZone: 'Asia/Manila', locale: 'fil' });
    const me = await api.gql(ME, {}, token);
    expect(me.data!.me).toMatchObject({ id: user.id, email: 'ana.cruz@example.org' });
  });

  it('defaults the time zone to UTC and the language to English', async () => {
    const person = await signUp(api);
    const me = await api.gql(ME, {}, person.token);
    expect(me.data!.me).toMatchObject({ timeZone: 'UTC', locale: 'en', country: null, organization: null });
  });

  it('stores the password only as an argon2id hash', async () => {
    const person = await signUp(api);
    const [row] = await api.sql(`SELECT password_hash FROM app_user WHERE id = $1`, [person.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('refuses an email already taken, ignoring case, as a CONFLICT on the email field', async () => {
    const person = await signUp(api);
    const res = await api.gql(SIGN_UP, { input: { email: person.email.toUpperCase(), password: PASSWORD, displayName: 'Twin' } });
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(res.data).toBeNull();
    const [{ count }] = await api.sql(`SELECT count(*)::int AS count FROM app_user WHERE lower(email) = $1`, [person.email]);
    expect(count).toBe(1);
  });

  it('lets only one of two simultaneous sign-ups with the same email through', async () => {
    const email = `race-${Date.now()}@example.org`;
    const results = await Promise.all(
      [0, 1, 2].map(() => api.gql(SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Racer' } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r).code === 'CONFLICT')).toHaveLength(2);
  });

  it.each([
    ['password', { password: 'short' }, /at least 10 characters/],
    ['email', { email: 'not-an-email' }, /valid email/],
    ['displayName', { displayName: '   ' }, /1 to 80 characters/],
    ['displayName', { displayName: 'x'.repeat(81) }, /1 to 80 characters/],
    ['timeZone', { timeZone: 'Asia/Atlantis' }, /time zone/],
    ['timeZone', { timeZone: '+05:45' }, /time zone/],
    ['country', { country: 'XX' }, /country/],
    ['locale', { locale: 'not a language' }, /language/],
    ['organizationId', { organizationId: '00000000-0000-4000-8000-000000000000' }, /organization/],
    ['organizationId', { organizationId: 'nope' }, /not valid/],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field (%j)', async (field, override, message) => {
    const email = `bad-${field}-${Math.random().toString(36).slice(2)}@example.org`;
    const res = await api.gql(SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Someone', ...override } });
    const error = errorOf(res);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
    const rows = await api.sql(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    expect(rows).toHaveLength(0);
  });

  it('accepts a display name of exactly 80 characters, which may be a pseudonym', async () => {
    const person = await signUp(api, { displayName: 'ก'.repeat(80) });
    expect(person.displayName).toHaveLength(80);
  });
});

describe('logging in', () => {
  it('works with any capitalisation of the email', async () => {
    const person = await signUp(api);
    const res = await api.gql(LOG_IN, { email: person.email.toUpperCase(), password: PASSWORD });
    expect(res.data!.logIn.user).toEqual({ id: person.id, email: person.email });
    const me = await api.gql(ME, {}, res.data!.logIn.token);
    expect(me.data!.me.id).toBe(person.id);
  });

  it('answers a wrong email and a wrong password with the same UNAUTHENTICATED error', async () => {
    const person = await signUp(api);
    const wrongPassword = await api.gql(LOG_IN, { email: person.email, password: 'not the password' });
    const wrongEmail = await api.gql(LOG_IN, { email: `nobody-${Date.now()}@example.org`, password: PASSWORD });
    expect(errorOf(wrongPassword).code).toBe('UNAUTHENTICATED');
    expect(errorOf(wrongEmail)).toEqual(errorOf(wrongPassword));
  });

  it('pauses log-ins for an account from an address after five failures, even with the right password', async () => {
    const person = await signUp(api);
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await api.gql(LOG_IN, { email: person.email, password: `guess-${i}-guess` })).code).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.gql(LOG_IN, { email: person.email, password: PASSWORD });
    expect(errorOf(blocked).code).toBe('TOO_MANY_REQUESTS');
    expect(errorOf(blocked).message).toMatch(/wait \d+ minutes?/);
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);

    // Someone else on the same network is not locked out.
    const other = await signUp(api);
    expect((await api.gql(LOG_IN, { email: other.email, password: PASSWORD })).errors).toBeUndefined();
  });

  it('clears the failure count after a successful log-in', async () => {
    const person = await signUp(api);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await api.gql(LOG_IN, { email: person.email, password: 'wrong password!' });
      expect((await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).errors).toBeUndefined();
    }
  });

  it('refuses a forged or malformed token with UNAUTHENTICATED', async () => {
    const person = await signUp(api);
    const [header, payload] = person.token.split('.');
    for (const token of [`${header}.${payload}.forged-signature`, 'garbage']) {
      expect(errorOf(await api.gql(ME, {}, token)).code).toBe('UNAUTHENTICATED');
    }
    expect((await api.gql(ME)).data).toEqual({ me: null });
  });
});

describe('my profile', () => {
  it('updates only the fields given, and clears country with null', async () => {
    const person = await signUp(api, { country: 'NP', timeZone: 'Asia/Kathmandu' });
    const res = await api.gql(UPDATE_ME, { input: { displayName: '  Sita  ', locale: 'th' } }, person.token);
    expect(res.data!.updateMe).toMatchObject({ displayName: 'Sita', locale: 'th', country: 'NP', timeZone: 'Asia/Kathmandu' });
    const cleared = await api.gql(UPDATE_ME, { input: { country: null, timeZone: 'Asia/Yangon' } }, person.token);
    expect(cleared.data!.updateMe).toMatchObject({ country: null, timeZone: 'Asia/Yangon', displayName: 'Sita' });
  });

  it('refuses a bad time zone and leaves the profile as it was', async () => {
    const person = await signUp(api, { timeZone: 'Asia/Bangkok' });
    const res = await api.gql(UPDATE_ME, { input: { timeZone: 'Mars/Olympus', displayName: 'Changed' } }, person.token);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect((await api.gql(ME, {}, person.token)).data!.me).toMatchObject({ timeZone: 'Asia/Bangkok', displayName: 'Test Person' });
  });

  it('needs a signed-in person', async () => {
    expect(errorOf(await api.gql(UPDATE_ME, { input: { displayName: 'Ghost' } })).code).toBe('UNAUTHENTICATED');
  });
});

describe('managing people (admins)', () => {
  const USERS = `query($search: String, $first: Int, $after: String) {
    users(search: $search, first: $first, after: $after) { totalCount nodes { id email displayName } pageInfo { hasNextPage endCursor } }
  }`;
  const SET_ROLES = `mutation($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id roles email } }`;

  it('lists people with their emails to admins, a page at a time, and to nobody else', async () => {
    const marker = `pager-${Date.now()}`;
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await signUp(api, { displayName: `${marker} ${i}` }));
    const first = await api.gql(USERS, { search: marker, first: 2 }, admin.token);
    expect(first.data!.users.totalCount).toBe(3);
    expect(first.data!.users.nodes.map((u: { id: string }) => u.id)).toEqual([people[2].id, people[1].id]);
    expect(first.data!.users.nodes[0].email).toBe(people[2].email);
    const next = await api.gql(USERS, { search: marker, first: 2, after: first.data!.users.pageInfo.endCursor }, admin.token);
    expect(next.data!.users.nodes.map((u: { id: string }) => u.id)).toEqual([people[0].id]);
    expect(next.data!.users.pageInfo.hasNextPage).toBe(false);

    expect(errorOf(await api.gql(USERS, {}, people[0].token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(USERS, {})).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await api.gql(USERS, { after: 'bogus' }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lets an admin grant roles, and records who did it', async () => {
    const person = await signUp(api);
    const res = await api.gql(SET_ROLES, { userId: person.id, roles: ['TRAINER', 'REVIEWER', 'TRAINER'] }, admin.token);
    expect(res.data!.setUserRoles).toEqual({ id: person.id, roles: ['REVIEWER', 'TRAINER'], email: person.email });
    const audit = await api.sql(`SELECT actor_id, data FROM audit_event WHERE subject_id = $1`, [person.id]);
    expect(audit).toEqual([{ actor_id: admin.id, data: { from: [], to: ['REVIEWER', 'TRAINER'] } }]);
  });

  it('refuses role changes from anyone but an admin', async () => {
    const trainer = await signUp(api);
    await api.gql(SET_ROLES, { userId: trainer.id, roles: ['TRAINER'] }, admin.token);
    const res = await api.gql(SET_ROLES, { userId: trainer.id, roles: ['ADMIN'] }, trainer.token);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const [row] = await api.sql(`SELECT roles FROM app_user WHERE id = $1`, [trainer.id]);
    expect(row.roles).toEqual(['TRAINER']);
  });

  it('keeps at least one admin', async () => {
    const res = await api.gql(SET_ROLES, { userId: admin.id, roles: [] }, admin.token);
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'roles' });
    const second = await signUp(api);
    await api.gql(SET_ROLES, { userId: second.id, roles: ['ADMIN'] }, admin.token);
    expect((await api.gql(SET_ROLES, { userId: second.id, roles: [] }, admin.token)).errors).toBeUndefined();
  });

  it('answers NOT_FOUND for someone who does not exist, and BAD_USER_INPUT for an id that is not an id', async () => {
    expect(errorOf(await api.gql(SET_ROLES, { userId: '00000000-0000-4000-8000-000000000000', roles: [] }, admin.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(SET_ROLES, { userId: 'not-a-uuid', roles: [] }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });
});
