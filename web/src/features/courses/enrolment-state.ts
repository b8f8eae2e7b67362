import type { CourseStatus, EnrollmentRole, EnrollmentStatus } from '@kapwa/graphql';

/** Where the viewer stands with a course, as a card and the course's page say it. */
export type EnrolmentState = 'draft' | 'teaching' | 'completed' | 'enrolled' | 'open' | 'closed';

export interface EnrolmentFacts {
  status: CourseStatus;
  /** The API's word on whether enrolling works now. */
  enrollmentOpen: boolean;
  myEnrollment?: { role: EnrollmentRole; status: EnrollmentStatus } | null;
}

export function enrolmentState(course: EnrolmentFacts): EnrolmentState {
  // Someone who withdrew stands where everyone else does.
  const mine = course.myEnrollment?.status === 'WITHDRAWN' ? null : course.myEnrollment;
  if (mine?.role === 'TRAINER') return 'teaching';
  if (mine?.status === 'COMPLETED') return 'completed';
  if (mine) return 'enrolled';
  if (course.status === 'DRAFT') return 'draft';
  return course.enrollmentOpen ? 'open' : 'closed';
}
