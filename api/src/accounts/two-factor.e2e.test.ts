import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { errorOf, type GraphQLResponse, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { authenticator, authenticatorClock, enableTwoFactor } from '../platform/testing/two-factor.js';

const LOG_IN = /* GraphQL */ `
  mutation ($email: String!, $password: String!, $code: String) {
    logIn(email: $email, password: $password, twoFactorCode: $code) { token user { id } }
  }
`;

let api: TestApi;
let clock: ReturnType<typeof authenticatorClock>;
let admin: Person;
let nextAddress = 1;

beforeAll(async () => {
  // Behind a trusted proxy on loopback, each test plays its own network address, so limits do not cross.
  api = await startTestApi({ TRUST_PROXY: 'loopback' });
  clock = authenticatorClock(api);
  admin = await signUpAdmin(api);
});
afterAll(async () => {
  await api.close();
});

function logInFrom(address: string) {
  return async (email: string, code?: string, password = PASSWORD): Promise<GraphQLResponse> => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOG_IN, variables: { email, password, code } }),
    });
    return res.json();
  };
}
const freshLogIn = () => logInFrom(`198.51.100.${nextAddress++}`);

const me = (token: string) => api.gql(`{ me { twoFactorEnabled twoFactorRequired } }`, {}, token);

describe('setting up two-step sign-in', () => {
  it('gives the secret, its otpauth address and a QR code, and keeps the secret only encrypted', async () => {
    const person = await signUp(api);
    const res = await api.gql(`mutation { startTwoFactorSetup { secret uri qrCodeSvg } }`, {}, person.token);
    const { secret, uri, qrCodeSvg } = res.data!.startTwoFactorSetup;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kapwa:/);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const [row] = await api.sql(`SELECT secret_encrypted, enabled_at FROM user_two_factor WHERE user_id = $1`, [person.id]);
    expect(row.enabled_at).toBeNull();
    expect(row.secret_encrypted).not.toContain(secret);
    expect(row.secret_encrypted).not.toContain(Buffer.from(secret).toString('base64'));
    // Not on until a code proves the app has the secret.
    expect((await me(person.token)).data!.me).toEqual({ twoFactorEnabled: false, twoFactorRequired: false });
  });

  it('turns on with a right code and answers ten recovery codes, stored only as hashes', async () => {
    const person = await signUp(api);
    const setup = (await api.gql(`mutation { startTwoFactorSetup { secret } }`, {}, person.token)).data!.startTwoFactorSetup;
    const app = authenticator(setup.secret, clock);
    clock.tick();
    const wrong = await api.gql(`mutation($code: String!) { confirmTwoFactor(code: $code) }`, { code: app.code(-5) }, person.token);
    expect(errorOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });

    const res = await api.gql(`mutation($code: String!) { confirmTwoFactor(code: $code) }`, { code: app.code() }, person.token);
    const codes: string[] = res.data!.confirmTwoFactor;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const stored = await api.sql(`SELECT code_hash FROM two_factor_recovery_code WHERE user_id = $1`, [person.id]);
    expect(stored).toHaveLength(10);
    const plain = new Set(codes.flatMap((c) => [c, c.replace(/-/g, '')]));
    for (const { code_hash } of stored) expect(plain.has(code_hash.trim())).toBe(false);

    expect((await me(person.token)).data!.me.twoFactorEnabled).toBe(true);
    const audit = await api.sql(`SELECT action FROM audit_event WHERE subject_id = $1`, [person.id]);
    expect(audit.map((a) => a.action)).toContain('user.two-factor.enabled');
  });

  it('shows whether it is on to the person and admins only', async () => {
    const person = await signUp(api);
    await enableTwoFactor(api, person, clock);
    const listed = (await api.gql(`{ users(first: 100) { nodes { id twoFactorEnabled twoFactorRequired } } }`, {}, admin.token)).data!.users.nodes;
    expect(listed.find((u: { id: string }) => u.id === person.id)).toEqual({ id: person.id, twoFactorEnabled: true, twoFactorRequired: false });
    // Everyone else reads null, on every road to a person: the privacy walk (privacy-walk.security.e2e.test.ts) asks them all.
  });
});

describe('logging in with two-step sign-in on', () => {
  it('asks for the code after a right password, and gives no token without it', async () => {
    const person = await signUp(api);
    const { app } = await enableTwoFactor(api, person, clock);
    const logIn = freshLogIn();

    const asked = await logIn(person.email);
    expect(asked.data).toBeNull();
    expect(asked.errors![0]).toMatchObject({
      message: 'Enter the code from your authenticator app.',
      extensions: { code: 'UNAUTHENTICATED', twoFactorRequired: true },
    });
    // A wrong password still gets the one generic answer, and no hint that a code would be asked.
    const wrongPassword = await logIn(person.email, app.code(), 'not the password at all');
    expect(wrongPassword.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });

    const done = await logIn(person.email, app.code());
    expect(done.data!.logIn.user.id).toBe(person.id);
    expect(done.data!.logIn.token).toEqual(expect.any(String));
  });

  it('accepts the codes of the steps either side of now, not further', async () => {
    const person = await signUp(api);
    const { app } = await enableTwoFactor(api, person, clock);
    const logIn = freshLogIn();
    clock.tick(); // the step before now was not used to set up
    expect(errorOf(await logIn(person.email, app.code(-2))).code).toBe('UNAUTHENTICATED');
    expect((await logIn(person.email, app.code(-1))).data?.logIn.token).toBeTruthy();
    expect((await logIn(person.email, app.code(1))).data?.logIn.token).toBeTruthy();
    expect(errorOf(await logIn(person.email, app.code(2))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a code used before, and any code of an earlier step', async () => {
    const person = await signUp(api);
    const { app } = await enableTwoFactor(api, person, clock);
    const logIn = freshLogIn();
    const code = app.code();
    expect((await logIn(person.email, code)).data?.logIn.token).toBeTruthy();
    const replayed = await logIn(person.email, code);
    expect(replayed.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', twoFactorRequired: true });
    expect(errorOf(await logIn(person.email, app.code(-1))).code).toBe('UNAUTHENTICATED');

    // Two log-ins racing with one code: only one gets in.
    clock.tick();
    const fresh = app.code();
    const raced = await Promise.all([logInFrom('203.0.113.7')(person.email, fresh), logInFrom('203.0.113.8')(person.email, fresh)]);
    expect(raced.filter((r) => r.data?.logIn?.token)).toHaveLength(1);
  });

  it('counts wrong codes against the log-in limit, which then refuses even a right code', async () => {
    const person = await signUp(api);
    const { app } = await enableTwoFactor(api, person, clock);
    const logIn = freshLogIn();
    const valid = new Set([-1, 0, 1].map((step) => app.code(step)));
    const guesses = Array.from({ length: 10 }, (_, i) => String(i * 111_111).padStart(6, '0')).filter((c) => !valid.has(c));
    for (const guess of guesses.slice(0, 5)) {
      expect((await logIn(person.email, guess)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', twoFactorRequired: true });
    }
    expect(errorOf(await logIn(person.email, app.code())).code).toBe('TOO_MANY_REQUESTS');
  });

  it('lets each recovery code in once', async () => {
    const person = await signUp(api);
    const { recoveryCodes } = await enableTwoFactor(api, person, clock);
    const logIn = freshLogIn();
    const [first, second] = recoveryCodes;
    expect((await logIn(person.email, first)).data?.logIn.token).toBeTruthy();
    expect(errorOf(await logIn(person.email, first)).code).toBe('UNAUTHENTICATED');
    // Typed with capitals and spaces instead of hyphens, as people copy them from paper.
    expect((await logIn(person.email, second.toUpperCase().replace(/-/g, ' '))).data?.logIn.token).toBeTruthy();

    const audit = await api.sql(`SELECT data FROM audit_event WHERE subject_id = $1 AND action = 'user.two-factor.recovery-code.used' ORDER BY created_at`, [person.id]);
    expect(audit.map((a) => a.data)).toEqual([{ recoveryCodesLeft: 9 }, { recoveryCodesLeft: 8 }]);
  });
});

describe('managing two-step sign-in', () => {
  it('turns off only with the password and a code', async () => {
    const person = await signUp(api);
    const { app } = await enableTwoFactor(api, person, clock);
    const disable = (password: string, code: string) =>
      api.gql(`mutation($password: String!, $code: String!) { disableTwoFactor(password: $password, code: $code) }`, { password, code }, person.token);

    expect(errorOf(await disable('not the password at all', app.code()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(errorOf(await disable(PASSWORD, '000000' === app.code() ? '999999' : '000000'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await me(person.token)).data!.me.twoFactorEnabled).toBe(true);

    expect((await disable(PASSWORD, app.code())).data!.disableTwoFactor).toBe(true);
    expect((await me(person.token)).data!.me.twoFactorEnabled).toBe(false);
    expect((await freshLogIn()(person.email)).data?.logIn.token).toBeTruthy();
    expect(await api.sql(`SELECT 1 FROM two_factor_recovery_code WHERE user_id = $1`, [person.id])).toEqual([]);
    const audit = await api.sql(`SELECT action FROM audit_event WHERE subject_id = $1`, [person.id]);
    expect(audit.map((a) => a.action)).toContain('user.two-factor.disabled');
  });

  it('replaces the recovery codes, and the old ones stop working', async () => {
    const person = await signUp(api);
    const { app, recoveryCodes } = await enableTwoFactor(api, person, clock);
    const res = await api.gql(`mutation($code: String!) { regenerateRecoveryCodes(code: $code) }`, { code: app.code() }, person.token);
    const fresh: string[] = res.data!.regenerateRecoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => recoveryCodes.includes(c))).toEqual([]);

    const logIn = freshLogIn();
    expect(errorOf(await logIn(person.email, recoveryCodes[0])).code).toBe('UNAUTHENTICATED');
    expect((await logIn(person.email, fresh[0])).data?.logIn.token).toBeTruthy();
  });

  it('can be reset by an admin for a person who lost their phone and codes, and only by an admin', async () => {
    const person = await signUp(api);
    await enableTwoFactor(api, person, clock);
    const reset = (token: string, userId = person.id) => api.gql(`mutation($userId: ID!) { resetTwoFactor(userId: $userId) }`, { userId }, token);
    expect(errorOf(await reset(person.token)).code).toBe('FORBIDDEN');
    expect((await reset(admin.token)).data!.resetTwoFactor).toBe(true);
    expect((await freshLogIn()(person.email)).data?.logIn.token).toBeTruthy();
    expect(errorOf(await reset(admin.token)).code).toBe('CONFLICT');
    expect(errorOf(await reset(admin.token, '00000000-0000-4000-8000-000000000000')).code).toBe('NOT_FOUND');
    const audit = await api.sql(`SELECT actor_id FROM audit_event WHERE subject_id = $1 AND action = 'user.two-factor.reset'`, [person.id]);
    expect(audit).toEqual([{ actor_id: admin.id }]);
  });

  it('cannot be set up twice over, which would swap the secret under a thief holding only a session', async () => {
    const person = await signUp(api);
    await enableTwoFactor(api, person, clock);
    const again = await api.gql(`mutation { startTwoFactorSetup { secret } }`, {}, person.token);
    expect(errorOf(again).code).toBe('CONFLICT');
  });
});
