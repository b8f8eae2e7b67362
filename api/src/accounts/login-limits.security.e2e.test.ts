import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, signUp } from '../platform/testing/factories.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../platform/testing/test-app.js';

const LOG_IN = /* GraphQL */ `
  mutation ($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }
`;

let api: TestApi;
let nextAddress = 1;
beforeAll(async () => {
  // Behind a trusted proxy on loopback, each test may play its own network address.
  api = await startTestApi({ TRUST_PROXY: 'loopback' });
});
afterAll(async () => {
  await api.close();
});

/** A network address no other test uses, so each test starts with fresh per-address limits. */
const freshAddress = () => `198.51.100.${nextAddress++}`;

async function logIn(address: string, email: string, password: string): Promise<GraphQLResponse> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOG_IN, variables: { email, password } }),
  });
  return res.json();
}

/** What each answer was: a token, a wrong-credentials check, or a refusal with a wait. */
function outcomes(answers: GraphQLResponse[]) {
  const codes = answers.map((a) => (a.data?.logIn?.token ? 'TOKEN' : a.errors?.[0]?.extensions?.code));
  for (const refused of answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS')) {
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  }
  const count = (code: string) => codes.filter((c) => c === code).length;
  return { checked: count('UNAUTHENTICATED'), refused: count('TOO_MANY_REQUESTS'), tokens: count('TOKEN'), total: codes.length };
}

describe('log-in limits under simultaneous guesses', () => {
  it('checks at most five of twenty simultaneous wrong passwords for one account from one address', async () => {
    const person = await signUp(api);
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(address, person.email, `guess-${i}-guess`)));
    expect(outcomes(answers)).toEqual({ checked: 5, refused: 15, tokens: 0, total: 20 });

    // The pause holds for the right password too.
    const after = await logIn(address, person.email, PASSWORD);
    expect(after.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('never hands out a token once five guesses have failed, with the right password among twenty at once', async () => {
    const person = await signUp(api);
    const address = freshAddress();
    const passwords = Array.from({ length: 20 }, (_, i) => (i === 11 ? PASSWORD : `guess-${i}-guess`));
    const answers = await Promise.all(passwords.map((password) => logIn(address, person.email, password)));
    const result = outcomes(answers);
    expect(result.total).toBe(20);
    if (result.tokens === 0) {
      // The right password came after five failures and was refused like the guesses after it.
      expect(result).toMatchObject({ checked: 5, refused: 15 });
    } else {
      // The right password was checked before the fifth failure: that clears the count, so at most four
      // failures before it and five after it were checked, and nothing else.
      expect(result.tokens).toBe(1);
      expect(result.checked).toBeLessThanOrEqual(9);
      expect(result.checked).toBeGreaterThanOrEqual(5);
      expect(result.refused).toBe(19 - result.checked);
    }
  });

  it('checks at most fifty simultaneous wrong guesses from one address across many accounts', async () => {
    const address = freshAddress();
    // Fifteen accounts, four guesses each: no account reaches its own limit, so only the address limit can refuse.
    const guesses = Array.from({ length: 60 }, (_, i) => logIn(address, `someone-${i % 15}@example.org`, `guess-${i}-guess`));
    expect(outcomes(await Promise.all(guesses))).toEqual({ checked: 50, refused: 10, tokens: 0, total: 60 });

    // Even a right password is refused from that address now, and another address is not affected.
    const person = await signUp(api);
    expect((await logIn(address, person.email, PASSWORD)).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect((await logIn(freshAddress(), person.email, PASSWORD)).data?.logIn?.token).toEqual(expect.any(String));
  });
});
