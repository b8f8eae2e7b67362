// Kapwa scaled out, as `docker compose up --scale api=3 --scale worker=2` runs it: two API processes and
// two workers from the built code on one PostgreSQL database and one Redis prefix. Everything is checked
// through the public GraphQL API over HTTP (and, for jobs, in the database, BullMQ and the mail folder):
// a session started on one API is honoured, and ended, on the other; a course changed through one API
// reads changed through the other at once; every job runs once across both workers; and a worker killed
// in the middle of a job loses nothing.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { killHard, REDIS_URL, startCluster } from './cluster.js';

const execFileAsync = promisify(execFile);
const DEMO_PASSWORD = 'kapwa-demo-2026';
const PASSWORD = 'a long enough passphrase';

let cluster;
/** The two API processes' addresses. */
let A;
let B;
const queues = {};

beforeAll(async () => {
  cluster = await startCluster({
    apis: 2,
    workers: 2,
    // A killed worker's job runs again after a few seconds instead of BullMQ's 30 (media jobs hold twice this).
    env: { JOB_LOCK_MS: '3000', JOB_STALLED_CHECK_MS: '1000' },
  });
  [A, B] = cluster.apis.map((api) => api.url);
  for (const name of ['accounts', 'certificates', 'notifications', 'reminders', 'media']) {
    queues[name] = new Queue(name, { connection: { url: REDIS_URL }, prefix: `${cluster.redisPrefix}:bull` });
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await cluster?.stop();
}, 60_000);

/** One GraphQL request: `{ data, errors }` as the API answered. */
async function request(api, query, variables = {}, token) {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** Like request, but any error fails the test with the API's words. */
async function graphql(api, query, variables, token) {
  const body = await request(api, query, variables, token);
  if (body.errors?.length) throw new Error(`${api}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The codes of a request's errors, each once (e.g. ['UNAUTHENTICATED']), [] when it succeeded. */
async function errorCodes(api, query, token) {
  const body = await request(api, query, {}, token);
  return [...new Set((body.errors ?? []).map((error) => error.extensions?.code))];
}

let counter = 0;
const unique = (what) => `${what}-${Date.now().toString(36)}-${++counter}`;

async function signUp(api, displayName) {
  const email = `${unique('person')}@example.org`;
  const { signUp: payload } = await graphql(
    api,
    `mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`,
    { input: { email, password: PASSWORD, displayName, timeZone: 'Asia/Yangon', locale: 'en' } },
  );
  return { email, token: payload.token, id: payload.user.id };
}

async function logIn(api, email, password = PASSWORD) {
  const { logIn: payload } = await graphql(api, `mutation ($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`, { email, password });
  return payload.token;
}

const ME = `{ me { id displayName } myEnrollments { id } }`;

/** A published course made by `token` through `api`: one open module per entry of `modules` (lesson titles). */
async function publishedCourse(api, token, title, modules) {
  const slug = unique('scale-out');
  const { createCourse } = await graphql(
    api,
    `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    { input: { slug, title, summary: 'Documenting reprisals against defenders.', timeZone: 'Asia/Bangkok', language: 'en' } },
    token,
  );
  const course = { id: createCourse.id, slug, modules: [] };
  for (const [i, lessons] of modules.entries()) {
    const { addModule } = await graphql(api, `mutation ($input: AddModuleInput!) { addModule(input: $input) { id } }`, { input: { courseId: course.id, title: `Week ${i + 1}` } }, token);
    const module = { id: addModule.id, lessonIds: [] };
    for (const lesson of lessons) {
      const { addLesson } = await graphql(
        api,
        `mutation ($input: AddLessonInput!) { addLesson(input: $input) { id } }`,
        { input: { moduleId: module.id, title: lesson, body: `## ${lesson}\n\nWhat to write down, and where to keep it.`, estimatedMinutes: 10 } },
        token,
      );
      module.lessonIds.push(addLesson.id);
    }
    course.modules.push(module);
  }
  await graphql(api, `mutation ($id: ID!) { publishCourse(courseId: $id) { id } }`, { id: course.id }, token);
  return course;
}

describe('two APIs and two workers on one database and one Redis', () => {
  it('share sessions: a log-in on one API works on the other, and ending it on one ends it on both at once', async () => {
    const person = await signUp(A, 'Thiri');
    expect((await graphql(B, ME, {}, person.token)).me).toEqual({ id: person.id, displayName: 'Thiri' });

    // A change of the account on B is what A answers next.
    await graphql(B, `mutation { updateMe(input: { displayName: "Thiri Aung" }) { id } }`, {}, person.token);
    expect((await graphql(A, ME, {}, person.token)).me.displayName).toBe('Thiri Aung');

    // A second session, started on B; then "log out everywhere" on A ends both, on both APIs, at once.
    const second = await logIn(B, person.email);
    expect((await graphql(A, ME, {}, second)).me.id).toBe(person.id);
    await graphql(A, `mutation { logOutEverywhere }`, {}, person.token);
    for (const api of [B, A]) {
      for (const token of [person.token, second]) expect({ api, codes: await errorCodes(api, ME, token) }).toEqual({ api, codes: ['UNAUTHENTICATED'] });
    }

    // Logged in again on A, it works on B, until an admin on B suspends the account: then on A too.
    const third = await logIn(A, person.email);
    expect((await graphql(B, ME, {}, third)).me.id).toBe(person.id);
    const admin = await logIn(A, 'admin@kapwa.example', DEMO_PASSWORD);
    await graphql(B, `mutation ($id: ID!) { suspendUser(userId: $id, reason: "Shared device reported lost") { id } }`, { id: person.id }, admin);
    for (const api of [A, B]) expect({ api, codes: await errorCodes(api, ME, third) }).toEqual({ api, codes: ['UNAUTHENTICATED'] });
  });

  it('agree on a course the moment it changes through either API: its outline, the learner’s progress and the catalogue', async () => {
    const trainer = await logIn(A, 'trainer@kapwa.example', DEMO_PASSWORD);
    const course = await publishedCourse(A, trainer, 'Documenting reprisals', [['Why record', 'What to record']]);
    const learner = await signUp(B, 'Nilar');
    await graphql(B, `mutation ($id: ID!) { enroll(courseId: $id) { id } }`, { id: course.id }, learner.token);
    await graphql(A, `mutation ($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: course.modules[0].lessonIds[0] }, learner.token);

    const OUTLINE = `query ($slug: String!) { course(slug: $slug) { title modules { title lessons { title completed } } myEnrollment { progress } } }`;
    const CATALOGUE = `{ courses { slug title } }`;
    /** What each API answers now, the learner's outline and the public catalogue's entry, read right after the change. */
    const seenBy = async (api) => ({
      api,
      course: (await graphql(api, OUTLINE, { slug: course.slug }, learner.token)).course,
      catalogue: (await graphql(api, CATALOGUE)).courses.find((entry) => entry.slug === course.slug)?.title,
    });
    const expectBoth = async (title, modules, progress) => {
      const expected = { course: { title, modules, myEnrollment: { progress: expect.closeTo(progress, 5) } }, catalogue: title };
      for (const api of [B, A]) expect(await seenBy(api)).toEqual({ api, ...expected });
    };
    const lessons = (...pairs) => pairs.map(([title, completed]) => ({ title, completed }));

    // Both APIs have read the course (whatever either keeps of it is warm) before each change.
    await expectBoth('Documenting reprisals', [{ title: 'Week 1', lessons: lessons(['Why record', true], ['What to record', false]) }], 1 / 2);

    await graphql(A, `mutation ($id: ID!) { updateCourse(courseId: $id, input: { title: "Documenting reprisals safely" }) { id } }`, { id: course.id }, trainer);
    await expectBoth('Documenting reprisals safely', [{ title: 'Week 1', lessons: lessons(['Why record', true], ['What to record', false]) }], 1 / 2);

    await graphql(B, `mutation ($id: ID!) { updateModule(moduleId: $id, input: { title: "Week 1: Evidence" }) { id } }`, { id: course.modules[0].id }, trainer);
    await expectBoth('Documenting reprisals safely', [{ title: 'Week 1: Evidence', lessons: lessons(['Why record', true], ['What to record', false]) }], 1 / 2);

    const { addLesson } = await graphql(
      A,
      `mutation ($input: AddLessonInput!) { addLesson(input: $input) { id } }`,
      { input: { moduleId: course.modules[0].id, title: 'Keeping records safe', body: 'Encrypted, and away from the office.' } },
      trainer,
    );
    await expectBoth('Documenting reprisals safely', [{ title: 'Week 1: Evidence', lessons: lessons(['Why record', true], ['What to record', false], ['Keeping records safe', false]) }], 1 / 3);

    await graphql(B, `mutation ($id: ID!) { updateLesson(lessonId: $id, input: { title: "Why we record" }) { id } }`, { id: course.modules[0].lessonIds[0] }, trainer);
    await expectBoth('Documenting reprisals safely', [{ title: 'Week 1: Evidence', lessons: lessons(['Why we record', true], ['What to record', false], ['Keeping records safe', false]) }], 1 / 3);

    await graphql(B, `mutation ($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: addLesson.id }, learner.token);
    await expectBoth('Documenting reprisals safely', [{ title: 'Week 1: Evidence', lessons: lessons(['Why we record', true], ['What to record', false], ['Keeping records safe', true]) }], 2 / 3);

    await graphql(A, `mutation ($id: ID!) { deleteLesson(lessonId: $id) { id } }`, { id: course.modules[0].lessonIds[1] }, trainer);
    await expectBoth('Documenting reprisals safely', [{ title: 'Week 1: Evidence', lessons: lessons(['Why we record', true], ['Keeping records safe', true]) }], 1);
  });

  it('runs every certificate, reminder and notification job once across both workers', async () => {
    const trainer = await logIn(B, 'trainer@kapwa.example', DEMO_PASSWORD);
    const course = await publishedCourse(B, trainer, 'Reprisals: a refresher', [['One lesson']]);
    const apis = [A, B];
    const learners = [];
    for (let i = 0; i < 6; i++) {
      const api = apis[i % 2];
      const learner = await signUp(api, `Learner ${i + 1}`);
      const { enroll } = await graphql(api, `mutation ($id: ID!) { enroll(courseId: $id) { id } }`, { id: course.id }, learner.token);
      learners.push({ ...learner, enrollmentId: enroll.id });
    }
    // Less than an hour ahead: every member's hour's reminder is due at once ("Starting soon").
    const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const { scheduleLiveSession: session } = await graphql(
      A,
      `mutation ($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`,
      { input: { courseId: course.id, title: 'Questions and answers', startsAt, durationMinutes: 60 } },
      trainer,
    );
    const [{ sequence }] = await cluster.sql(`SELECT sequence FROM live_session WHERE id = $1`, [session.id]);
    // Completing the only lesson completes the course: a certificate, then its notice.
    await Promise.all(
      learners.map((learner, i) => graphql(apis[i % 2], `mutation ($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: course.modules[0].lessonIds[0] }, learner.token)),
    );

    const keysOf = (learner) => [
      `session-scheduled:${session.id}:${sequence}:${learner.id}`,
      `session-reminder:${session.id}:1h:${sequence}:${learner.id}`,
      `certificate-issued:${learner.enrollmentId}`,
    ];
    const notifyJob = (key) => ['notifications', `notify.${key.replaceAll(':', '.')}`];
    const jobs = [
      ['reminders', `session-reminder.${session.id}.1h.${sequence}`],
      ...learners.map((learner) => ['certificates', `certificate-${learner.enrollmentId}`]),
      ...learners.flatMap((learner) => keysOf(learner).map(notifyJob)),
    ];
    // Each sign-up also sent a verification email, with a job id of its own.
    const verifications = async () =>
      (await queues.accounts.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).filter((job) => learners.some((learner) => learner.id === job.data.userId));
    // Waits for each job to be done, and for the outbox to be empty: nothing is left for a worker to run again.
    await eventually(async () => {
      for (const [queue, id] of jobs) if ((await queues[queue].getJobState(id)) !== 'completed') return false;
      const sent = await verifications();
      if (sent.length < learners.length || (await Promise.all(sent.map((job) => job.getState()))).some((state) => state !== 'completed')) return false;
      const [{ undispatched }] = await cluster.sql(`SELECT count(*)::int AS undispatched FROM outbox WHERE dispatched_at IS NULL`);
      return undispatched === 0;
    }, 'every certificate, reminder, notification and verification job completed');
    const verificationJobs = await verifications();
    expect(verificationJobs.map((job) => job.data.userId).sort()).toEqual(learners.map((learner) => learner.id).sort());
    jobs.push(...verificationJobs.map((job) => ['accounts', job.id]));
    const verificationKeys = verificationJobs.map((job) => ({ userId: job.data.userId, key: `account-email:${job.data.requestId}` }));
    const allKeysOf = (learner) => [...keysOf(learner), ...verificationKeys.filter((v) => v.userId === learner.id).map((v) => v.key)];

    const ran = [];
    for (const [queue, id] of jobs) {
      const job = await queues[queue].getJob(id);
      ran.push({ id, started: job.attemptsStarted, finished: job.attemptsMade, stalled: job.stalledCounter, by: job.processedBy });
    }
    const workerNames = cluster.workers.map((worker) => worker.name);
    expect(ran.filter((job) => job.started !== 1 || job.finished !== 1 || job.stalled !== 0 || !workerNames.includes(job.by))).toEqual([]);
    console.log(`jobs run by each worker: ${workerNames.map((name) => `${name} ${ran.filter((job) => job.by === name).length}`).join(', ')} (of ${ran.length})`);

    // One certificate per learner, seen through either API; one notice, one email reserved and sent, one email file per message.
    for (const [i, learner] of learners.entries()) {
      const { myEnrollments } = await graphql(apis[(i + 1) % 2], `{ myEnrollments { id status certificate { code } } }`, {}, learner.token);
      expect(myEnrollments).toEqual([{ id: learner.enrollmentId, status: 'COMPLETED', certificate: { code: expect.any(String) } }]);
    }
    const ids = learners.map((learner) => learner.id);
    expect(await cluster.sql(`SELECT enrollment_id FROM certificate WHERE course_id = $1 ORDER BY enrollment_id`, [course.id])).toEqual(
      learners.map((learner) => ({ enrollment_id: learner.enrollmentId })).sort((a, b) => a.enrollment_id.localeCompare(b.enrollment_id)),
    );
    const notices = await cluster.sql(`SELECT idempotency_key AS key FROM notification WHERE user_id = ANY($1::uuid[]) ORDER BY 1`, [ids]);
    expect(notices.map((row) => row.key)).toEqual(learners.flatMap(keysOf).sort());
    // Every email reserved once (a second run would count a second attempt) and sent.
    const deliveries = await cluster.sql(`SELECT idempotency_key AS key, status, attempts FROM email_delivery WHERE user_id = ANY($1::uuid[]) ORDER BY 1`, [ids]);
    expect(deliveries).toEqual(learners.flatMap(allKeysOf).sort().map((key) => ({ key, status: 'SENT', attempts: 1 })));

    const emails = readdirSync(cluster.mailDir).map((file) => JSON.parse(readFileSync(join(cluster.mailDir, file), 'utf8')));
    const messageIdOf = (key) => `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@kapwa>`;
    for (const learner of learners) {
      const theirs = emails.filter((email) => email.to.some((to) => to.address === learner.email));
      expect({ learner: learner.email, messages: theirs.map((email) => email.messageId).sort() }).toEqual({
        learner: learner.email,
        messages: allKeysOf(learner).map(messageIdOf).sort(),
      });
    }
  });

  it('loses nothing when a worker is killed in the middle of a job: another worker finishes it, once', async () => {
    // A minute of video: its low-bitrate copy takes the worker a few seconds of ffmpeg. (Made without
    // blocking this process: idle connections to the APIs must see their close.)
    const video = join(cluster.folder, 'talk.mp4');
    await execFileAsync('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
      '-t', '60', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', video,
    ]);
    const trainer = await logIn(A, 'trainer@kapwa.example', DEMO_PASSWORD);
    // The upload itself is resumed on the other API halfway through.
    const assetId = await tusUpload([A, B], trainer, video, { filename: 'talk.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });

    const jobId = `process-media.${assetId}`;
    const taken = await eventually(async () => {
      const job = await queues.media.getJob(jobId);
      if (!job) return null;
      const state = await job.getState();
      if (state === 'completed' || state === 'failed') throw new Error(`the job ended (${state}) before it could be interrupted: make the video longer`);
      return state === 'active' && job.processedBy ? job.processedBy : null;
    }, 'a worker taking the media job');
    const victim = cluster.workers.find((worker) => worker.name === taken);
    const survivor = cluster.workers.find((worker) => worker !== victim);
    expect(victim).toBeDefined();
    await killHard(victim);
    expect(await queues.media.getJobState(jobId)).toBe('active'); // still held by the dead worker, until its hold lapses

    await eventually(async () => ['completed', 'failed'].includes(await queues.media.getJobState(jobId)), 'the media job finishing on the other worker', 90_000);
    const job = await queues.media.getJob(jobId);
    expect({ state: await job.getState(), failedReason: job.failedReason, returned: job.returnvalue, stalled: job.stalledCounter, finished: job.attemptsMade, by: job.processedBy }).toEqual({
      state: 'completed',
      failedReason: undefined,
      returned: 'ready',
      stalled: 1,
      finished: 1,
      by: survivor.name,
    });

    // Its result, once: READY through either API, one set of renditions, a whole minute of video.
    for (const api of [A, B]) {
      const { mediaAsset } = await graphql(api, `query ($id: ID!) { mediaAsset(id: $id) { status durationSeconds url } }`, { id: assetId }, trainer);
      expect(mediaAsset).toMatchObject({ status: 'READY', url: expect.any(String) });
      expect(mediaAsset.durationSeconds).toBeCloseTo(60, 0);
    }
    const renditions = join(cluster.mediaDir, 'renditions', assetId);
    expect(readdirSync(renditions).sort()).toEqual(['audio', 'thumbnail', 'video']);
    const { stdout } = await execFileAsync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', join(renditions, 'video')]);
    const seconds = Number(stdout);
    expect(seconds).toBeCloseTo(60, 0);
    expect(statSync(join(cluster.mediaDir, 'uploads', assetId)).size).toBe(statSync(video).size);
    // The survivor still runs.
    expect(survivor.exitCode).toBeNull();
  }, 150_000);
});

/** Polls `check()` (every 100 ms) until it returns something truthy, and returns it; `what` names what never came. */
async function eventually(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A tus upload whose PATCHes go to each API in turn (half the file each); the new asset's id. */
async function tusUpload(apis, token, file, metadata) {
  const bytes = readFileSync(file);
  const auth = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${apis[0]}/uploads`, {
    method: 'POST',
    headers: {
      ...auth,
      'upload-length': String(bytes.length),
      'upload-metadata': Object.entries(metadata).map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`).join(','),
    },
  });
  if (created.status !== 201) throw new Error(`tus creation: ${created.status} ${await created.text()}`);
  const path = created.headers.get('location').replace(/^https?:\/\/[^/]+/, '');
  const half = Math.ceil(bytes.length / apis.length);
  for (const [i, api] of apis.entries()) {
    const chunk = bytes.subarray(i * half, Math.min(bytes.length, (i + 1) * half));
    const response = await fetch(`${api}${path}`, {
      method: 'PATCH',
      headers: { ...auth, 'upload-offset': String(i * half), 'content-type': 'application/offset+octet-stream' },
      body: chunk,
    });
    if (response.status !== 204) throw new Error(`tus PATCH at ${i * half} to ${api}: ${response.status} ${await response.text()}`);
  }
  return path.split('/').pop();
}
