import { createHash, createHmac, randomUUID } from 'node:crypto';
import { EMAIL_MAX_LENGTH, normalizeEmail } from '@kapwa/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { User } from '../accounts/user.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Clock } from '../platform/common/clock.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { badUserInput, conflict, notFound } from '../platform/errors/errors.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { EnrollmentRole } from './course-enums.js';
import { Course } from './course.entity.js';
import { CourseInvitation } from './course-invitation.entity.js';
import { CoursesService } from './courses.service.js';
import { Enrollment } from './enrollment.entity.js';
import { invitationWords } from './invitation-messages.js';

export const INVITATION_LIFETIME_DAYS = 14;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Members join by email invitation. The trainer's request never looks at whether the address has an
 * account (the answer and the work are the same either way); the worker writes the email, which
 * says "log in" or "sign up" to the address's owner alone.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly courses: CoursesService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The link's token: derived from the invitation and its expiry with the server's secret, so it is
   * stored nowhere (the table keeps its hash, the queue only the invitation's id), and inviting again
   * (a new expiry) replaces it.
   */
  private tokenOf(invitation: Pick<CourseInvitation, 'id' | 'expiresAt'>): string {
    return createHmac('sha256', this.config.jwtSecret)
      .update(`course-invitation:${invitation.id}:${invitation.expiresAt.getTime()}`)
      .digest('base64url');
  }

  async invite(viewer: User, courseId: string, rawEmail: string, role: EnrollmentRole, group: string | null): Promise<boolean> {
    const email = normalizeEmail(rawEmail);
    if (email.length > EMAIL_MAX_LENGTH || !isEmail(email)) throw badUserInput('email', 'Enter a valid email address, such as name@example.org.');
    const expiresAt = new Date(this.clock.now().getTime() + INVITATION_LIFETIME_DAYS * 24 * 3600_000);
    const invitation = await this.db.transaction(async (tx) => {
      // The course row stays locked to the end: two invitations to one address cannot race.
      const course = await this.courses.lockCourseToManage(tx, viewer, courseId);
      const open = await tx.findOneBy(CourseInvitation, { courseId: course.id, email, acceptedAt: IsNull() });
      const id = open?.id ?? randomUUID();
      const tokenHash = hash(this.tokenOf({ id, expiresAt }));
      const fields = { role, group, tokenHash, expiresAt, invitedBy: viewer.id };
      if (open) await tx.update(CourseInvitation, { id }, fields);
      else await tx.insert(CourseInvitation, { id, courseId: course.id, email, ...fields });
      return { id, expiresAt };
    });
    await this.jobs.enqueue('send-course-invitation', { invitationId: invitation.id }, { jobId: `course-invitation.${invitation.id}.${invitation.expiresAt.getTime()}` });
    return true;
  }

  /** The job: writes the email in the words that fit the address's owner. Does nothing once accepted or expired. */
  async send(invitationId: string): Promise<void> {
    const invitation = await this.db.getRepository(CourseInvitation).findOneBy({ id: invitationId, acceptedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) });
    if (!invitation) return;
    const course = await this.db.getRepository(Course).findOneByOrFail({ id: invitation.courseId });
    const [account]: { id: string; locale: string }[] = await this.db.query(`SELECT id, locale FROM app_user WHERE lower(email) = $1 AND deleted_at IS NULL`, [
      invitation.email,
    ]);
    const words = invitationWords(account?.locale ?? course.language);
    const link = `${this.config.appUrl}/invitations/accept?token=${this.tokenOf(invitation)}`;
    const expires = invitation.expiresAt.toISOString().slice(0, 10);
    // Once per invitation and expiry (inviting again renews it, and sends again), however often the job runs.
    const key = `course-invitation:${invitation.id}:${invitation.expiresAt.getTime()}`;
    await this.notifications.emailOnce(key, account?.id ?? null, () => ({
      to: invitation.email,
      subject: words.subject(course.title),
      text: `${words.body(course.title, !!account, link, expires)}\n\n— Kapwa`,
      messageId: `<course-invitation.${invitation.id}.${invitation.expiresAt.getTime()}@kapwa>`,
    }));
  }

  /** Joins the course with the invitation's role and group. The link works once, until it expires. */
  async accept(viewer: User, token: string): Promise<Enrollment> {
    return this.db.transaction(async (tx) => {
      const invitation = await tx.findOne(CourseInvitation, { where: { tokenHash: hash(token), acceptedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw notFound('That invitation');
      if (invitation.expiresAt.getTime() <= this.clock.now().getTime()) {
        throw conflict('This invitation has expired. Ask the course trainer to invite you again.');
      }
      // Already a member: an invitation may raise a learner to trainer, never the other way.
      await tx.query(
        `INSERT INTO enrollment (course_id, user_id, role, status, group_name) VALUES ($1, $2, $3, 'ACTIVE', $4)
         ON CONFLICT (course_id, user_id) DO UPDATE SET
           role = CASE WHEN enrollment.role = 'TRAINER' THEN 'TRAINER' ELSE excluded.role END,
           group_name = coalesce(excluded.group_name, enrollment.group_name)`,
        [invitation.courseId, viewer.id, invitation.role, invitation.group],
      );
      await tx.update(CourseInvitation, { id: invitation.id }, { acceptedAt: this.clock.now(), acceptedBy: viewer.id });
      return tx.findOneByOrFail(Enrollment, { courseId: invitation.courseId, userId: viewer.id });
    });
  }

  /** Invitations not yet accepted and still valid, newest first. */
  pending(courseId: string): Promise<CourseInvitation[]> {
    return this.db.getRepository(CourseInvitation).find({
      where: { courseId, acceptedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { createdAt: 'DESC' },
    });
  }

  async revoke(viewer: User, invitationId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const invitation = await tx.findOneBy(CourseInvitation, { id: invitationId, acceptedAt: IsNull() });
      if (!invitation) throw notFound('That invitation');
      await this.courses.lockCourseToManage(tx, viewer, invitation.courseId, 'That invitation');
      await tx.delete(CourseInvitation, { id: invitation.id });
      return true;
    });
  }
}
