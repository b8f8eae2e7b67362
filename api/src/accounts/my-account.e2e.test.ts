import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, completeLesson, enroll, grantRoles, PASSWORD, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { errorOf, sentEmails, startTestApi, type TestApi } from '../platform/testing/test-app.js';

/** A person's own data: their organization, a copy of everything kept about them, and deleting their account. */

const DELETE = `mutation($p: String!) { deleteMyAccount(password: $p) }`;
const UPDATE_ORG = `mutation($o: ID) { updateMe(input: { organizationId: $o }) { organization { id name } } }`;

let api: TestApi;
let admin: Person;
let trainer: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
});
afterAll(() => api.close());

async function myData(who: Person): Promise<{ status: number; body: any; disposition: string | null }> {
  const res = await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${who.token}` } });
  return { status: res.status, body: res.status === 200 ? await res.json() : null, disposition: res.headers.get('content-disposition') };
}

async function enrolledLearner(displayName: string) {
  const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  const learner = await signUp(api, { displayName, country: 'NP' });
  await enroll(api, learner, course.id);
  await completeLesson(api, learner, course.modules[0].lessons[0]);
  const [enrolment] = await api.sql(`SELECT id FROM enrollment WHERE user_id = $1`, [learner.id]);
  await api.sql(`INSERT INTO certificate (enrollment_id, course_id, code, issued_at, holder_name) VALUES ($1, $2, $3, now(), $4)`, [
    enrolment.id, course.id, `KPW-${learner.id.slice(0, 4).toUpperCase().replace(/[ILOU]/g, '0')}-0000-0000`, displayName,
  ]);
  await api.gql(`mutation($c: ID!) { submitEvaluation(input: { courseId: $c, relevance: 5, usefulness: 4, comment: "Useful" }) }`, { c: course.id }, learner.token);
  await api.sql(`INSERT INTO notification (user_id, kind, title, body, idempotency_key) VALUES ($1, 'TEST', 'Hello', 'Body', $2)`, [learner.id, `test:${learner.id}`]);
  const session = await api.gql(
    `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`,
    { input: { courseId: course.id, title: 'Kick-off', startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(), durationMinutes: 60 } },
    trainer.token,
  );
  await api.gql(`mutation($s: ID!, $u: ID!) { recordAttendance(sessionId: $s, userId: $u, status: PRESENT) { id } }`, { s: session.data!.scheduleLiveSession.id, u: learner.id }, trainer.token);
  return { course, learner };
}

describe('my organization', () => {
  it('is joined and left from the profile', async () => {
    const org = (await api.gql(`mutation { createOrganization(input: { name: "Profile NHRI", country: "TH", kind: NHRI }) { id name } }`, {}, admin.token))
      .data!.createOrganization;
    const person = await signUp(api);
    expect((await api.gql(UPDATE_ORG, { o: org.id }, person.token)).data!.updateMe.organization).toEqual(org);
    expect((await api.gql(UPDATE_ORG, { o: null }, person.token)).data!.updateMe.organization).toBeNull();
    expect(errorOf(await api.gql(UPDATE_ORG, { o: '00000000-0000-4000-8000-000000000000' }, person.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  });
});

describe('download my data', () => {
  it('gives the person everything about them and nothing about anyone else', async () => {
    const { course, learner } = await enrolledLearner('Data Owner');
    const classmate = await signUp(api, { displayName: 'Classmate Zed' });
    await enroll(api, classmate, course.id);
    const { status, body, disposition } = await myData(learner);
    expect(status).toBe(200);
    expect(disposition).toMatch(/attachment; filename="kapwa-my-data.json"/);
    expect(body.account).toMatchObject({ id: learner.id, email: learner.email, displayName: 'Data Owner', country: 'NP' });
    expect(body.enrollments).toEqual([expect.objectContaining({ courseSlug: course.slug, status: 'COMPLETED', completedLessons: [expect.objectContaining({ lesson: 'Lesson 1.1' })] })]);
    expect(body.certificates).toEqual([expect.objectContaining({ holderName: 'Data Owner' })]);
    expect(body.evaluations).toEqual([expect.objectContaining({ relevance: 5, comment: 'Useful' })]);
    expect(body.notifications).toEqual([expect.objectContaining({ title: 'Hello' })]);
    expect(body.attendance).toEqual([expect.objectContaining({ session: 'Kick-off', status: 'PRESENT' })]);
    const text = JSON.stringify(body);
    for (const other of [classmate.id, classmate.email, 'Classmate Zed', trainer.id, trainer.email]) expect(text).not.toContain(other);
  });

  it('is for signed-in people only', async () => {
    expect((await fetch(`${api.url}/my-data`)).status).toBe(401);
  });
});

describe('delete my account', () => {
  it('needs the password again', async () => {
    const person = await signUp(api);
    expect(errorOf(await api.gql(DELETE, { p: 'not my password' }, person.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await api.gql(`{ me { id } }`, {}, person.token)).data!.me).toEqual({ id: person.id });
  });

  it('removes what is the person’s, keeps what others depend on anonymous, and signs them out', async () => {
    const { course, learner } = await enrolledLearner('Leaving Person');
    expect((await api.gql(DELETE, { p: PASSWORD }, learner.token)).data).toEqual({ deleteMyAccount: true });

    expect(errorOf(await api.gql(`{ me { id } }`, {}, learner.token)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await api.gql(`mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`, { e: learner.email, p: PASSWORD })).code).toBe(
      'UNAUTHENTICATED',
    );
    const [row] = await api.sql(`SELECT email, display_name, country, roles, organization_id, calendar_token, deleted_at FROM app_user WHERE id = $1`, [learner.id]);
    expect(row).toMatchObject({ display_name: 'Former member', country: null, roles: [], organization_id: null, calendar_token: null });
    expect(row.email).not.toContain(learner.email.split('@')[0]);
    expect(row.deleted_at).not.toBeNull();
    const count = async (sql: string) => (await api.sql<{ n: number }>(sql, [learner.id]))[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM certificate c JOIN enrollment e ON e.id = c.enrollment_id WHERE e.user_id = $1`)).toBe(0);
    // The course's figures keep their numbers: the evaluation, the attendance and the completed enrolment.
    expect(await count(`SELECT count(*)::int AS n FROM course_evaluation WHERE user_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM session_attendance WHERE user_id = $1`)).toBe(1);
    const members = (await api.gql(`query($s: String!) { course(slug: $s) { enrollments { status group user { id displayName } } } }`, { s: course.slug }, trainer.token))
      .data!.course.enrollments;
    expect(members).toContainEqual({ status: 'COMPLETED', group: null, user: { id: learner.id, displayName: 'Former member' } });
    // Nothing more reaches the deleted account, in the app or by email.
    await api.app.get(NotificationsService).deliver({ key: `after-delete:${learner.id}`, userId: learner.id, kind: 'TEST', title: 'Late', body: 'Late', email: true });
    expect(await count(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`)).toBe(0);
    expect(sentEmails(api.config).filter((m) => m.subject === 'Late')).toEqual([]);
    // The address is free again, and the audit log says what happened without saying who it was.
    await signUp(api, { email: learner.email });
    const [event] = await api.sql(`SELECT actor_id, data FROM audit_event WHERE action = 'user.deleted' AND subject_id = $1`, [learner.id]);
    expect(event).toEqual({ actor_id: learner.id, data: {} });
  });

  it('is refused to the last admin', async () => {
    expect(errorOf(await api.gql(DELETE, { p: PASSWORD }, admin.token)).code).toBe('CONFLICT');
    const second = await signUp(api);
    await grantRoles(api, admin, second, ['ADMIN']);
    expect((await api.gql(DELETE, { p: PASSWORD }, second.token)).data).toEqual({ deleteMyAccount: true });
    expect(errorOf(await api.gql(DELETE, { p: PASSWORD }, admin.token)).code).toBe('CONFLICT');
  });
});
