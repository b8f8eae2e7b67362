import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { networkWords } from './network-messages.js';

/** The page listing a person's invitations; the notification links to it. */
export const INVITATIONS_PAGE = '/invitations/spaces';

/**
 * Course to network: in the transaction that completes enrolments, invites each learner into the spaces
 * their course names (course_network_space) and the COUNTRY space of their own country, except spaces they
 * already belong to, and tells them once per course ("Join the network of <course>"). The unique key per
 * person and space and the notification's key make a repeated completion invite and notify nobody twice.
 */
@Injectable()
export class AlumniInvitations {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async invite(tx: EntityManager, enrollmentIds: string[]): Promise<void> {
    if (enrollmentIds.length === 0) return;
    const made: { user_id: string; course_id: string; locale: string; course: string; space: string }[] = await tx.query(
      `WITH wanted AS (
         SELECT DISTINCT e.user_id, e.course_id, s.id AS space_id
           FROM enrollment e JOIN app_user u ON u.id = e.user_id
           JOIN space s ON s.id IN (SELECT n.space_id FROM course_network_space n WHERE n.course_id = e.course_id)
                        OR (s.kind = 'COUNTRY' AND s.country IS NOT NULL AND s.country = upper(u.country))
          WHERE e.id = ANY($1::uuid[]) AND e.status = 'COMPLETED' AND u.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM space_member m WHERE m.space_id = s.id AND m.user_id = e.user_id)
       ), made AS (
         INSERT INTO space_invitation (user_id, space_id, course_id, created_at)
         SELECT user_id, space_id, course_id, $2 FROM wanted
         ON CONFLICT (user_id, space_id) DO NOTHING
         RETURNING user_id, space_id, course_id
       )
       SELECT made.user_id, made.course_id, u.locale, c.title AS course, s.title AS space
         FROM made JOIN app_user u ON u.id = made.user_id JOIN course c ON c.id = made.course_id JOIN space s ON s.id = made.space_id
        ORDER BY s.title`,
      [enrollmentIds, this.clock.now()],
    );
    const byPerson = new Map<string, { userId: string; courseId: string; locale: string; course: string; spaces: string[] }>();
    for (const row of made) {
      const key = `${row.user_id}:${row.course_id}`;
      const entry = byPerson.get(key) ?? { userId: row.user_id, courseId: row.course_id, locale: row.locale, course: row.course, spaces: [] };
      entry.spaces.push(row.space);
      byPerson.set(key, entry);
    }
    await this.notifications.notify(
      tx,
      [...byPerson.values()].map((p) => {
        const words = networkWords(p.locale);
        return {
          key: `space-invitations:${p.courseId}:${p.userId}`,
          userId: p.userId,
          kind: 'SPACE_INVITATIONS',
          title: words.invitedTitle(p.course),
          body: words.invitedBody(p.course, p.spaces),
          link: INVITATIONS_PAGE,
          email: true,
        };
      }),
    );
  }
}
