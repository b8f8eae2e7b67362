import { Role } from './role.js';
import type { User } from './user.entity.js';

/**
 * How a person appears to a viewer. Every place that shows a person's private details asks here;
 * later capabilities (directory, course trainers) extend this file rather than deciding elsewhere.
 */
export function isAdmin(viewer: User | null): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

/** The person themself, or an admin: who sees a person's account details. */
function isSelfOrAdmin(viewer: User | null, user: User): boolean {
  return !!viewer && (viewer.id === user.id || isAdmin(viewer));
}

/** Email addresses are seen by their owner and by admins only. */
export function visibleEmail(viewer: User | null, user: User): string | null {
  return isSelfOrAdmin(viewer, user) ? user.email : null;
}

/** Whether the address is confirmed: like the address itself, for its owner and admins only. */
export function visibleEmailVerified(viewer: User | null, user: User): boolean | null {
  return isSelfOrAdmin(viewer, user) ? user.emailVerifiedAt != null : null;
}
