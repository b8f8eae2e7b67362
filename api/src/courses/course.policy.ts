import { isAdmin } from '../accounts/user.policy.js';
import type { User } from '../accounts/user.entity.js';
import { CourseStatus, EnrollmentRole } from './course-enums.js';
import type { CourseModule } from './course-module.entity.js';
import type { Course } from './course.entity.js';
import type { Enrollment } from './enrollment.entity.js';

/** Who may do what with a course: the one place these rules live. */

/** Admins, and the course's own trainers, build and run it. */
export function canManageCourse(viewer: User | null, membership: Enrollment | null): boolean {
  return isAdmin(viewer) || membership?.role === EnrollmentRole.TRAINER;
}

/** Drafts are seen by those who manage them; published and archived courses by everyone. */
export function canSeeCourse(viewer: User | null, course: Course, membership: Enrollment | null): boolean {
  return course.status !== CourseStatus.DRAFT || canManageCourse(viewer, membership);
}

/** A module's lessons are locked for learners until it opens; those who manage the course always see them. */
export function isModuleLocked(module: CourseModule, now: Date): boolean {
  return module.opensAt !== null && module.opensAt.getTime() > now.getTime();
}

export function canReadLessons(viewer: User | null, module: CourseModule, membership: Enrollment | null, now: Date): boolean {
  return !isModuleLocked(module, now) || canManageCourse(viewer, membership);
}
