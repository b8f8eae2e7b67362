import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/common/clock.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import type { LiveSession } from './live-session.entity.js';

export const REMINDER_OFFSETS = { '24h': 24 * 3600_000, '1h': 3600_000 } as const;
export type ReminderOffset = keyof typeof REMINDER_OFFSETS;

/**
 * One id per session, offset and version of the session: a new time means new jobs, never a clash
 * with old ones. (BullMQ job ids may not contain ":".)
 */
export const reminderJobId = (sessionId: string, offset: ReminderOffset, sequence: number) =>
  `session-reminder.${sessionId}.${offset}.${sequence}`;

/**
 * Plans and withdraws a session's reminders, 24 h and 1 h before it starts, as delayed jobs. A session
 * scheduled (or moved) to less than an hour ahead gets its hour's reminder at once; one whose 24 h
 * reminder time has passed gets only the hour's.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /** Removes the previous version's reminders and plans this version's (those still in the future). */
  async plan(session: LiveSession): Promise<void> {
    await this.withdraw(session.id, session.sequence - 1);
    const now = this.clock.now().getTime();
    const startsAt = session.startsAt.getTime();
    if (startsAt <= now) return;
    for (const [offset, ms] of Object.entries(REMINDER_OFFSETS) as [ReminderOffset, number][]) {
      const remindAt = startsAt - ms;
      if (remindAt <= now && offset !== '1h') continue;
      // Planned again (the worker's sweep, a restart) it is the same job id: still one reminder.
      await this.jobs.enqueue(
        'session-reminder',
        { sessionId: session.id, offset, sequence: session.sequence },
        { jobId: reminderJobId(session.id, offset, session.sequence), delay: Math.max(0, remindAt - now) },
      );
    }
  }

  async withdraw(sessionId: string, sequence: number): Promise<void> {
    if (sequence < 0) return;
    for (const offset of Object.keys(REMINDER_OFFSETS) as ReminderOffset[]) {
      await this.jobs.remove('session-reminder', reminderJobId(sessionId, offset, sequence));
    }
  }
}
