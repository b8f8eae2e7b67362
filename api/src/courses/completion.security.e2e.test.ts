import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type BuiltApi, startBuiltApi } from '../platform/testing/built-api.js';
import { buildCourse, completeLesson, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { startTcpProxy, type TcpProxy } from '../platform/testing/tcp-proxy.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';

/**
 * A learner whose course is completed gets a certificate, whatever happens to the API process that
 * recorded the completion. These tests kill the built API (SIGKILL: nothing runs after) while learners
 * complete their last lesson, then start a worker and check that every completion the database kept
 * gets its certificate.
 */
const LEARNERS = 49;
const COMPLETE = `mutation($id: ID!) { completeLesson(lessonId: $id) { status } }`;

let api: TestApi;
let trainer: Person;
let learners: Person[];
let killed: BuiltApi | undefined;
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  api = await startTestApi();
  trainer = await signUpTrainer(api, await signUpAdmin(api));
  // A few sign-ups at a time: setting the scene is not what is tested, and hashing 49 passwords at once
  // only makes it slow on a small machine.
  learners = [];
  for (let i = 0; i < LEARNERS; i += 7) {
    learners.push(...(await Promise.all(Array.from({ length: Math.min(7, LEARNERS - i) }, (_, j) => signUp(api, { displayName: `Learner ${i + j + 1}` })))));
  }
}, 120_000);
afterAll(async () => {
  await killed?.kill();
  await proxy?.close();
  await api.close();
});

/** A course every learner has finished but for its last lesson. */
async function oneLessonShort(): Promise<CourseOutline> {
  const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
  for (const learner of learners) {
    await enroll(api, learner, course.id);
    await completeLesson(api, learner, course.modules[0].lessons[0]);
  }
  return course;
}

const completedCount = async (course: CourseOutline) =>
  (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM enrollment WHERE course_id = $1 AND status = 'COMPLETED'`, [course.id]))[0].n;

/** Every learner enrolment of the course, with whether it is completed and how many certificates it has. */
const outcome = (course: CourseOutline) =>
  api.sql<{ completed: boolean; certificates: number }>(
    `SELECT e.status = 'COMPLETED' AS completed, count(c.id)::int AS certificates
     FROM enrollment e LEFT JOIN certificate c ON c.enrollment_id = e.id
     WHERE e.course_id = $1 AND e.role = 'LEARNER' GROUP BY e.id`,
    [course.id],
  );

/** Fires every learner's last lesson at once, and kills the API once `ready` holds. */
async function completeAllAndKill(course: CourseOutline, ready: () => Promise<boolean>): Promise<void> {
  const last = course.modules[0].lessons[1];
  const requests = learners.map((learner) => killed!.gql(COMPLETE, { id: last }, learner.token).catch(() => null));
  await waitFor(ready, 20_000);
  await killed!.kill();
  await Promise.all(requests);
}

async function expectEveryCompletionCertified(course: CourseOutline): Promise<void> {
  await waitFor(async () => (await outcome(course)).every((e) => e.certificates === (e.completed ? 1 : 0)), 20_000).catch(() => undefined);
  const enrolments = await outcome(course);
  const completed = enrolments.filter((e) => e.completed).length;
  expect(completed).toBeGreaterThan(0);
  expect({
    completed,
    completedWithoutOneCertificate: enrolments.filter((e) => e.completed && e.certificates !== 1).length,
    certifiedButNotCompleted: enrolments.filter((e) => !e.completed && e.certificates > 0).length,
  }).toEqual({ completed, completedWithoutOneCertificate: 0, certifiedButNotCompleted: 0 });
}

describe('an API killed while learners finish a course', () => {
  it('leaves no completed enrolment without its certificate when killed mid-flight', async () => {
    const course = await oneLessonShort();
    killed = await startBuiltApi(api);
    await completeAllAndKill(course, async () => (await completedCount(course)) > 0);
    await api.startWorker();
    await expectEveryCompletionCertified(course);
  }, 120_000);

  it('leaves no completed enrolment without its certificate when its queue stopped answering before the kill', async () => {
    // The API reaches Redis through a proxy that then freezes: every completion commits, no job can be
    // queued by the API itself, and the kill comes after the commits.
    const course = await oneLessonShort();
    proxy = await startTcpProxy(api.config.redisUrl);
    killed = await startBuiltApi(api, { REDIS_URL: proxy.url });
    proxy.freeze();
    await completeAllAndKill(course, async () => (await completedCount(course)) === LEARNERS);
    await api.startWorker();
    await expectEveryCompletionCertified(course);
    expect(await completedCount(course)).toBe(LEARNERS);
  }, 120_000);
});
