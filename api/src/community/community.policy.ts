import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { activeMemberSql, manageCourseSql, visibleCourseSql } from '../courses/course.policy.js';

/**
 * Who may read and write in the community: the one place these rules live. Every path that reaches a
 * space, a thread or a post (lists, `space`, `thread`, posts, search, mention candidates, mention
 * notifications) filters with `readsSpaceSql`, so a path added later inherits the rule by using it.
 *
 * - A COURSE space is read by its course's members (not withdrawn), its trainers and admins, and only
 *   while the course is visible to them (course.policy.ts: drafts to those who manage them).
 * - THEME, COUNTRY and NETWORK spaces are read by anyone signed in; a members-only one by its members
 *   and admins.
 * - Nobody signed out reads anything.
 * A space one may not read does not exist for them: NOT_FOUND or null, never FORBIDDEN.
 */
export function readsSpaceSql(space: string, viewer: string): string {
  const admin = `EXISTS (SELECT 1 FROM app_user reads_admin WHERE reads_admin.id = ${viewer} AND '${Role.ADMIN}' = ANY(reads_admin.roles))`;
  const courseMember = `EXISTS (SELECT 1 FROM course reads_course WHERE reads_course.id = ${space}.course_id
        AND ${visibleCourseSql('reads_course', viewer)}
        AND (${manageCourseSql('reads_course.id', viewer)}
             OR EXISTS (SELECT 1 FROM enrollment reads_member WHERE ${activeMemberSql('reads_member', 'reads_course.id', viewer)})))`;
  const spaceMember = `EXISTS (SELECT 1 FROM space_member reads_joined WHERE reads_joined.space_id = ${space}.id AND reads_joined.user_id = ${viewer})`;
  return `((${viewer})::uuid IS NOT NULL AND CASE WHEN ${space}.kind = 'COURSE' THEN ${courseMember}
      WHEN ${space}.members_only THEN ${spaceMember} OR ${admin}
      ELSE true END)`;
}

/**
 * Who may write in a space they read: a COURSE space's members write at once; other spaces are joined
 * first ("join to post"); admins write anywhere they read. `joined` is whether the viewer is a space member.
 */
export function canPost(viewer: User, space: { kind: string }, joined: boolean): boolean {
  return isAdmin(viewer) || space.kind === 'COURSE' || joined;
}

/** Admins create any space; a course's trainers create its COURSE space (normally made with the course). */
export function canCreateSpace(viewer: User, kind: string, trainsCourse: boolean): boolean {
  return isAdmin(viewer) || (kind === 'COURSE' && trainsCourse);
}

/** Admins moderate: hide and restore posts, lock threads, read the moderation queue and edit history. */
export const canModerate = isAdmin;

/** A hidden post's text: admins always; everyone else reads nothing. */
export function seesHiddenText(viewer: User | null): boolean {
  return isAdmin(viewer);
}

/** The author of a hidden post and admins read why it was hidden. */
export function seesHiddenReason(viewer: User | null, authorId: string): boolean {
  return isAdmin(viewer) || viewer?.id === authorId;
}
