import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobProcessor } from '../platform/jobs/job-processor.js';
import { type JobPayloads, QUEUES } from '../platform/jobs/queues.js';
import { LiveSessionsService } from './live-sessions.service.js';

@JobProcessor(QUEUES.reminders)
export class ReminderProcessor extends WorkerHost {
  constructor(private readonly sessions: LiveSessionsService) {
    super();
  }

  async process(job: Job): Promise<number> {
    if (job.name === 'plan-reminders') return this.sessions.planUpcomingReminders();
    const { sessionId, offset, sequence } = job.data as JobPayloads['session-reminder'];
    return this.sessions.remind(sessionId, offset, sequence);
  }
}
