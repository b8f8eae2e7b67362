import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { escape, ICalEventStatus } from 'ical-generator';
import { DataSource, In } from 'typeorm';
import { singleLine } from '../platform/common/output-text.js';
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

  /**
   * A calendar of sessions; `withJoinLinks` only for a member's own feed. Every text goes through
   * `singleLine`: a stored title with a line break must not start a property or event of its own.
   */
  async render(name: string, sessions: LiveSession[], withJoinLinks: boolean): Promise<string> {
    const courses = new Map(
      (await this.db.getRepository(Course).findBy({ id: In([...new Set(sessions.map((s) => s.courseId))]) })).map((c) => [c.id, c]),
    );
    // ical-generator escapes event texts but writes the calendar's NAME and X-WR-CALNAME as given.
    const calendar = ical({ name: escape(singleLine(name), false), prodId: { company: 'Kapwa', product: 'Kapwa', language: 'EN' } });
    for (const session of sessions) {
      const course = courses.get(session.courseId)!;
      const courseTitle = singleLine(course.title);
      const page = singleLine(`${this.config.appUrl}/courses/${course.slug}/sessions`);
      const joinUrl = withJoinLinks ? webAddress(session.joinUrl) : null;
      calendar.createEvent({
        id: singleLine(`${session.id}@kapwa`),
        start: session.startsAt,
        end: endOf(session),
        summary: `${singleLine(session.title)} — ${courseTitle}`,
        // Line breaks between the parts are the description's own; the library escapes them as \n.
        description: [courseTitle, ...(joinUrl ? [`Join: ${joinUrl}`] : []), page].join('\n'),
        url: joinUrl ?? page,
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

/**
 * A stored link as an iCalendar URI, or null when it is no web address. The WHATWG parser drops line
 * breaks and percent-encodes other controls, so what it gives back is always one line.
 */
function webAddress(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
}
