import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type JobPayloads, QUEUES } from '../platform/jobs/queues.js';
import { InvitationsService } from './invitations.service.js';
import { JobProcessor } from '../platform/jobs/job-processor.js';

@JobProcessor(QUEUES.invitations)
export class CourseInvitationProcessor extends WorkerHost {
  constructor(private readonly invitations: InvitationsService) {
    super();
  }

  async process(job: Job<JobPayloads['send-course-invitation']>): Promise<void> {
    await this.invitations.send(job.data.invitationId);
  }
}
