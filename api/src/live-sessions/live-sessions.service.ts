import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { Clock } from '../platform/common/clock.js';
import { badUserInput, conflict, notFound } from '../platform/errors/errors.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { Course } from '../courses/course.entity.js';
import { visibleCourseSql } from '../courses/course.policy.js';
import { CoursesService } from '../courses/courses.service.js';
import { catalogueFor, sessionTimeFor } from '../notifications/messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { ScheduleLiveSessionInput, UpdateLiveSessionInput } from './dto/live-session.inputs.js';
import { AttendanceStatus, LiveSession } from './live-session.entity.js';
import { REMINDER_OFFSETS, RemindersService, type ReminderOffset } from './reminders.service.js';

/** A reminder that runs this much later than planned (a busy queue) still says "in one hour". */
const LATE_MARGIN_MS = 10 * 60_000;

export interface Member {
  id: string;
  timeZone: string;
  locale: string;
}

@Injectable()
export class LiveSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly reminders: RemindersService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async schedule(viewer: User, input: ScheduleLiveSessionInput): Promise<LiveSession> {
    this.assertFuture(input.startsAt);
    const session = await this.db.transaction(async (tx) => {
      const course = await this.courses.lockCourseToManage(tx, viewer, input.courseId);
      const groups: string[] =
        input.breakoutGroups ??
        (
          await tx.query(
            `SELECT DISTINCT group_name FROM enrollment WHERE course_id = $1 AND group_name IS NOT NULL AND status <> 'WITHDRAWN' ORDER BY group_name`,
            [course.id],
          )
        ).map((r: { group_name: string }) => r.group_name);
      const session = await tx.save(
        tx.create(LiveSession, {
          courseId: course.id,
          title: input.title,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          joinUrl: input.joinUrl ?? null,
          breakoutGroups: [...new Set(groups.map((g: string) => g.trim()).filter(Boolean))],
        }),
      );
      await this.announce(tx, session, 'scheduled');
      return session;
    });
    await this.reminders.plan(session);
    return session;
  }

  /** Changes a session; a new time or length is a reschedule: version up, reminders moved, members told. */
  async update(viewer: User, sessionId: string, input: UpdateLiveSessionInput): Promise<LiveSession> {
    const { session, rescheduled } = await this.db.transaction(async (tx) => {
      const current = await this.lockToManage(tx, viewer, sessionId);
      if (current.cancelledAt) throw conflict('This session was cancelled; schedule a new one instead.');
      const moved = input.startsAt !== undefined && input.startsAt.getTime() !== current.startsAt.getTime();
      // Only a new time must lie ahead: a recording is added to a session that has passed.
      if (moved) this.assertFuture(input.startsAt!);
      const rescheduled = moved || (input.durationMinutes !== undefined && input.durationMinutes !== current.durationMinutes);
      Object.assign(current, {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.startsAt !== undefined && { startsAt: input.startsAt }),
        ...(input.durationMinutes !== undefined && { durationMinutes: input.durationMinutes }),
        ...(input.joinUrl !== undefined && { joinUrl: input.joinUrl }),
        ...(input.recordingUrl !== undefined && { recordingUrl: input.recordingUrl }),
        ...(input.breakoutGroups !== undefined && { breakoutGroups: input.breakoutGroups }),
        ...(rescheduled && { sequence: current.sequence + 1 }),
      });
      const session = await tx.save(current);
      if (rescheduled) await this.announce(tx, session, 'rescheduled');
      return { session, rescheduled };
    });
    if (rescheduled) await this.reminders.plan(session);
    return session;
  }

  async cancel(viewer: User, sessionId: string): Promise<LiveSession> {
    const session = await this.db.transaction(async (tx) => {
      const current = await this.lockToManage(tx, viewer, sessionId);
      if (current.cancelledAt) return current;
      current.cancelledAt = this.clock.now();
      current.sequence += 1;
      const cancelled = await tx.save(current);
      await this.announce(tx, cancelled, 'cancelled');
      return cancelled;
    });
    // A reminder left behind finds the session cancelled and says nothing.
    await this.reminders.withdraw(session.id, session.sequence - 1);
    return session;
  }

  async recordAttendance(viewer: User, sessionId: string, userId: string, status: AttendanceStatus): Promise<LiveSession> {
    return this.db.transaction(async (tx) => {
      const session = await this.lockToManage(tx, viewer, sessionId);
      const [member] = isUUID(userId)
        ? await tx.query(`SELECT 1 FROM enrollment WHERE course_id = $1 AND user_id = $2`, [session.courseId, userId])
        : [];
      if (!member) throw badUserInput('userId', 'This person is not a member of the course.');
      await tx.query(
        `INSERT INTO session_attendance (session_id, user_id, status) VALUES ($1, $2, $3)
         ON CONFLICT (session_id, user_id) DO UPDATE SET status = excluded.status, recorded_at = now()`,
        [session.id, userId, status],
      );
      return session;
    });
  }

  /** Sessions of my courses that have not ended, soonest first. */
  upcomingFor(viewer: User): Promise<LiveSession[]> {
    return this.db
      .getRepository(LiveSession)
      .createQueryBuilder('s')
      .innerJoin('enrollment', 'e', `e.course_id = s.course_id AND e.user_id = :viewer AND e.status <> 'WITHDRAWN'`, { viewer: viewer.id })
      .innerJoin('course', 'c', `c.id = s.course_id AND ${visibleCourseSql('c', ':viewer')}`)
      .where('s.cancelled_at IS NULL')
      .andWhere(`s.starts_at + make_interval(mins => s.duration_minutes) > :now`, { now: this.clock.now() })
      .orderBy('s.starts_at')
      .take(50)
      .getMany();
  }

  /**
   * All sessions of the courses a person belongs to and may see, for their calendar feed (cancelled ones
   * too, so calendars drop them).
   */
  forMember(userId: string): Promise<LiveSession[]> {
    return this.db
      .getRepository(LiveSession)
      .createQueryBuilder('s')
      .innerJoin('enrollment', 'e', `e.course_id = s.course_id AND e.user_id = :userId AND e.status <> 'WITHDRAWN'`, { userId })
      .innerJoin('course', 'c', `c.id = s.course_id AND ${visibleCourseSql('c', ':userId')}`)
      .orderBy('s.starts_at')
      .getMany();
  }

  byId(id: string): Promise<LiveSession | null> {
    return isUUID(id) ? this.db.getRepository(LiveSession).findOneBy({ id }) : Promise.resolve(null);
  }

  ofCourse(req: object, courseId: string): Promise<LiveSession[]> {
    return requestLoader<string, LiveSession[]>(req, 'sessions-by-course', async (ids) => {
      const rows = await this.db.getRepository(LiveSession).find({ where: { courseId: In([...ids]) }, order: { startsAt: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.courseId === id));
    }).load(courseId);
  }

  myAttendance(req: object, userId: string, sessionId: string): Promise<AttendanceStatus | null> {
    return requestLoader<string, AttendanceStatus | null>(req, `attendance:${userId}`, async (ids) => {
      const rows: { session_id: string; status: AttendanceStatus }[] = await this.db.query(
        `SELECT session_id, status FROM session_attendance WHERE user_id = $1 AND session_id = ANY($2::uuid[])`,
        [userId, ids],
      );
      return byKeys(ids, rows, (r) => r.session_id).map((r) => r?.status ?? null);
    }).load(sessionId);
  }

  attendance(sessionId: string): Promise<{ user_id: string; status: AttendanceStatus }[]> {
    return this.db.query(`SELECT user_id, status FROM session_attendance WHERE session_id = $1`, [sessionId]);
  }

  /** Everyone in the session's course who should hear about it: a draft's learners do not know it yet. */
  async members(courseId: string, tx: EntityManager = this.db.manager): Promise<Member[]> {
    return tx.query(
      `SELECT u.id, u.time_zone AS "timeZone", u.locale
       FROM enrollment e JOIN app_user u ON u.id = e.user_id JOIN course c ON c.id = e.course_id
       WHERE e.course_id = $1 AND e.status <> 'WITHDRAWN' AND u.deleted_at IS NULL AND ${visibleCourseSql('c', 'e.user_id')}`,
      [courseId],
    );
  }

  /** Plans reminders for every session starting within the next 25 hours; existing jobs are left as they are. */
  async planUpcomingReminders(): Promise<number> {
    const now = this.clock.now();
    const soon: LiveSession[] = await this.db
      .getRepository(LiveSession)
      .createQueryBuilder('s')
      .where('s.cancelled_at IS NULL AND s.starts_at > :now AND s.starts_at <= :horizon', {
        now,
        horizon: new Date(now.getTime() + 25 * 3600_000),
      })
      .getMany();
    for (const session of soon) await this.reminders.plan(session);
    return soon.length;
  }

  /** The reminder job: tell every member, in their zone and language, unless the session changed since it was planned. */
  async remind(sessionId: string, offset: ReminderOffset, sequence: number): Promise<number> {
    const session = await this.byId(sessionId);
    if (!session || session.cancelledAt || session.sequence !== sequence) return 0;
    // The hour's reminder of a session scheduled late goes out at once: "in one hour" would be wrong.
    const late = offset === '1h' && session.startsAt.getTime() - this.clock.now().getTime() < REMINDER_OFFSETS['1h'] - LATE_MARGIN_MS;
    return this.db.transaction((tx) => this.tellMembers(tx, session, `session-reminder:${session.id}:${offset}:${session.sequence}`, 'SESSION_REMINDER', (words, course, time) => ({
      title: words.reminderTitle(session.title, late ? 'soon' : offset),
      body: words.reminderBody(session.title, course, time),
    })));
  }

  private announce(tx: EntityManager, session: LiveSession, what: 'scheduled' | 'cancelled' | 'rescheduled'): Promise<number> {
    const key = `session-${what}:${session.id}:${session.sequence}`;
    const kinds = { scheduled: 'SESSION_SCHEDULED', cancelled: 'SESSION_CANCELLED', rescheduled: 'SESSION_RESCHEDULED' } as const;
    return this.tellMembers(tx, session, key, kinds[what], (words, course, time) => ({
      title: words[`${what}Title`](session.title),
      body: words[`${what}Body`](session.title, course, time),
    }));
  }

  /** Notifies every member in their own language, with the session's time in their zone; `key` is per session version. */
  private async tellMembers(
    tx: EntityManager,
    session: LiveSession,
    key: string,
    kind: string,
    words: (catalogue: ReturnType<typeof catalogueFor>, course: string, time: string) => { title: string; body: string },
  ): Promise<number> {
    const course = await tx.findOneByOrFail(Course, { id: session.courseId });
    const members = await this.members(course.id, tx);
    await this.notifications.notify(
      tx,
      members.map((member) => ({
        key: `${key}:${member.id}`,
        userId: member.id,
        kind,
        ...words(catalogueFor(member.locale), course.title, sessionTimeFor(member, session.startsAt, course.timeZone)),
        link: `/courses/${course.slug}/sessions`,
        email: true,
      })),
    );
    return members.length;
  }

  private assertFuture(startsAt: Date): void {
    if (startsAt.getTime() <= this.clock.now().getTime()) throw badUserInput('startsAt', 'Choose a start time in the future.');
  }

  private async lockToManage(tx: EntityManager, viewer: User, sessionId: string): Promise<LiveSession> {
    const session = isUUID(sessionId) ? await tx.findOneBy(LiveSession, { id: sessionId }) : null;
    if (!session) throw notFound('That session');
    await this.courses.lockCourseToManage(tx, viewer, session.courseId, 'That session');
    return session;
  }
}

