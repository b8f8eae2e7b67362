import { WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { JobProcessor } from './job-processor.js';
import { OutboxService } from './outbox.service.js';
import { QUEUES } from './queues.js';

export const HEARTBEAT_EVERY_MS = 60_000;

export function heartbeatKey(config: Pick<Config, 'redisPrefix'>): string {
  return `${config.redisPrefix}:worker:heartbeat`;
}

@JobProcessor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name === 'relay-outbox') {
      const { dispatched, pruned } = await this.outbox.sweep();
      return `relayed ${dispatched}, pruned ${pruned}`;
    }
    const at = new Date().toISOString();
    await this.redis.set(heartbeatKey(this.config), at, 'EX', Math.ceil((HEARTBEAT_EVERY_MS * 3) / 1000));
    return `${job.name} at ${at}`;
  }
}
