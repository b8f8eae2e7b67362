import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';

/**
 * Who may read and change the resource library: the one place these rules live. Every path that reaches
 * a resource (the library, a resource by id, its file at /media, the suggestions queue) filters with
 * `readsResourceSql`.
 *
 * - The library is for signed-in members of the network: some resources concern defenders at risk, so
 *   nobody signed out reads anything (not even that a resource exists).
 * - A PUBLISHED resource is read by anyone signed in (not suspended: a suspended account signs nobody in).
 * - A SUGGESTED or REJECTED one only by the person who suggested it and by admins.
 */
export function readsResourceSql(resource: string, viewer: string): string {
  const admin = `EXISTS (SELECT 1 FROM app_user reads_admin WHERE reads_admin.id = ${viewer} AND '${Role.ADMIN}' = ANY(reads_admin.roles))`;
  return `((${viewer})::uuid IS NOT NULL AND (${resource}.status = 'PUBLISHED' OR ${resource}.added_by = ${viewer} OR ${admin}))`;
}

/** Admins and trainers add resources straight into the library; everyone else suggests them. */
export function addsPublished(viewer: User): boolean {
  return isAdmin(viewer) || viewer.roles.includes(Role.TRAINER);
}

/** Admins change or remove any resource; a trainer the published ones they added. */
export function canChange(viewer: User, resource: { addedBy: string | null; status: string }): boolean {
  return isAdmin(viewer) || (viewer.roles.includes(Role.TRAINER) && resource.addedBy === viewer.id && resource.status === 'PUBLISHED');
}

/** Admins review members' suggestions. */
export const reviewsSuggestions = isAdmin;
