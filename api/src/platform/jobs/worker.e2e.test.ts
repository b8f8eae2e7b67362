import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import { clearRedisPrefix, createTestDatabase, testConfig } from '../testing/test-app.js';
import { WorkerModule } from '../../worker.module.js';
import { JobsService } from './jobs.service.js';
import { heartbeatKey } from './maintenance.processor.js';
import { QUEUES } from './queues.js';

let worker: INestApplicationContext;
let config: Config;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  config = testConfig(database.url);
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
});
afterAll(async () => {
  await worker.close();
  await clearRedisPrefix(config);
  await drop();
});

describe('the worker', () => {
  it('schedules one heartbeat, one outbox sweep and one reminder planner for the deployment however many workers start', async () => {
    await worker.get(WorkerModule).onApplicationBootstrap();
    const jobs = worker.get(JobsService);
    expect((await jobs.queue(QUEUES.maintenance).getJobSchedulers()).map((s) => s.key).sort()).toEqual(['heartbeat', 'relay-outbox']);
    expect((await jobs.queue(QUEUES.reminders).getJobSchedulers()).map((s) => s.key)).toEqual(['plan-reminders']);
  });

  it('processes jobs from Redis and records its heartbeat', async () => {
    const jobs = worker.get(JobsService);
    const events = new QueueEvents(QUEUES.maintenance, { connection: { url: config.redisUrl }, prefix: `${config.redisPrefix}:bull` });
    await events.waitUntilReady();
    const job = await jobs.enqueue('heartbeat', {}, { jobId: 'heartbeat-test' });
    await job.waitUntilFinished(events, 10_000);
    await events.close();

    const redis = new Redis(config.redisUrl);
    const at = await redis.get(heartbeatKey(config));
    await redis.quit();
    expect(Date.now() - Date.parse(at!)).toBeLessThan(10_000);
  });

  it('ignores a job added again with the same id', async () => {
    const jobs = worker.get(JobsService);
    await jobs.enqueue('heartbeat', { scheduledAt: 'first' }, { jobId: 'once-only', delay: 60_000 });
    await jobs.enqueue('heartbeat', { scheduledAt: 'second' }, { jobId: 'once-only', delay: 60_000 });
    const queue = jobs.queue(QUEUES.maintenance);
    expect((await queue.getJob('once-only'))!.data).toEqual({ scheduledAt: 'first' });
    expect((await queue.getDelayed()).filter((job) => job.id === 'once-only')).toHaveLength(1);
  });
});
