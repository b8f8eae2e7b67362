import { Role } from './role.js';
import type { User } from './user.entity.js';

/**
 * How a person appears to a viewer. Every place that shows a person's private details asks here;
 * later capabilities (directory, course trainers) extend this file rather than deciding elsewhere.
 */
export function isAdmin(viewer: User | null): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

/** Email addresses are seen by their owner and by admins only. */
export function visibleEmail(viewer: User | null, user: User): string | null {
  return viewer && (viewer.id === user.id || isAdmin(viewer)) ? user.email : null;
}
