import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.js';

/**
 * Logs every failed job of every processor, present and future: which job, which attempt, and the
 * error through the log's error serializer. Never the job's data, which may hold personal data.
 */
@Injectable()
export class JobFailureLog implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    for (const { instance } of this.discovery.getProviders()) {
      if (!(instance instanceof WorkerHost)) continue;
      const worker = instance.worker;
      worker.on('failed', (job: Job | undefined, err: Error) => {
        const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
        const entry = { queue: worker.name, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err };
        if (final) this.logger.error(entry, 'job failed for good');
        else this.logger.warn(entry, 'job failed; it will be retried');
      });
      worker.on('error', (err: Error) => this.logger.error({ queue: worker.name, err }, 'job worker error'));
    }
  }
}
