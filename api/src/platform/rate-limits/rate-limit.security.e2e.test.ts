import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccountsResolver } from '../../accounts/accounts.resolver.js';
import { CertificatesResolver } from '../../certificates/certificates.resolver.js';
import { CoursesResolver } from '../../courses/courses.resolver.js';
import { LiveSessionsResolver } from '../../live-sessions/live-sessions.resolver.js';
import { PASSWORD, signUp, signUpAdmin, signUpTrainer } from '../testing/factories.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../testing/test-app.js';

let api: TestApi;
let nextAddress = 1;
beforeAll(async () => {
  // Behind a trusted proxy on loopback, a test may play its own network address.
  api = await startTestApi({ TRUST_PROXY: 'loopback', SIGNUP_RATE_LIMIT: '10' });
});
afterAll(async () => {
  await api.close();
});

const freshAddress = () => `203.0.113.${nextAddress++}`;

async function gqlFrom(address: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** One request asking for the same field under `count` aliases. */
function aliased(count: number, field: string, variable: string): string {
  const fields = Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join('\n');
  return `query (${variable}) {\n${fields}\n}`;
}

/** Many requests' answers as one, for a caller that splits a large batch under the per-request alias limit. */
function combined(responses: GraphQLResponse[]): GraphQLResponse {
  const data: Record<string, unknown> = {};
  const errors: NonNullable<GraphQLResponse['errors']> = [];
  responses.forEach((res, batch) => {
    for (const [alias, value] of Object.entries(res.data ?? {})) data[`${batch}.${alias}`] = value;
    for (const error of res.errors ?? []) errors.push({ ...error, path: error.path ? [`${batch}.${error.path[0]}`, ...error.path.slice(1)] : undefined });
  });
  return { data, errors };
}

/** `total` aliases of one field, sent in requests of at most 15 aliases each (the per-request limit), one after another. */
async function inBatches(total: number, send: (count: number) => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const responses = [];
  for (let left = total; left > 0; left -= 15) responses.push(await send(Math.min(15, left)));
  return combined(responses);
}

/** How many aliases were answered, and how many refused with a wait. */
function tally(res: GraphQLResponse) {
  const refused = (res.errors ?? []).filter((e) => e.extensions?.code === 'TOO_MANY_REQUESTS');
  for (const error of refused) expect(error.extensions!.retryAfterSeconds).toBeGreaterThan(0);
  const failedAliases = new Set((res.errors ?? []).map((e) => e.path?.[0]));
  const answered = Object.keys(res.data ?? {}).filter((alias) => !failedAliases.has(alias)).length;
  return { answered, refused: refused.length, otherErrors: (res.errors ?? []).length - refused.length };
}

describe('lookups a scraper would repeat', () => {
  it('answers 30 email lookups per trainer in ten minutes, however many aliases one request carries', async () => {
    const admin = await signUpAdmin(api);
    const trainer = await signUpTrainer(api, admin);
    const lookups = (count: number) => api.gql(aliased(count, 'findPersonByEmail(email: $email) { id }', '$email: String!'), { email: admin.email }, trainer.token);

    const first = await inBatches(201, lookups);
    expect(tally(first)).toEqual({ answered: 30, refused: 171, otherErrors: 0 });
    expect(first.data!['0.a0']).toEqual({ id: admin.id });

    const again = await api.gql(aliased(1, 'findPersonByEmail(email: $email) { id }', '$email: String!'), { email: admin.email }, trainer.token);
    expect(tally(again)).toEqual({ answered: 0, refused: 1, otherErrors: 0 });

    // The allowance is the trainer's own: another trainer still looks people up.
    const colleague = await signUpTrainer(api, admin);
    const theirs = await api.gql(aliased(1, 'findPersonByEmail(email: $email) { id }', '$email: String!'), { email: admin.email }, colleague.token);
    expect(theirs.data!.a0).toEqual({ id: admin.id });
  });

  it('answers 30 certificate checks per network address in ten minutes', async () => {
    const address = freshAddress();
    const checks = (from: string) => (count: number) =>
      gqlFrom(from, aliased(count, 'verifyCertificate(code: $code) { code }', '$code: String!'), { code: 'KPW-0000-0000-0000' });
    expect(tally(await inBatches(40, checks(address)))).toEqual({ answered: 30, refused: 10, otherErrors: 0 });
    expect(tally(await inBatches(40, checks(freshAddress())))).toMatchObject({ answered: 30 });
  });

  it('creates only as many accounts from one address as the limit allows, even when they arrive at once', async () => {
    const address = freshAddress();
    const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { token } }`;
    const tag = `burst-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gqlFrom(address, SIGN_UP, { input: { email: `${tag}-${i}@example.org`, password: PASSWORD, displayName: `Burst ${i}` } }),
      ),
    );
    expect(answers.filter((a) => a.data?.signUp?.token).length).toBe(10);
    const refused = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(refused.length).toBe(2);
    expect(refused[0].errors![0].message).toMatch(/Too many accounts were created from this network/);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE $1`, [`${tag}-%`]);
    expect(n).toBe(10);
    // Another network is not held back.
    expect((await signUp(api)).token).toEqual(expect.any(String));
  });

  it('declares a limit on every lookup and costly operation a scraper or attacker would hammer', () => {
    const limited = (resolver: { prototype: object }, method: string) =>
      Reflect.getMetadata('kapwa:rate-limit', (resolver.prototype as Record<string, object>)[method])?.key;
    expect({
      findPersonByEmail: limited(AccountsResolver, 'findPersonByEmail'),
      signUp: limited(AccountsResolver, 'signUp'),
      previewMarkdown: limited(CoursesResolver, 'previewMarkdown'),
      verifyCertificate: limited(CertificatesResolver, 'verifyCertificate'),
      rotateCalendarFeed: limited(LiveSessionsResolver, 'rotateCalendarFeed'),
    }).toEqual({
      findPersonByEmail: 'find-person',
      signUp: 'sign-up',
      previewMarkdown: 'preview-markdown',
      verifyCertificate: 'verify-certificate',
      rotateCalendarFeed: 'rotate-calendar-feed',
    });
  });
});
