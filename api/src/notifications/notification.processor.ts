import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobProcessor } from '../platform/jobs/job-processor.js';
import { type JobPayloads, QUEUES } from '../platform/jobs/queues.js';
import { DigestService } from './digest.service.js';
import { NotificationsService } from './notifications.service.js';

@JobProcessor(QUEUES.notifications, { concurrency: 5 })
export class NotificationProcessor extends WorkerHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly digests: DigestService,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['deliver-notification']>): Promise<void> {
    if (job.name === 'send-digests') {
      await this.digests.sweep();
      return;
    }
    await this.notifications.deliver(job.data);
  }
}
