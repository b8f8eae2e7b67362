import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType } from 'graphql';
import { buildCourse, type CourseOutline, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentEmails, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { InvitationsService } from './invitations.service.js';

/**
 * Trainers add people by email invitation, and learn nothing about the address: the same answer
 * and an email either way; only the address's owner, by accepting, joins the course.
 */

const INVITE = `mutation($c: ID!, $e: String!, $r: EnrollmentRole!, $g: String) { inviteCourseMember(courseId: $c, email: $e, role: $r, group: $g) }`;
const ACCEPT = `mutation($t: String!) { acceptCourseInvitation(token: $t) { role group status course { id } user { id } } }`;
const PENDING = `query($slug: String!) { course(slug: $slug) { invitations { id email role group expiresAt } } }`;

let api: TestApi;
let admin: Person;
let trainer: Person;
let course: CourseOutline;

beforeAll(async () => {
  api = await startTestApi();
  await api.startWorker();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
});
afterAll(() => api.close());

async function emailTo(address: string): Promise<{ subject: string; text: string }> {
  // The newest invitation to the address (sign-ups send their own address confirmations too).
  const invitations = () => sentEmails(api.config).filter((m) => m.to === address && m.text.includes('/invitations/accept'));
  await waitFor(() => invitations().length > 0);
  return invitations().at(-1)!;
}
const tokenIn = (text: string) => /\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(text)![1];

describe('course invitations', () => {
  it('offers no look-up of people by email address to anyone', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const lookups = Object.values(schema.getQueryType()!.getFields()).filter(
      (field) => field.args.some((a) => /email/i.test(a.name)) && getNamedType(field.type).name === 'User',
    );
    expect(lookups.map((f) => f.name)).toEqual([]);
  });

  it('answers a trainer the same whether or not the address has an account, and emails both', async () => {
    const known = await signUp(api, { displayName: 'Known', locale: 'th' });
    const unknown = `nobody-${Date.now()}@example.org`;
    const forKnown = await api.gql(INVITE, { c: course.id, e: known.email.toUpperCase(), r: 'LEARNER', g: 'Nepal' }, trainer.token);
    const forUnknown = await api.gql(INVITE, { c: course.id, e: unknown, r: 'LEARNER', g: 'Nepal' }, trainer.token);
    expect(forKnown).toEqual({ data: { inviteCourseMember: true } });
    expect(forUnknown).toEqual(forKnown);
    // Their owners read different words: log in, or sign up first (in the account's own language).
    expect((await emailTo(known.email)).text).toMatch(/เข้าสู่ระบบด้วยอีเมลนี้/);
    expect((await emailTo(unknown)).text).toMatch(/Create a Kapwa account with this email address/);
    // The trainer sees back only what they typed.
    const pending = (await api.gql(PENDING, { slug: course.slug }, trainer.token)).data!.course.invitations;
    expect(pending.map((i: { email: string }) => i.email).sort()).toEqual([known.email, unknown].sort());
  });

  it('enrols whoever accepts, with the role and group given, once', async () => {
    const invitee = await signUp(api, { displayName: 'Invitee' });
    await api.gql(INVITE, { c: course.id, e: invitee.email, r: 'TRAINER', g: 'Myanmar' }, trainer.token);
    const token = tokenIn((await emailTo(invitee.email)).text);
    // The database keeps only the token's hash.
    const [row] = await api.sql(`SELECT token_hash FROM course_invitation WHERE email = $1`, [invitee.email]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await api.sql(`SELECT * FROM course_invitation`))).not.toContain(token);

    expect(errorOf(await api.gql(ACCEPT, { t: token })).code).toBe('UNAUTHENTICATED');
    const accepted = await api.gql(ACCEPT, { t: token }, invitee.token);
    expect(accepted.data!.acceptCourseInvitation).toEqual({ role: 'TRAINER', group: 'Myanmar', status: 'ACTIVE', course: { id: course.id }, user: { id: invitee.id } });
    const other = await signUp(api);
    expect(errorOf(await api.gql(ACCEPT, { t: token }, other.token)).code).toBe('NOT_FOUND');
    const pending = (await api.gql(PENDING, { slug: course.slug }, trainer.token)).data!.course.invitations;
    expect(pending.map((i: { email: string }) => i.email)).not.toContain(invitee.email);
  });

  it('emails an invitation once, however often its job runs (a retry, a worker killed after sending)', async () => {
    const address = 'twice-run@example.org';
    await api.gql(INVITE, { c: course.id, e: address, r: 'LEARNER' }, trainer.token);
    await emailTo(address);
    const [{ id }] = await api.sql(`SELECT id FROM course_invitation WHERE email = $1`, [address]);
    // The job again, as BullMQ reruns a job whose worker died before it could record it done.
    await api.app.get(InvitationsService).send(id);
    await api.app.get(InvitationsService).send(id);
    expect(sentEmails(api.config).filter((m) => m.to === address)).toHaveLength(1);
  });

  it('refuses an expired link, and a link replaced by a new invitation', async () => {
    const invitee = await signUp(api, { displayName: 'Late' });
    await api.gql(INVITE, { c: course.id, e: invitee.email, r: 'LEARNER' }, trainer.token);
    const first = tokenIn((await emailTo(invitee.email)).text);
    await api.sql(`UPDATE course_invitation SET expires_at = now() - interval '1 minute' WHERE email = $1`, [invitee.email]);
    expect(errorOf(await api.gql(ACCEPT, { t: first }, invitee.token)).code).toBe('CONFLICT');

    await api.gql(INVITE, { c: course.id, e: invitee.email, r: 'LEARNER' }, trainer.token);
    await waitFor(() => sentEmails(api.config).filter((m) => m.to === invitee.email && m.text.includes('/invitations/accept')).length === 2);
    const second = tokenIn((await emailTo(invitee.email)).text);
    expect(second).not.toBe(first);
    expect(errorOf(await api.gql(ACCEPT, { t: first }, invitee.token)).code).toBe('NOT_FOUND');
    expect((await api.gql(ACCEPT, { t: second }, invitee.token)).data!.acceptCourseInvitation.role).toBe('LEARNER');
  });

  it('lets only the course trainers and admins invite, see and withdraw invitations', async () => {
    const learner = await signUp(api);
    const otherTrainer = await signUpTrainer(api, admin);
    for (const who of [learner, otherTrainer]) {
      expect(errorOf(await api.gql(INVITE, { c: course.id, e: 'x@example.org', r: 'TRAINER' }, who.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.gql(PENDING, { slug: course.slug }, who.token)).code).toBe('FORBIDDEN');
    }
    expect(errorOf(await api.gql(INVITE, { c: course.id, e: 'not an address', r: 'LEARNER' }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });

    await api.gql(INVITE, { c: course.id, e: 'withdrawn@example.org', r: 'LEARNER' }, admin.token);
    const token = tokenIn((await emailTo('withdrawn@example.org')).text);
    const pending = (await api.gql(PENDING, { slug: course.slug }, admin.token)).data!.course.invitations;
    const id = pending.find((i: { email: string }) => i.email === 'withdrawn@example.org').id;
    const REVOKE = `mutation($id: ID!) { revokeCourseInvitation(invitationId: $id) }`;
    expect(errorOf(await api.gql(REVOKE, { id }, otherTrainer.token)).code).toBe('FORBIDDEN');
    expect((await api.gql(REVOKE, { id }, trainer.token)).data).toEqual({ revokeCourseInvitation: true });
    expect(errorOf(await api.gql(ACCEPT, { t: token }, learner.token)).code).toBe('NOT_FOUND');
  });
});
