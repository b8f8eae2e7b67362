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
  const admin = adminSql(viewer, 'reads_admin');
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

function adminSql(viewer: string, alias: string): string {
  return `EXISTS (SELECT 1 FROM app_user ${alias} WHERE ${alias}.id = ${viewer} AND '${Role.ADMIN}' = ANY(${alias}.roles))`;
}

/**
 * Who moderates a space (hides and restores its posts, locks its threads, reads its reports in the
 * moderation queue, its hidden posts' text and reasons, and its posts' edit history): admins every space;
 * a course's trainers (the course rules' one answer, manageCourseSql) their course's COURSE space, and
 * no other. `space` is the alias of a `space` row, `viewer` SQL giving the viewer's id.
 */
export function moderatesSpaceSql(space: string, viewer: string): string {
  return `((${viewer})::uuid IS NOT NULL AND (${adminSql(viewer, 'moderates_admin')}
      OR (${space}.kind = 'COURSE' AND ${manageCourseSql(`${space}.course_id`, viewer)})))`;
}

/** Admins moderate every space; whether a trainer moderates one is asked per space (moderatesSpaceSql). */
export const moderatesEverySpace = isAdmin;

/**
 * A hidden post's text: those who moderate its space (`moderates`, from moderatesSpaceSql); everyone
 * else reads nothing.
 */
export function seesHiddenText(moderates: boolean): boolean {
  return moderates;
}

/** The author of a hidden post and those who moderate its space read why it was hidden. */
export function seesHiddenReason(viewer: User | null, authorId: string, moderates: boolean): boolean {
  return moderates || viewer?.id === authorId;
}
