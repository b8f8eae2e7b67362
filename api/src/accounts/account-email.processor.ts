import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobProcessor } from '../platform/jobs/job-processor.js';
import { type JobPayloads, QUEUES } from '../platform/jobs/queues.js';
import { AccountLinksService } from './account-links.service.js';

@JobProcessor(QUEUES.accounts, { concurrency: 5 })
export class AccountEmailProcessor extends WorkerHost {
  constructor(private readonly links: AccountLinksService) {
    super();
  }

  async process(job: Job<JobPayloads['account-email']>): Promise<void> {
    await this.links.deliver(job.data);
  }
}
