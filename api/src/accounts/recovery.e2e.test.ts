import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../platform/common/clock.js';
import { PASSWORD, type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { emailedLinkToken, errorOf, queueDrained, sentEmails, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';

const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) { token user { id email } } }`;
const CHANGE = `mutation($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`;
const LOG_IN = `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`;
const ME = `{ me { id email emailVerified } }`;
const NEW_PASSWORD = 'a brand new passphrase';

let api: TestApi;
let admin: Person;
beforeAll(async () => {
  api = await startTestApi({ TRUST_PROXY: 'loopback' });
  await api.startWorker();
  admin = await signUpAdmin(api);
});
afterAll(() => api.close());

let nextAddress = 1;
/** Each test asks from its own network address, so the per-address limits of one do not touch another. */
const freshAddress = () => `203.0.113.${nextAddress++}`;

const gqlFrom = (address: string, query: string, variables: Record<string, unknown> = {}, token?: string) => api.gql(query, variables, token, address);

const mailTo = (address: string) => sentEmails(api.config).filter((m) => m.to === address);

const linkTo = (address: string, page: string, count = 1) => emailedLinkToken(api, address, page, count);

async function resetLinkFor(person: Person, count = 1): Promise<string> {
  expect((await gqlFrom(freshAddress(), REQUEST_RESET, { email: person.email })).data).toEqual({ requestPasswordReset: true });
  return linkTo(person.email, '/reset-password', count);
}

const isSignedIn = async (token: string) => (await api.gql(ME, {}, token)).errors === undefined;

describe('resetting a forgotten password', () => {
  it('sets the new password from the link, once, and logs the person in', async () => {
    const person = await signUp(api);
    const token = await resetLinkFor(person);
    const res = await api.gql(RESET, { token, newPassword: NEW_PASSWORD });
    expect(res.errors).toBeUndefined();
    expect(res.data!.resetPassword.user).toEqual({ id: person.id, email: person.email });
    expect(await isSignedIn(res.data!.resetPassword.token)).toBe(true);

    expect(errorOf(await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect((await api.gql(LOG_IN, { email: person.email, password: NEW_PASSWORD })).errors).toBeUndefined();

    const again = errorOf(await api.gql(RESET, { token, newPassword: 'yet another passphrase' }));
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(again.message).toMatch(/already been used/);
    expect((await api.gql(LOG_IN, { email: person.email, password: NEW_PASSWORD })).errors).toBeUndefined();

    const audit = await api.sql(`SELECT actor_id, action FROM audit_event WHERE subject_id = $1 AND action LIKE 'user.password.%'`, [person.id]);
    expect(audit).toEqual([{ actor_id: person.id, action: 'user.password.reset' }]);
  });

  it('works for 30 minutes and no longer', async () => {
    const person = await signUp(api);
    const early = await resetLinkFor(person);
    const late = await resetLinkFor(person, 2);
    const clock = api.app.get(Clock);
    const start = Date.now();
    try {
      clock.now = () => new Date(start + 30 * 60_000 + 1_000);
      const expired = errorOf(await api.gql(RESET, { token: late, newPassword: NEW_PASSWORD }));
      expect(expired).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(expired.message).toMatch(/expired/);
      clock.now = () => new Date(start + 29 * 60_000);
      expect((await api.gql(RESET, { token: early, newPassword: NEW_PASSWORD })).errors).toBeUndefined();
    } finally {
      clock.now = () => new Date();
    }
  });

  it('makes every other link of the account useless once one is used', async () => {
    const person = await signUp(api);
    const first = await resetLinkFor(person);
    const second = await resetLinkFor(person, 2);
    expect((await api.gql(RESET, { token: second, newPassword: NEW_PASSWORD })).errors).toBeUndefined();
    expect(errorOf(await api.gql(RESET, { token: first, newPassword: 'someone else entirely' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('refuses a made-up link and a short password, changing nothing', async () => {
    const person = await signUp(api);
    const made = errorOf(await api.gql(RESET, { token: 'x'.repeat(43), newPassword: NEW_PASSWORD }));
    expect(made).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(made.message).toMatch(/not valid/);
    const token = await resetLinkFor(person);
    expect(errorOf(await api.gql(RESET, { token, newPassword: 'short' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    // The link was not spent by the refused attempt.
    expect((await api.gql(RESET, { token, newPassword: NEW_PASSWORD })).errors).toBeUndefined();
  });

  it('limits requests per network address', async () => {
    const address = freshAddress();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await gqlFrom(address, REQUEST_RESET, { email: `someone-${i}@example.org` }));
    expect(answers.slice(0, 10).every((a) => a.data?.requestPasswordReset === true)).toBe(true);
    expect(errorOf(answers[10]).code).toBe('TOO_MANY_REQUESTS');
    expect((await gqlFrom(freshAddress(), REQUEST_RESET, { email: 'someone@example.org' })).data).toEqual({ requestPasswordReset: true });
  });

  it('sends an account at most three reset emails an hour, still answering true', async () => {
    const person = await signUp(api);
    for (let i = 0; i < 5; i++) {
      expect((await gqlFrom(freshAddress(), REQUEST_RESET, { email: person.email })).data).toEqual({ requestPasswordReset: true });
    }
    await queueDrained(api, 'accounts');
    expect(mailTo(person.email).filter((m) => m.text.includes('/reset-password'))).toHaveLength(3);
  });
});

describe('changing the password and ending sessions', () => {
  it('needs the current password, then ends every session including this one', async () => {
    const person = await signUp(api);
    const other = (await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).data!.logIn.token;
    const wrong = errorOf(await api.gql(CHANGE, { currentPassword: 'not my password', newPassword: NEW_PASSWORD }, person.token));
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect(errorOf(await api.gql(CHANGE, { currentPassword: PASSWORD, newPassword: 'short' }, person.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
    expect(await isSignedIn(person.token)).toBe(true);

    expect((await api.gql(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, person.token)).data).toEqual({ changePassword: true });
    expect(await isSignedIn(person.token)).toBe(false);
    expect(await isSignedIn(other)).toBe(false);
    expect((await api.gql(LOG_IN, { email: person.email, password: NEW_PASSWORD })).errors).toBeUndefined();
    const audit = await api.sql(`SELECT action FROM audit_event WHERE subject_id = $1 AND action LIKE 'user.password.%'`, [person.id]);
    expect(audit).toEqual([{ action: 'user.password.changed' }]);
  });

  it('counts wrong current passwords as failed log-ins, so it is no way to guess', async () => {
    const person = await signUp(api);
    const address = freshAddress();
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await gqlFrom(address, CHANGE, { currentPassword: `guess-${i}-guess`, newPassword: NEW_PASSWORD }, person.token)).field).toBe(
        'currentPassword',
      );
    }
    const blocked = errorOf(await gqlFrom(address, CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, person.token));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(await isSignedIn(person.token)).toBe(true);
  });

  it('logs out everywhere, this session included', async () => {
    const person = await signUp(api);
    const other = (await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).data!.logIn.token;
    expect((await api.gql(`mutation { logOutEverywhere }`, {}, person.token)).data).toEqual({ logOutEverywhere: true });
    expect(await isSignedIn(person.token)).toBe(false);
    expect(await isSignedIn(other)).toBe(false);
    const fresh = (await api.gql(LOG_IN, { email: person.email, password: PASSWORD })).data!.logIn.token;
    expect(await isSignedIn(fresh)).toBe(true);
    const audit = await api.sql(`SELECT actor_id, action FROM audit_event WHERE subject_id = $1`, [person.id]);
    expect(audit).toContainEqual({ actor_id: person.id, action: 'user.sessions.ended' });
    expect(errorOf(await api.gql(`mutation { logOutEverywhere }`)).code).toBe('UNAUTHENTICATED');
  });
});

describe('confirming an email address', () => {
  it('emails a link at sign-up; the account works meanwhile, and the link confirms the address once', async () => {
    const person = await signUp(api);
    expect((await api.gql(ME, {}, person.token)).data!.me).toMatchObject({ emailVerified: false });
    const token = await linkTo(person.email, '/verify-email');
    expect((await api.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token })).data).toEqual({ verifyEmail: true });
    expect((await api.gql(ME, {}, person.token)).data!.me).toMatchObject({ emailVerified: true });
    expect(errorOf(await api.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });
    // Nothing more to confirm: no new email.
    expect((await api.gql(`mutation { resendVerificationEmail }`, {}, person.token)).data).toEqual({ resendVerificationEmail: false });
  });

  it('sends a new link on request', async () => {
    const person = await signUp(api);
    await linkTo(person.email, '/verify-email');
    expect((await api.gql(`mutation { resendVerificationEmail }`, {}, person.token)).data).toEqual({ resendVerificationEmail: true });
    const token = await linkTo(person.email, '/verify-email', 2);
    expect((await api.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token })).errors).toBeUndefined();
  });

  it('shows admins whether an address is confirmed', async () => {
    const person = await signUp(api, { displayName: `Unconfirmed ${Date.now()}` });
    const res = await api.gql(`query($search: String) { users(search: $search, first: 5) { nodes { id emailVerified } } }`, { search: person.displayName }, admin.token);
    expect(res.data!.users.nodes).toEqual([{ id: person.id, emailVerified: false }]);
  });
});

describe('changing the email address', () => {
  const REQUEST = `mutation($newEmail: String!, $password: String!) { requestEmailChange(newEmail: $newEmail, password: $password) }`;
  const CONFIRM = `mutation($token: String!) { confirmEmailChange(token: $token) }`;

  it('confirms by a link to the new address, tells the old one, and switches on confirmation', async () => {
    const person = await signUp(api);
    const newEmail = `moved-${Date.now()}@example.org`;
    expect((await api.gql(REQUEST, { newEmail: ` ${newEmail.toUpperCase()} `, password: PASSWORD }, person.token)).data).toEqual({
      requestEmailChange: true,
    });
    const token = await linkTo(newEmail, '/confirm-email');
    await waitFor(() => mailTo(person.email).some((m) => m.subject.includes('about to change')));
    expect((await api.gql(ME, {}, person.token)).data!.me.email).toBe(person.email);

    expect((await api.gql(CONFIRM, { token })).data).toEqual({ confirmEmailChange: true });
    expect((await api.gql(ME, {}, person.token)).data!.me).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await api.gql(LOG_IN, { email: newEmail, password: PASSWORD })).errors).toBeUndefined();
    expect(errorOf(await api.gql(CONFIRM, { token })).field).toBe('token');
    const audit = await api.sql(`SELECT actor_id, action FROM audit_event WHERE subject_id = $1 AND action = 'user.email.changed'`, [person.id]);
    expect(audit).toEqual([{ actor_id: person.id, action: 'user.email.changed' }]);
  });

  it('needs the password and a valid address that is not taken', async () => {
    const person = await signUp(api);
    const other = await signUp(api);
    expect(errorOf(await api.gql(REQUEST, { newEmail: 'fresh@example.org', password: 'wrong password' }, person.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });
    expect(errorOf(await api.gql(REQUEST, { newEmail: 'not an email', password: PASSWORD }, person.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newEmail',
    });
    expect(errorOf(await api.gql(REQUEST, { newEmail: other.email.toUpperCase(), password: PASSWORD }, person.token))).toMatchObject({
      code: 'CONFLICT',
      field: 'newEmail',
    });
  });

  it('refuses the switch with CONFLICT when someone took the address meanwhile', async () => {
    const person = await signUp(api);
    const newEmail = `contested-${Date.now()}@example.org`;
    await api.gql(REQUEST, { newEmail, password: PASSWORD }, person.token);
    const token = await linkTo(newEmail, '/confirm-email');
    await signUp(api, { email: newEmail.toUpperCase() });
    expect(errorOf(await api.gql(CONFIRM, { token })).code).toBe('CONFLICT');
    expect((await api.gql(ME, {}, person.token)).data!.me.email).toBe(person.email);
  });

  it('makes reset links sent to the old address useless', async () => {
    const person = await signUp(api);
    const reset = await resetLinkFor(person);
    const newEmail = `after-${Date.now()}@example.org`;
    await api.gql(REQUEST, { newEmail, password: PASSWORD }, person.token);
    await api.gql(CONFIRM, { token: await linkTo(newEmail, '/confirm-email') });
    expect(errorOf(await api.gql(RESET, { token: reset, newPassword: NEW_PASSWORD })).field).toBe('token');
  });
});
