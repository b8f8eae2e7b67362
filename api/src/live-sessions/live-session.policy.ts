import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { EnrollmentStatus } from '../courses/course-enums.js';
import type { Enrollment } from '../courses/enrollment.entity.js';

/** Join links and recordings are for the course's members (and admins), nobody else. */
export function canJoinSession(viewer: User | null, membership: Enrollment | null): boolean {
  return isAdmin(viewer) || (!!membership && membership.status !== EnrollmentStatus.WITHDRAWN);
}
