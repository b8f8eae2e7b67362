/**
 * What an audit event records, named as the public contract names them (`AuditEvent.action`).
 * Stored as these strings; capabilities that audit something new add its name here.
 */
export const AuditAction = {
  ROLES_CHANGED: 'ROLES_CHANGED',
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  ACCOUNT_RESTORED: 'ACCOUNT_RESTORED',
  ORGANIZATION_CHANGED: 'USER_ORGANIZATION_CHANGED',
  ORGANIZATION_CREATED: 'ORGANIZATION_CREATED',
  ORGANIZATION_UPDATED: 'ORGANIZATION_UPDATED',
  GRADE_SAVED: 'GRADE_SAVED',
  GRADES_RELEASED: 'GRADES_RELEASED',
  REVIEWER_ASSIGNED: 'GRANT_REVIEWER_ASSIGNED',
  REVIEWER_UNASSIGNED: 'GRANT_REVIEWER_UNASSIGNED',
  CONFLICT_DECLARED: 'GRANT_CONFLICT_DECLARED',
  APPLICATION_DECIDED: 'APPLICATION_DECIDED',
  POST_HIDDEN: 'POST_HIDDEN',
  POST_RESTORED: 'POST_RESTORED',
  REPORTS_DISMISSED: 'REPORTS_DISMISSED',
  THREAD_LOCKED: 'THREAD_LOCKED',
  THREAD_UNLOCKED: 'THREAD_UNLOCKED',
  COURSE_NETWORK_SPACES_SET: 'COURSE_NETWORK_SPACES_SET',
} as const;

export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** What an audit event is about: the `subjectType` of the contract. */
export const AuditSubject = { USER: 'user', ORGANIZATION: 'organization', SUBMISSION: 'submission', ASSIGNMENT: 'assignment', GRANT_APPLICATION: 'grant_application', POST: 'post', THREAD: 'thread', COURSE: 'course' } as const;
