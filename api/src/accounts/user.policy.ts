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

/** When a person last logged in tells when they are at work: their own and admins' business only. */
export function visibleLastSignIn(viewer: User | null, user: User): Date | null {
  return isSelfOrAdmin(viewer, user) ? user.lastSignInAt : null;
}

/** Admins see who is suspended, to restore them; the suspended person cannot sign in to ask. */
export function visibleSuspension(viewer: User | null, user: User): Date | null {
  return isAdmin(viewer) ? user.suspendedAt : null;
}

/** Whether the address is confirmed: like the address itself, for its owner and admins only. */
export function visibleEmailVerified(viewer: User | null, user: User): boolean | null {
  return isSelfOrAdmin(viewer, user) ? user.emailVerifiedAt != null : null;
}
