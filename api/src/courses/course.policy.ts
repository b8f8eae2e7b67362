import { Role } from '../accounts/role.js';
import { isAdmin } from '../accounts/user.policy.js';
import type { User } from '../accounts/user.entity.js';
import { CourseStatus, EnrollmentRole, EnrollmentStatus } from './course-enums.js';
import type { CourseModule } from './course-module.entity.js';
import type { Course } from './course.entity.js';
import type { Enrollment } from './enrollment.entity.js';

/** Who may do what with a course: the one place these rules live. */

/** Admins, and the course's own trainers, build and run it. */
export function canManageCourse(viewer: User | null, membership: Enrollment | null): boolean {
  return isAdmin(viewer) || membership?.role === EnrollmentRole.TRAINER;
}

/**
 * Drafts are seen by those who manage them; published and archived courses by everyone. A course a
 * viewer may not see does not exist for them, whatever road (enrolment, session, lesson, calendar,
 * certificate) leads to it: code reaches courses through CourseVisibility, which asks here, and lists
 * filter with visibleCourseSql below, which must say the same.
 */
export function canSeeCourse(viewer: User | null, course: Course, membership: Enrollment | null): boolean {
  return course.status !== CourseStatus.DRAFT || canManageCourse(viewer, membership);
}

/**
 * canSeeCourse as a SQL condition, for queries that list courses or what is inside them.
 * `course` is the alias of a `course` row; `viewer` is SQL giving the viewer's user id (a parameter
 * such as `:viewer` or `$1`, NULL for nobody signed in, or a column such as `e.user_id` when each row
 * has its own viewer, e.g. the members a notice goes to).
 */
export function visibleCourseSql(course: string, viewer: string): string {
  return `(${course}.status <> '${CourseStatus.DRAFT}' OR ${manageCourseSql(`${course}.id`, viewer)})`;
}

/**
 * canManageCourse as a SQL condition, which must say the same: `courseId` is SQL giving the course's id
 * (a column such as `a.course_id`), `viewer` SQL giving the viewer's user id, as for visibleCourseSql.
 */
export function manageCourseSql(courseId: string, viewer: string): string {
  return `(EXISTS (SELECT 1 FROM enrollment visibility_trainer WHERE visibility_trainer.course_id = ${courseId}
               AND visibility_trainer.user_id = ${viewer} AND visibility_trainer.role = '${EnrollmentRole.TRAINER}')
    OR EXISTS (SELECT 1 FROM app_user visibility_admin WHERE visibility_admin.id = ${viewer} AND '${Role.ADMIN}' = ANY(visibility_admin.roles)))`;
}

/** A membership that counts: the person has not withdrawn from the course (whatever their role). */
export function isActiveMember(membership: Enrollment | null): membership is Enrollment {
  return !!membership && membership.status !== EnrollmentStatus.WITHDRAWN;
}

/**
 * isActiveMember as a SQL condition, which must say the same: `enrollment` is the alias of an
 * `enrollment` row, `courseId` and `viewer` SQL giving the course's and the viewer's ids.
 */
export function activeMemberSql(enrollment: string, courseId: string, viewer: string): string {
  return `(${enrollment}.course_id = ${courseId} AND ${enrollment}.user_id = ${viewer} AND ${enrollment}.status <> '${EnrollmentStatus.WITHDRAWN}')`;
}

/**
 * Whether people may enrol in a course now: the rule `enroll` applies (enrolments.service.ts) and
 * `Course.enrollmentOpen` shows. Enrolling again in a course one is already in is always fine.
 */
export function isOpenForEnrollment(course: Course): boolean {
  return course.status === CourseStatus.PUBLISHED;
}

/** A module's lessons are locked for learners until it opens; those who manage the course always see them. */
export function isModuleLocked(module: CourseModule, now: Date): boolean {
  return module.opensAt !== null && module.opensAt.getTime() > now.getTime();
}

/**
 * A module that is open (not isModuleLocked) as a SQL condition, which must say the same: `module` is
 * the alias of a `course_module` row, `now` SQL giving the instant (a parameter such as `$2`).
 */
export function moduleOpenSql(module: string, now: string): string {
  return `(${module}.opens_at IS NULL OR ${module}.opens_at <= ${now})`;
}

export function canReadLessons(viewer: User | null, module: CourseModule, membership: Enrollment | null, now: Date): boolean {
  return !isModuleLocked(module, now) || canManageCourse(viewer, membership);
}
