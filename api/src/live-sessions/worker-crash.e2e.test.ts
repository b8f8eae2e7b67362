import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Worker } from 'bullmq';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { buildCourse, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { sentEmails, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { checkStalled } from '../platform/testing/stalled-jobs.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { reminderJobId } from './reminders.service.js';

/** Its own API and Redis prefix: no other worker may take the job or hold the stalled check. */
let api: TestApi;
let trainer: Person;

beforeAll(async () => {
  api = await startTestApi();
  trainer = await signUpTrainer(api, await signUpAdmin(api));
});
afterAll(() => api.close());

const SCHEDULE = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`;
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();


describe('a worker killed in the middle of a reminder', () => {
  it('loses nothing: another worker takes the job over and every member is reminded once', async () => {
    const member = await signUp(api, { displayName: 'Sita', timeZone: 'Asia/Kathmandu' });
    const killedCourse = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await enroll(api, member, killedCourse.id);
    const session = (
      await api.gql(SCHEDULE, { input: { courseId: killedCourse.id, title: 'Survives a crash', startsAt: inDays(2), durationMinutes: 60 } }, trainer.token)
    ).data!.scheduleLiveSession;
    const connection = { url: api.config.redisUrl };
    const prefix = `${api.config.redisPrefix}:bull`;

    // A worker takes the reminder and dies without finishing it: its lock is no longer renewed.
    let taken!: () => void;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    const options = { connection, prefix, lockDuration: 1000, stalledInterval: 300 };
    const doomed = new Worker('reminders', () => (taken(), new Promise(() => {})), options);
    const queue = api.app.get(JobsService).queue('reminders');
    const job = (await queue.getJob(reminderJobId(session.id, '24h', 0)))!;
    await job.promote();
    await tookIt;
    await doomed.close(true);

    // Every BullMQ worker checks for stalled jobs; one that finds this job puts it back in the queue...
    expect(await checkStalled('reminders', job, options)).toBe('waiting');

    // ...and Kapwa's worker runs it: every member is reminded exactly once.
    await api.startWorker();
    // (The session's announcement goes out too; these are the reminders.)
    const reminders = () => sentEmails(api.config).filter((m) => m.to === member.email && m.subject === 'Tomorrow: Survives a crash');
    await waitFor(() => reminders().length === 1);
    await waitFor(async () => (await job.getState()) === 'completed');
    await new Promise((r) => setTimeout(r, 500));
    expect(reminders()).toHaveLength(1);
  });
});
