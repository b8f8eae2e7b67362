import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { EnrollmentRole, EnrollmentStatus } from '../courses/course-enums.js';
import { canManageCourse } from '../courses/course.policy.js';
import type { Enrollment } from '../courses/enrollment.entity.js';
import type { Assignment } from './assignment.entity.js';
import type { Grade, Submission } from './submission.entity.js';

/**
 * Who may do what with assignments and submissions: the one place these rules live. Course visibility
 * and module opening are course.policy.ts's; these build on them.
 */

/** The course's trainers and admins set, grade, return and release work, and see everyone's. */
export const canGrade = canManageCourse;

/** Learners of the course (not withdrawn) hand in work. */
export function isLearnerOf(membership: Enrollment | null): membership is Enrollment {
  return membership?.role === EnrollmentRole.LEARNER && membership.status !== EnrollmentStatus.WITHDRAWN;
}

/** Shared work is read by the course's members (not withdrawn), its trainers and admins. */
export function canReadSharedWork(viewer: User | null, membership: Enrollment | null): boolean {
  return isAdmin(viewer) || (!!membership && membership.status !== EnrollmentStatus.WITHDRAWN);
}

/** A submission is the learner's own: theirs for individual work, their enrolment group's for group work. */
export function ownsSubmission(viewer: User | null, membership: Enrollment | null, assignment: Assignment, submission: Submission): boolean {
  if (!viewer || !isLearnerOf(membership)) return false;
  return assignment.groupWork ? !!membership.group && submission.group === membership.group : submission.group === null && submission.learnerId === viewer.id;
}

/**
 * The grade of a submission as the viewer may see it: trainers and admins always; its learner (or
 * group) once released; nobody through shared work.
 */
export function visibleGrade(
  grade: Grade | null,
  viewer: User | null,
  membership: Enrollment | null,
  assignment: Assignment,
  submission: Submission,
): Grade | null {
  if (!grade || submission.sharedView) return null;
  if (canGrade(viewer, membership)) return grade;
  return grade.releasedAt && ownsSubmission(viewer, membership, assignment, submission) ? grade : null;
}

/** `late`: handed in after the due time. */
export function isLate(assignment: Pick<Assignment, 'dueAt'>, submission: Pick<Submission, 'submittedAt'>): boolean {
  return !!assignment.dueAt && !!submission.submittedAt && submission.submittedAt.getTime() > assignment.dueAt.getTime();
}
