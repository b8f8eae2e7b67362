import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, signUp } from '../platform/testing/factories.js';
import { emailedLinkToken, errorOf, queueDrained, sentEmails, startTestApi, type TestApi } from '../platform/testing/test-app.js';

const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) { token } }`;
const ME = `{ me { id } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await api.startWorker();
});
afterAll(() => api.close());

describe('someone who holds a token or an address that is not theirs', () => {
  it('cannot tell from a reset request whether an address has an account', async () => {
    const person = await signUp(api);
    const stranger = `nobody-${Date.now()}@example.org`;
    const known = await api.gql(REQUEST_RESET, { email: person.email.toUpperCase() });
    const unknown = await api.gql(REQUEST_RESET, { email: stranger });
    expect(known).toEqual({ data: { requestPasswordReset: true } });
    expect(unknown).toEqual(known);
    await queueDrained(api, 'accounts');
    expect(sentEmails(api.config).filter((m) => m.to === stranger)).toEqual([]);
    expect(sentEmails(api.config).filter((m) => m.to === person.email && m.text.includes('/reset-password?token='))).toHaveLength(1);
  });

  it('keeps the reset link only as a hash', async () => {
    const person = await signUp(api);
    await api.gql(REQUEST_RESET, { email: person.email });
    const token = await emailedLinkToken(api, person.email, '/reset-password');
    const rows = await api.sql(`SELECT * FROM account_token WHERE user_id = $1 AND purpose = 'PASSWORD_RESET'`, [person.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('loses a stolen session token when the owner resets the password', async () => {
    const person = await signUp(api);
    const stolen = person.token;
    await api.gql(REQUEST_RESET, { email: person.email });
    const res = await api.gql(RESET, { token: await emailedLinkToken(api, person.email, '/reset-password'), newPassword: 'a brand new passphrase' });
    expect(errorOf(await api.gql(ME, {}, stolen)).code).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME, {}, res.data!.resetPassword.token)).data!.me).toEqual({ id: person.id });
  });

  it('loses a stolen session token when the owner changes the password or logs out everywhere', async () => {
    const person = await signUp(api);
    const stolen = person.token;
    const change = `mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "another good passphrase") }`;
    expect((await api.gql(change, {}, person.token)).data).toEqual({ changePassword: true });
    expect(errorOf(await api.gql(ME, {}, stolen)).code).toBe('UNAUTHENTICATED');

    const other = await signUp(api);
    expect((await api.gql(`mutation { logOutEverywhere }`, {}, other.token)).data).toEqual({ logOutEverywhere: true });
    expect(errorOf(await api.gql(ME, {}, other.token)).code).toBe('UNAUTHENTICATED');
  });
});
