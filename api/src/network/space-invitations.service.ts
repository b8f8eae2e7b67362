import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { readsSpaceSql } from '../community/community.policy.js';
import { Space } from '../community/space.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { canManageCourse } from '../courses/course.policy.js';
import { Clock } from '../platform/common/clock.js';
import { groupBy, requestLoader } from '../platform/common/request-loaders.js';
import { badUserInput, forbidden, notFound } from '../platform/errors/errors.js';
import type { SpaceInvitation } from './space-invitation.model.js';

/** At most this many spaces per course, and invitations answered at once. */
export const MAX_NETWORK_SPACES = 20;
const MAX_ANSWERS = 50;

const spaceOf = (row: Record<string, any>): Space =>
  Object.assign(new Space(), {
    id: row.space_id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    kind: row.kind,
    courseId: row.space_course_id,
    membersOnly: row.members_only,
    country: row.country,
    createdBy: null,
    createdAt: row.space_created_at,
  });

const SPACE_COLUMNS = `s.id AS space_id, s.slug, s.title, s.description, s.kind, s.course_id AS space_course_id, s.members_only, s.country, s.created_at AS space_created_at`;

/** A course's network spaces (set by its trainers and admins) and the invitations its alumni answer. */
@Injectable()
export class SpaceInvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseVisibility,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The viewer's invitations not yet answered, newest first. */
  async mine(viewer: User): Promise<SpaceInvitation[]> {
    const rows = await this.db.query(
      `SELECT i.id, i.created_at, c.title AS course_title, ${SPACE_COLUMNS}
         FROM space_invitation i JOIN space s ON s.id = i.space_id LEFT JOIN course c ON c.id = i.course_id
        WHERE i.user_id = $1 AND i.answered_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM space_member m WHERE m.space_id = s.id AND m.user_id = i.user_id)
        ORDER BY i.created_at DESC, s.title`,
      [viewer.id],
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, createdAt: r.created_at, courseTitle: r.course_title, space: spaceOf(r) }));
  }

  /**
   * Joins the space of each of the viewer's invitations, in one transaction. Accepting again (or an
   * invitation already accepted) changes nothing. Returns the spaces joined by these invitations.
   */
  async accept(viewer: User, ids: string[]): Promise<Space[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0 || unique.length > MAX_ANSWERS) throw badUserInput('ids', `Choose between 1 and ${MAX_ANSWERS} invitations.`);
    if (unique.some((id) => !isUUID(id))) throw notFound('That invitation');
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `SELECT i.id, i.accepted, ${SPACE_COLUMNS} FROM space_invitation i JOIN space s ON s.id = i.space_id
          WHERE i.id = ANY($1::uuid[]) AND i.user_id = $2 ORDER BY s.title FOR UPDATE OF i`,
        [unique, viewer.id],
      );
      if (rows.length !== unique.length) throw notFound('That invitation');
      const now = this.clock.now();
      await tx.query(
        `INSERT INTO space_member (space_id, user_id, joined_at) SELECT unnest($1::uuid[]), $2, $3 ON CONFLICT DO NOTHING`,
        [rows.map((r: Record<string, any>) => r.space_id), viewer.id, now],
      );
      await tx.query(`UPDATE space_invitation SET answered_at = $3, accepted = true WHERE id = ANY($1::uuid[]) AND user_id = $2 AND accepted IS NOT TRUE`, [
        unique,
        viewer.id,
        now,
      ]);
      return rows.map(spaceOf);
    });
  }

  /** Declines one invitation: it leaves the list. Declining again changes nothing; an accepted one stays accepted. */
  async decline(viewer: User, id: string): Promise<boolean> {
    if (!isUUID(id)) throw notFound('That invitation');
    const [row] = await this.db.query(`SELECT 1 FROM space_invitation WHERE id = $1 AND user_id = $2`, [id, viewer.id]);
    if (!row) throw notFound('That invitation');
    await this.db.query(`UPDATE space_invitation SET answered_at = $3, accepted = false WHERE id = $1 AND user_id = $2 AND answered_at IS NULL`, [
      id,
      viewer.id,
      this.clock.now(),
    ]);
    return true;
  }

  /**
   * The course's trainers and admins name the spaces its alumni are invited into (THEME, COUNTRY or NETWORK
   * spaces they read; members-only ones by admins only). Replaces the list; audited.
   */
  async setNetworkSpaces(viewer: User, courseId: string, spaceIds: string[]): Promise<string> {
    const unique = [...new Set(spaceIds)];
    if (unique.length > MAX_NETWORK_SPACES) throw badUserInput('spaceIds', `Choose at most ${MAX_NETWORK_SPACES} spaces.`);
    if (unique.some((id) => !isUUID(id))) throw badUserInput('spaceIds', 'Choose spaces from the list.');
    return this.db.transaction(async (tx) => {
      const found = await this.courses.find(tx, viewer, courseId, { lock: true });
      if (!found) throw notFound('That course');
      if (!canManageCourse(viewer, found.membership)) throw forbidden("Only the course's trainers and admins choose its network spaces.");
      const spaces: { id: string; kind: string; members_only: boolean }[] = unique.length
        ? await tx.query(`SELECT s.id, s.kind, s.members_only FROM space s WHERE s.id = ANY($1::uuid[]) AND ${readsSpaceSql('s', '$2')}`, [unique, viewer.id])
        : [];
      if (spaces.length !== unique.length || spaces.some((s) => s.kind === 'COURSE')) {
        throw badUserInput('spaceIds', 'Choose theme, country or network spaces from the list.');
      }
      if (spaces.some((s) => s.members_only) && !isAdmin(viewer)) throw badUserInput('spaceIds', 'Only admins invite people into a members-only space.');
      const before: { space_id: string }[] = await tx.query(`SELECT space_id FROM course_network_space WHERE course_id = $1 ORDER BY space_id`, [found.course.id]);
      await tx.query(`DELETE FROM course_network_space WHERE course_id = $1 AND NOT (space_id = ANY($2::uuid[]))`, [found.course.id, unique]);
      await tx.query(`INSERT INTO course_network_space (course_id, space_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [found.course.id, unique]);
      const was = before.map((r) => r.space_id);
      const now = [...unique].sort();
      if (JSON.stringify(was) !== JSON.stringify(now)) {
        await this.audit.record(tx, {
          actorId: viewer.id,
          action: AuditAction.COURSE_NETWORK_SPACES_SET,
          subjectType: AuditSubject.COURSE,
          subjectId: found.course.id,
          data: { spaceIds: now },
        });
      }
      return found.course.id;
    });
  }

  /** A course's network spaces the viewer reads, by title; one statement per request for a list of courses. */
  networkSpaces(req: object, viewerId: string | null, courseId: string): Promise<Space[]> {
    return requestLoader<string, Space[]>(req, `course-network-spaces:${viewerId}`, async (ids) => {
      const rows = await this.db.query(
        `SELECT n.course_id, ${SPACE_COLUMNS} FROM course_network_space n JOIN space s ON s.id = n.space_id
          WHERE n.course_id = ANY($1::uuid[]) AND ${readsSpaceSql('s', '$2')} ORDER BY s.title`,
        [ids, viewerId],
      );
      return groupBy(ids, rows, (r: Record<string, any>) => r.course_id).map((group) => group.map(spaceOf));
    }).load(courseId);
  }
}
