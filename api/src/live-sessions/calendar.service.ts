import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalEventStatus } from 'ical-generator';
import { DataSource, In } from 'typeorm';
import { CONFIG, type Config } from '../platform/config/config.js';
import { Course } from '../courses/course.entity.js';
import { endOf, type LiveSession } from './live-session.entity.js';

/**
 * iCalendar files: one per session (public details only) and a personal feed per person (with join
 * links), reached by a secret token that can be replaced at any time.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async feedPathFor(userId: string): Promise<string> {
    const [row] = await this.db.query(`SELECT calendar_token FROM app_user WHERE id = $1`, [userId]);
    return row?.calendar_token ? this.feedPath(row.calendar_token) : this.rotate(userId);
  }

  async rotate(userId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.db.query(`UPDATE app_user SET calendar_token = $2 WHERE id = $1`, [userId, token]);
    return this.feedPath(token);
  }

  async userForToken(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
    const [row] = await this.db.query(`SELECT id FROM app_user WHERE calendar_token = $1`, [token]);
    return row?.id ?? null;
  }

  /** A calendar of sessions; `withJoinLinks` only for a member's own feed. */
  async render(name: string, sessions: LiveSession[], withJoinLinks: boolean): Promise<string> {
    const courses = new Map(
      (await this.db.getRepository(Course).findBy({ id: In([...new Set(sessions.map((s) => s.courseId))]) })).map((c) => [c.id, c]),
    );
    const calendar = ical({ name, prodId: { company: 'Kapwa', product: 'Kapwa', language: 'EN' } });
    for (const session of sessions) {
      const course = courses.get(session.courseId)!;
      const page = `${this.config.appUrl}/courses/${course.slug}/sessions`;
      const join = withJoinLinks && session.joinUrl ? `\nJoin: ${session.joinUrl}` : '';
      calendar.createEvent({
        id: `${session.id}@kapwa`,
        start: session.startsAt,
        end: endOf(session),
        summary: `${session.title} — ${course.title}`,
        description: `${course.title}${join}\n${page}`,
        url: withJoinLinks && session.joinUrl ? session.joinUrl : page,
        sequence: session.sequence,
        status: session.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        stamp: session.updatedAt,
      });
    }
    return calendar.toString();
  }

  private feedPath(token: string): string {
    return `/calendar/feed/${token}.ics`;
  }
}
