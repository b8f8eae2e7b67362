import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import { Worker } from 'bullmq';
import { certificateJobId } from '../../courses/completion.service.js';
import { WorkerModule } from '../../worker.module.js';
import { buildCourse, completeLesson, enroll, signUp, signUpAdmin, signUpTrainer } from '../testing/factories.js';
import { clearRedisPrefix, startTestApi, type TestApi } from '../testing/test-app.js';
import { checkStalled } from '../testing/stalled-jobs.js';
import { waitFor } from '../testing/wait-for.js';
import { JobsService } from './jobs.service.js';
import { QUEUES } from './queues.js';

/**
 * A worker that dies or freezes mid-job (a deploy, an out-of-memory kill, a long pause) leaves the job
 * "stalled": another worker puts it back in the queue. Kapwa's jobs must survive this more than once.
 * Its own API and Redis prefix: no other worker may take the job or run the stalled check.
 */
let api: TestApi;
/** maxStalledCount of each queue's worker in Kapwa's worker module. */
let tolerance: Record<string, number>;

beforeAll(async () => {
  api = await startTestApi();
  // Read from a worker module on a Redis prefix of its own: a worker checks for stalled jobs as it starts,
  // and no other check of its queues runs for a while after.
  const probeConfig = { ...api.config, redisPrefix: `${api.config.redisPrefix}-probe` };
  const probe = await NestFactory.createApplicationContext(WorkerModule.forRoot(probeConfig), { logger: false });
  await probe.init();
  tolerance = Object.fromEntries(bullWorkers(probe).map((w) => [w.name, w.opts.maxStalledCount!]));
  await probe.close();
  await clearRedisPrefix(probeConfig);
});
afterAll(() => api.close());

/** The BullMQ worker of every processor the worker module runs, by queue. */
function bullWorkers(worker: INestApplicationContext): Worker[] {
  return worker
    .get(DiscoveryService, { strict: false })
    .getProviders()
    .map((wrapper) => wrapper.instance)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
    .map((host) => host.worker);
}

describe('a job whose worker stalls', () => {
  it('runs to completion after its workers died on it twice: the certificate is issued once', async () => {
    const trainer = await signUpTrainer(api, await signUpAdmin(api));
    const learner = await signUp(api);
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const enrolment = await enroll(api, learner, course.id);
    await completeLesson(api, learner, course.modules[0].lessons[0]);
    const queue = api.app.get(JobsService).queue(QUEUES.certificates);
    await waitFor(async () => (await queue.getJob(certificateJobId(enrolment.id))) !== undefined);
    const job = (await queue.getJob(certificateJobId(enrolment.id)))!;

    const connection = { url: api.config.redisUrl };
    const prefix = `${api.config.redisPrefix}:bull`;
    for (let stall = 1; stall <= 2; stall++) {
      // A worker takes the job and dies without finishing it: its lock is no longer renewed.
      let taken!: () => void;
      const tookIt = new Promise<void>((resolve) => (taken = resolve));
      const doomed = new Worker(QUEUES.certificates, () => (taken(), new Promise(() => {})), {
        connection,
        prefix,
        lockDuration: 1000,
        skipStalledCheck: true,
      });
      await tookIt;
      await doomed.close(true);

      // A worker as tolerant as Kapwa's finds the job stalled (checking often, to keep the test short).
      const maxStalledCount = tolerance[QUEUES.certificates];
      const state = await checkStalled(QUEUES.certificates, job, { connection, prefix, maxStalledCount, stalledInterval: 200 });
      expect({ stall, state }).toEqual({ stall, state: 'waiting' });
    }

    await api.startWorker();
    await waitFor(async () => ['completed', 'failed'].includes(await job.getState()));
    const finished = (await queue.getJob(job.id!))!;
    expect({ state: await finished.getState(), failedReason: finished.failedReason }).toEqual({ state: 'completed', failedReason: undefined });
    expect(await api.sql(`SELECT 1 FROM certificate WHERE enrollment_id = $1`, [enrolment.id])).toHaveLength(1);
  }, 60_000);

  it('is tolerated at least ten times on every queue', () => {
    expect(Object.keys(tolerance).sort()).toEqual(Object.values(QUEUES).sort());
    expect(Object.entries(tolerance).filter(([, count]) => count < 10)).toEqual([]);
  });
});
