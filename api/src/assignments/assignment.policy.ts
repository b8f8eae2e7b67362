import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { EnrollmentRole } from '../courses/course-enums.js';
import { activeMemberSql, canManageCourse, isActiveMember, manageCourseSql, visibleCourseSql } from '../courses/course.policy.js';
import type { Enrollment } from '../courses/enrollment.entity.js';
import type { Assignment } from './assignment.entity.js';
import { type Grade, type Submission, SubmissionStatus } from './submission.entity.js';

/**
 * Who may do what with assignments and submissions: the one place these rules live. Course visibility
 * and module opening are course.policy.ts's; these build on them.
 */

/** The course's trainers and admins set, grade, return and release work, and see everyone's. */
export const canGrade = canManageCourse;

/** Learners of the course (not withdrawn) hand in work. */
export function isLearnerOf(membership: Enrollment | null): membership is Enrollment {
  return isActiveMember(membership) && membership.role === EnrollmentRole.LEARNER;
}

/** Shared work is read by the course's members (not withdrawn), its trainers and admins. */
export function canReadSharedWork(viewer: User | null, membership: Enrollment | null): boolean {
  return isAdmin(viewer) || isActiveMember(membership);
}

/** A submission is the learner's own: theirs for individual work, their enrolment group's for group work. */
export function ownsSubmission(viewer: User | null, membership: Enrollment | null, assignment: Assignment, submission: Submission): boolean {
  if (!viewer || !isLearnerOf(membership)) return false;
  return assignment.groupWork ? !!membership.group && submission.group === membership.group : submission.group === null && submission.learnerId === viewer.id;
}

/**
 * Who may see the files attached to a submission, as a SQL condition (the assignments rule of MediaAccess):
 * its graders (canGrade); the learners it belongs to (ownsSubmission: every member of the group, for group
 * work); and, once handed in, the course's members when the assignment is shared with the cohort
 * (canReadSharedWork, as sharedSubmissions lists it). Nobody in a course they may not see.
 * `submission`, `assignment` are aliases of the submission's and its assignment's rows, `viewer` SQL
 * giving the viewer's user id (e.g. `$2`).
 */
export function seesSubmissionFilesSql(submission: string, assignment: string, viewer: string): string {
  const course = `${assignment}.course_id`;
  const owns = `EXISTS (SELECT 1 FROM enrollment owner_membership WHERE ${activeMemberSql('owner_membership', course, viewer)}
      AND owner_membership.role = '${EnrollmentRole.LEARNER}'
      AND CASE WHEN ${assignment}.group_work THEN ${submission}.group_name = owner_membership.group_name
               ELSE ${submission}.group_name IS NULL AND ${submission}.learner_id = ${viewer} END)`;
  const shared = `(${assignment}.share_with_cohort AND ${submission}.status IN ('${SubmissionStatus.SUBMITTED}', '${SubmissionStatus.GRADED}')
      AND EXISTS (SELECT 1 FROM enrollment cohort_membership WHERE ${activeMemberSql('cohort_membership', course, viewer)}))`;
  return `(${manageCourseSql(course, viewer)}
    OR (EXISTS (SELECT 1 FROM course files_course WHERE files_course.id = ${course} AND ${visibleCourseSql('files_course', viewer)})
        AND (${owns} OR ${shared})))`;
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
