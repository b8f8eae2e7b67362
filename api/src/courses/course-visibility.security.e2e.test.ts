import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CertificatesService } from '../certificates/certificates.service.js';
import { DataSource } from 'typeorm';
import {
  buildCourse,
  completeLesson,
  type CourseOutline,
  enroll,
  type Person,
  signUp,
  signUpAdmin,
  signUpTrainer,
} from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';

/**
 * A draft is seen by admins and its own trainers only. A learner a trainer has already added to it
 * must find nothing of it by any road (enrolments, sessions, lessons by id, calendars, certificates,
 * notifications) until it is published; then the same roads lead to it.
 */

const SECRET_BODY = 'Draft-only lesson text 7f3a';
const SECRET_JOIN = 'https://meet.example.org/draft-only-7f3a';
const DAY = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

// Two requests, as a client would ask: a whole outline with every lesson's text is all one request may cost.
const MY_ENROLLMENTS = `{ myEnrollments { id role course { id slug title lessonCount
  modules { id title lessons { id title body bodyHtml } } } certificate { code } } }`;
const MY_ENROLLMENTS_PATHS_BACK = `{ myEnrollments { course { modules { course { id } lessons { module { id } } }
  liveSessions { id title joinUrl recordingUrl course { id } } } } }`;
const LESSON = `query($id: ID!) { lesson(id: $id) { id title body bodyHtml module { id course { id slug } } } }`;
const UPCOMING = `{ myUpcomingSessions { id title joinUrl course { id slug } } }`;
const SCHEDULE = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id icsPath } }`;

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;
let draft: CourseOutline;
let session: { id: string; icsPath: string };
let learnerFeed: string;
let trainerFeed: string;

async function data(query: string, variables: Record<string, unknown>, who: Person | null): Promise<any> {
  const res = await api.gql(query, variables, who?.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function schedule(course: CourseOutline, title: string): Promise<{ id: string; icsPath: string }> {
  const input = { courseId: course.id, title, startsAt: inDays(3), durationMinutes: 60, joinUrl: SECRET_JOIN };
  return (await data(SCHEDULE, { input }, trainer)).scheduleLiveSession;
}

async function fetchText(path: string, who: Person | null = null): Promise<{ status: number; text: string }> {
  const res = await fetch(`${api.url}${path}`, { headers: who ? { authorization: `Bearer ${who.token}` } : {} });
  return { status: res.status, text: await res.text() };
}

/** Whether a cancellation notice for the session was queued for the person. */
/** Whether the cancellation notice for this person was committed with the cancellation (the outbox row, not the queue the relay fills a moment later). */
async function noticeQueued(sessionId: string, person: Person): Promise<boolean> {
  const rows = await api.app.get(DataSource).query(`SELECT 1 FROM outbox WHERE job_id = $1`, [`notify.session-cancelled.${sessionId}.1.${person.id}`]);
  return rows.length === 1;
}

/** Everything the person gets back on each road that could lead to the draft, as text to search. */
async function roads(who: Person): Promise<Record<string, string>> {
  const lessons = draft.modules.flatMap((m) => m.lessons);
  return {
    myEnrollments: JSON.stringify([await api.gql(MY_ENROLLMENTS, {}, who.token), await api.gql(MY_ENROLLMENTS_PATHS_BACK, {}, who.token)]),
    course: JSON.stringify(await api.gql(`query($slug: String!) { course(slug: $slug) { id } }`, { slug: draft.slug }, who.token)),
    courses: JSON.stringify(await api.gql(`{ courses { id slug } }`, {}, who.token)),
    lessons: JSON.stringify(await Promise.all(lessons.map((id) => api.gql(LESSON, { id }, who.token)))),
    myUpcomingSessions: JSON.stringify(await api.gql(UPCOMING, {}, who.token)),
    calendarFeed: (await fetchText(who === learner ? learnerFeed : trainerFeed)).text,
  };
}

/** What would give the draft away: its id, address (and so its title), lesson text, join link, session. */
const traces = () => [draft.id, draft.slug, SECRET_BODY, SECRET_JOIN, session.id];

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Added early' });
  draft = await buildCourse(api, trainer, { lessonsPerModule: [2], publish: false });
  await data(
    `mutation($id: ID!, $body: String!) { updateLesson(lessonId: $id, input: { body: $body }) { id } }`,
    { id: draft.modules[0].lessons[0], body: SECRET_BODY },
    trainer,
  );
  await data(`mutation($c: ID!, $u: ID!) { addCourseMember(courseId: $c, userId: $u, role: LEARNER) { id } }`, { c: draft.id, u: learner.id }, admin);
  session = await schedule(draft, 'Draft kick-off');
  learnerFeed = (await data(`{ myCalendarFeedPath }`, {}, learner)).myCalendarFeedPath;
  trainerFeed = (await data(`{ myCalendarFeedPath }`, {}, trainer)).myCalendarFeedPath;
});
afterAll(() => api.close());

describe('a learner added to a draft course', () => {
  it.each(['myEnrollments', 'course', 'courses', 'lessons', 'myUpcomingSessions', 'calendarFeed'])(
    'finds nothing of it through %s',
    async (road) => {
      const seen = (await roads(learner))[road];
      for (const trace of traces()) expect(seen).not.toContain(trace);
    },
  );

  it('gets no session file, enrolment, progress or evaluation of it: it does not exist for them', async () => {
    expect((await fetchText(session.icsPath)).status).toBe(404);
    expect((await fetchText(session.icsPath, learner)).status).toBe(404);
    expect(errorOf(await api.gql(`mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: draft.id }, learner.token)).code).toBe('NOT_FOUND');
    const lesson = draft.modules[0].lessons[0];
    expect(errorOf(await api.gql(`mutation($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: lesson }, learner.token)).code).toBe('NOT_FOUND');
    const summary = await api.gql(`query($id: ID!) { evaluationSummary(courseId: $id) { responses } }`, { id: draft.id }, learner.token);
    expect(errorOf(summary).code).toBe('NOT_FOUND');
  });

  it('gets the same answer as for an id that does not exist from every operation that takes one', async () => {
    const ids = { course: draft.id, module: draft.modules[0].id, lesson: draft.modules[0].lessons[0], session: session.id };
    const operations: [string, string, (id: typeof ids) => Record<string, unknown>][] = [
      ['enroll', `mutation($course: ID!) { enroll(courseId: $course) { id } }`, ({ course }) => ({ course })],
      ['completeLesson', `mutation($lesson: ID!) { completeLesson(lessonId: $lesson) { id } }`, ({ lesson }) => ({ lesson })],
      ['submitEvaluation', `mutation($course: ID!) { submitEvaluation(input: { courseId: $course, relevance: 5, usefulness: 5 }) }`, ({ course }) => ({ course })],
      ['evaluationSummary', `query($course: ID!) { evaluationSummary(courseId: $course) { responses } }`, ({ course }) => ({ course })],
      ['addModule', `mutation($course: ID!) { addModule(input: { courseId: $course, title: "Mine" }) { id } }`, ({ course }) => ({ course })],
      ['addLesson', `mutation($module: ID!) { addLesson(input: { moduleId: $module, title: "Mine", body: "Text" }) { id } }`, ({ module }) => ({ module })],
      ['updateModule', `mutation($module: ID!) { updateModule(moduleId: $module, input: { title: "Mine" }) { id } }`, ({ module }) => ({ module })],
      ['updateLesson', `mutation($lesson: ID!) { updateLesson(lessonId: $lesson, input: { title: "Mine" }) { id } }`, ({ lesson }) => ({ lesson })],
      ['moveModule', `mutation($module: ID!) { moveModule(moduleId: $module, position: 1) { id } }`, ({ module }) => ({ module })],
      ['moveLesson', `mutation($lesson: ID!) { moveLesson(input: { lessonId: $lesson, position: 1 }) { id } }`, ({ lesson }) => ({ lesson })],
      ['deleteLesson', `mutation($lesson: ID!) { deleteLesson(lessonId: $lesson) { id } }`, ({ lesson }) => ({ lesson })],
      ['deleteModule', `mutation($module: ID!) { deleteModule(moduleId: $module) { id } }`, ({ module }) => ({ module })],
      ['publishCourse', `mutation($course: ID!) { publishCourse(courseId: $course) { id } }`, ({ course }) => ({ course })],
      ['updateLiveSession', `mutation($session: ID!) { updateLiveSession(sessionId: $session, input: { title: "Mine" }) { id } }`, ({ session }) => ({ session })],
      ['cancelLiveSession', `mutation($session: ID!) { cancelLiveSession(sessionId: $session) { id } }`, ({ session }) => ({ session })],
      ['recordAttendance', `mutation($session: ID!, $me: ID!) { recordAttendance(sessionId: $session, userId: $me, status: PRESENT) { id } }`, ({ session }) => ({ session, me: learner.id })],
    ];
    const missing = { course: randomUUID(), module: randomUUID(), lesson: randomUUID(), session: randomUUID() };
    for (const [name, query, variables] of operations) {
      const real = errorOf(await api.gql(query, variables(ids), learner.token));
      const none = errorOf(await api.gql(query, variables(missing), learner.token));
      expect({ name, ...real }).toEqual({ name, ...none, code: 'NOT_FOUND' });
    }
  });

  it('is not told about its sessions', async () => {
    const cancelled = await schedule(draft, 'Draft rehearsal');
    await data(`mutation($id: ID!) { cancelLiveSession(sessionId: $id) { id } }`, { id: cancelled.id }, trainer);
    expect(await noticeQueued(cancelled.id, trainer)).toBe(true);
    expect(await noticeQueued(cancelled.id, learner)).toBe(false);
  });

  it("while the course's trainer sees all of it through the same roads", async () => {
    const seen = await roads(trainer);
    for (const road of ['myEnrollments', 'course', 'courses', 'lessons']) expect(seen[road]).toContain(draft.id);
    for (const road of ['myEnrollments', 'lessons']) expect(seen[road]).toContain(SECRET_BODY);
    for (const road of ['myEnrollments', 'myUpcomingSessions', 'calendarFeed']) expect(seen[road]).toContain(SECRET_JOIN);
    expect((await fetchText(session.icsPath, trainer)).status).toBe(200);
  });
});

describe('once the course is published, the same learner', () => {
  beforeAll(async () => {
    await data(`mutation($id: ID!) { publishCourse(courseId: $id) { id } }`, { id: draft.id }, trainer);
  });

  it.each(['myEnrollments', 'course', 'courses', 'lessons', 'myUpcomingSessions', 'calendarFeed'])('finds it through %s', async (road) => {
    const seen = (await roads(learner))[road];
    // The feed names a course by its page's address, not its id.
    expect(seen).toContain(road === 'calendarFeed' ? draft.slug : draft.id);
  });

  it('reads its lessons and join links as a member', async () => {
    const seen = await roads(learner);
    for (const road of ['myEnrollments', 'lessons']) expect(seen[road]).toContain(SECRET_BODY);
    for (const road of ['myEnrollments', 'myUpcomingSessions', 'calendarFeed']) expect(seen[road]).toContain(SECRET_JOIN);
    expect((await fetchText(session.icsPath)).status).toBe(200);
    const summary = await api.gql(`query($id: ID!) { evaluationSummary(courseId: $id) { responses } }`, { id: draft.id }, learner.token);
    expect(errorOf(summary).code).toBe('FORBIDDEN');
  });

  it('is told about its sessions', async () => {
    const cancelled = await schedule(draft, 'Published rehearsal');
    await data(`mutation($id: ID!) { cancelLiveSession(sessionId: $id) { id } }`, { id: cancelled.id }, trainer);
    expect(await noticeQueued(cancelled.id, learner)).toBe(true);
  });
});

describe('a course taken back to draft (by a content import)', () => {
  it('no longer shows in its finished learners\' enrolments, and its certificates no longer name it to the public', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const graduate = await signUp(api, { displayName: 'Graduate' });
    const { id: enrollmentId } = await enroll(api, graduate, course.id);
    await completeLesson(api, graduate, course.modules[0].lessons[0]);
    const { code } = (await api.app.get(CertificatesService).issue(enrollmentId))!;
    const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code course { id slug } } }`;
    expect((await data(VERIFY, { code }, null)).verifyCertificate.course.id).toBe(course.id);
    expect(JSON.stringify(await data(MY_ENROLLMENTS, {}, graduate))).toContain(course.id);

    await api.sql(`UPDATE course SET status = 'DRAFT' WHERE id = $1`, [course.id]);
    expect(JSON.stringify(await api.gql(VERIFY, { code }))).not.toContain(course.slug);
    expect(JSON.stringify(await api.gql(VERIFY, { code }, graduate.token))).not.toContain(course.slug);
    expect(JSON.stringify(await api.gql(MY_ENROLLMENTS, {}, graduate.token))).not.toContain(course.id);
    expect((await data(VERIFY, { code }, trainer)).verifyCertificate.course.id).toBe(course.id);
  });
});

describe('the rule, as lists apply it in SQL and single courses in code', () => {
  it('gives the same answer for every viewer and status', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const otherTrainer = await signUpTrainer(api, admin);
    const member = await signUp(api, { displayName: 'Member' });
    const outsider = await signUp(api, { displayName: 'Outsider' });
    await enroll(api, member, course.id);
    const viewers: [string, Person | null][] = [
      ['nobody signed in', null],
      ['a member', member],
      ['an outsider', outsider],
      ["the course's trainer", trainer],
      ['another trainer', otherTrainer],
      ['an admin', admin],
    ];
    const answers: string[] = [];
    for (const status of ['DRAFT', 'PUBLISHED', 'ARCHIVED']) {
      await api.sql(`UPDATE course SET status = $2 WHERE id = $1`, [course.id, status]);
      for (const [name, who] of viewers) {
        const listed = (await data(`{ courses { id } }`, {}, who)).courses.some((c: { id: string }) => c.id === course.id);
        const found = (await data(`query($slug: String!) { course(slug: $slug) { id } }`, { slug: course.slug }, who)).course !== null;
        expect({ status, name, listed }).toEqual({ status, name, listed: found });
        answers.push(`${status} ${name}: ${found}`);
      }
    }
    expect(answers.filter((a) => a.startsWith('DRAFT') && a.endsWith('true'))).toEqual([
      "DRAFT the course's trainer: true",
      'DRAFT an admin: true',
    ]);
    expect(answers.filter((a) => a.endsWith('false')).every((a) => a.startsWith('DRAFT'))).toBe(true);
  });
});
