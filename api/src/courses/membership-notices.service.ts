import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { catalogueFor, courseDateFor } from '../notifications/messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { visibleCourseSql } from './course.policy.js';
import type { Course } from './course.entity.js';

interface AddedMember {
  enrollmentId: string;
  userId: string;
  role: 'LEARNER' | 'TRAINER';
  timeZone: string;
  locale: string;
}

/**
 * "You have been added to a course", said once per membership (the key is the enrolment's), in the
 * transaction of the change, and only once the person may see the course: a learner added to a draft
 * is told when it is published, so the link never leads to nothing.
 */
@Injectable()
export class MembershipNotices {
  constructor(private readonly notifications: NotificationsService) {}

  /** After someone was added: tells them now, or leaves it to `publish` while the course is a draft to them. */
  async added(tx: EntityManager, course: Course, enrollmentId: string): Promise<void> {
    await this.tell(tx, course, await this.members(tx, course, 'e.id = $2', enrollmentId));
  }

  /** A draft goes out: everyone added meanwhile hears of it (those already told are not told twice). */
  async published(tx: EntityManager, course: Course, publisherId: string): Promise<void> {
    await this.tell(tx, course, await this.members(tx, course, 'e.user_id <> $2', publisherId));
  }

  private members(tx: EntityManager, course: Course, which: string, value: string): Promise<AddedMember[]> {
    return tx.query(
      `SELECT e.id AS "enrollmentId", e.user_id AS "userId", e.role, u.time_zone AS "timeZone", u.locale
       FROM enrollment e JOIN app_user u ON u.id = e.user_id JOIN course c ON c.id = e.course_id
       WHERE e.course_id = $1 AND ${which} AND e.status <> 'WITHDRAWN' AND u.deleted_at IS NULL
         AND ${visibleCourseSql('c', 'e.user_id')}`,
      [course.id, value],
    );
  }

  private async tell(tx: EntityManager, course: Course, members: AddedMember[]): Promise<void> {
    await this.notifications.notify(
      tx,
      members.map((member) => {
        const words = catalogueFor(member.locale);
        return {
          key: `course-member-added:${member.enrollmentId}`,
          userId: member.userId,
          kind: 'COURSE_MEMBER_ADDED',
          title: words.addedTitle(course.title),
          body: words.addedBody(course.title, member.role, course.startsAt ? courseDateFor(member, course.startsAt, course.timeZone) : null),
          link: `/courses/${course.slug}`,
          email: true,
        };
      }),
    );
  }
}
