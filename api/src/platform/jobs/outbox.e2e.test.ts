import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../testing/test-app.js';
import { waitFor } from '../testing/wait-for.js';
import { JobsService } from './jobs.service.js';
import { OutboxService } from './outbox.service.js';
import { QUEUES } from './queues.js';

let api: TestApi;
let outbox: OutboxService;
let db: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  outbox = api.app.get(OutboxService);
  db = api.app.get(DataSource);
});
afterAll(() => api.close());

const certificates = () => api.app.get(JobsService).queue(QUEUES.certificates);
const rowOf = async (jobId: string) => (await api.sql(`SELECT * FROM outbox WHERE job_id = $1`, [jobId]))[0];

describe('the outbox', () => {
  it('queues a job once its transaction commits, and marks the row dispatched', async () => {
    const enrollmentId = randomUUID();
    await db.transaction((tx) => outbox.add(tx, 'issue-certificate', { enrollmentId }, { jobId: `outbox-commit-${enrollmentId}` }));
    await waitFor(async () => (await certificates().getJob(`outbox-commit-${enrollmentId}`)) !== undefined);
    expect((await certificates().getJob(`outbox-commit-${enrollmentId}`))!.data).toEqual({ enrollmentId });
    await waitFor(async () => (await rowOf(`outbox-commit-${enrollmentId}`)).dispatched_at !== null);
  });

  it('writes and queues nothing for a transaction that rolls back', async () => {
    const enrollmentId = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await outbox.add(tx, 'issue-certificate', { enrollmentId }, { jobId: `outbox-rollback-${enrollmentId}` });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await outbox.sweep();
    expect(await rowOf(`outbox-rollback-${enrollmentId}`)).toBeUndefined();
    expect(await certificates().getJob(`outbox-rollback-${enrollmentId}`)).toBeUndefined();
  });

  it('refuses a job written outside a transaction, where it could outlive a failed change', async () => {
    await expect(outbox.add(db.manager, 'issue-certificate', { enrollmentId: randomUUID() }, { jobId: `outbox-loose-${randomUUID()}` })).rejects.toThrow(
      /in the transaction/,
    );
  });

  it('keeps one row per job id, however often it is written', async () => {
    const enrollmentId = randomUUID();
    const jobId = `outbox-twice-${enrollmentId}`;
    for (let i = 0; i < 2; i++) await db.transaction((tx) => outbox.add(tx, 'issue-certificate', { enrollmentId }, { jobId }));
    expect(await api.sql(`SELECT id FROM outbox WHERE job_id = $1`, [jobId])).toHaveLength(1);
    await waitFor(async () => (await rowOf(jobId)).dispatched_at !== null);
  });

  it('is swept by several workers at once, each row dispatched once and every job queued', async () => {
    // Rows left behind by a process that died before relaying them.
    const ids = Array.from({ length: 300 }, () => randomUUID());
    await api.sql(
      `INSERT INTO outbox (job_name, payload, job_id)
       SELECT 'issue-certificate', jsonb_build_object('enrollmentId', id), 'outbox-swept-' || id FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    const sweeps = await Promise.all([outbox.sweep(), outbox.sweep(), outbox.sweep()]);
    const pending = await api.sql(`SELECT 1 FROM outbox WHERE dispatched_at IS NULL`);
    expect({ dispatched: sweeps.reduce((n, s) => n + s.dispatched, 0), pending: pending.length }).toEqual({ dispatched: ids.length, pending: 0 });
    const queued = await certificates().getJobs(['waiting']);
    expect(new Set(queued.filter((job) => job.id!.startsWith('outbox-swept-')).map((job) => job.id)).size).toBe(ids.length);
  });

  it('prunes rows dispatched more than a day ago, and keeps newer ones', async () => {
    const [old, recent] = [`outbox-old-${randomUUID()}`, `outbox-recent-${randomUUID()}`];
    await api.sql(
      `INSERT INTO outbox (job_name, payload, job_id, dispatched_at) VALUES
         ('issue-certificate', '{}', $1, now() - interval '25 hours'), ('issue-certificate', '{}', $2, now() - interval '1 hour')`,
      [old, recent],
    );
    await outbox.sweep();
    expect(await rowOf(old)).toBeUndefined();
    expect(await rowOf(recent)).toBeDefined();
  });
});
