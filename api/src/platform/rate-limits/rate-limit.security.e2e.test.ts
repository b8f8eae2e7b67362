import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccountsResolver } from '../../accounts/accounts.resolver.js';
import { AssignmentsResolver } from '../../assignments/assignments.resolver.js';
import { InvitationsResolver } from '../../courses/invitations.resolver.js';
import { CertificatesResolver } from '../../certificates/certificates.resolver.js';
import { CoursesResolver } from '../../courses/courses.resolver.js';
import { LiveSessionsResolver } from '../../live-sessions/live-sessions.resolver.js';
import { buildCourse, PASSWORD, signUp, signUpAdmin, signUpTrainer } from '../testing/factories.js';
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
  it('sends 30 course invitations per trainer in ten minutes', async () => {
    const admin = await signUpAdmin(api);
    const trainer = await signUpTrainer(api, admin);
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const INVITE = 'inviteCourseMember(courseId: $course, email: $email, role: LEARNER)';
    // One invitation a request: a refused change voids the whole answer of a request carrying several.
    const answers = [];
    for (let i = 0; i < 40; i++) {
      answers.push(await api.gql(`mutation ($course: ID!, $email: String!) { ${INVITE} }`, { course: course.id, email: `someone-${i}@example.org` }, trainer.token));
    }
    expect(answers.filter((a) => a.data?.inviteCourseMember === true).length).toBe(30);
    const refused = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(refused.length).toBe(10);
    expect(refused[0].errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM course_invitation WHERE course_id = $1`, [course.id]);
    expect(n).toBe(30);

    // The allowance is the trainer's own: another trainer still invites people.
    const colleague = await signUpTrainer(api, admin);
    const theirs = await buildCourse(api, colleague, { lessonsPerModule: [1] });
    const res = await api.gql(`mutation ($course: ID!, $email: String!) { ${INVITE} }`, { course: theirs.id, email: 'someone@example.org' }, colleague.token);
    expect(res.data).toEqual({ inviteCourseMember: true });
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
      inviteCourseMember: limited(InvitationsResolver, 'inviteCourseMember'),
      signUp: limited(AccountsResolver, 'signUp'),
      previewMarkdown: limited(CoursesResolver, 'previewMarkdown'),
      verifyCertificate: limited(CertificatesResolver, 'verifyCertificate'),
      rotateCalendarFeed: limited(LiveSessionsResolver, 'rotateCalendarFeed'),
      saveSubmissionDraft: limited(AssignmentsResolver, 'saveSubmissionDraft'),
      submitAssignment: limited(AssignmentsResolver, 'submitAssignment'),
    }).toEqual({
      inviteCourseMember: 'invite-course-member',
      signUp: 'sign-up',
      previewMarkdown: 'preview-markdown',
      verifyCertificate: 'verify-certificate',
      rotateCalendarFeed: 'rotate-calendar-feed',
      saveSubmissionDraft: 'save-submission',
      submitAssignment: 'save-submission',
    });
  });
});
