import { registerEnumType } from '@nestjs/graphql';

export enum CourseKind {
  COURSE = 'COURSE',
  /** Short modules for alumni. */
  REFRESHER = 'REFRESHER',
}

export enum CourseStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum EnrollmentRole {
  LEARNER = 'LEARNER',
  TRAINER = 'TRAINER',
}

export enum EnrollmentStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(CourseKind, { name: 'CourseKind' });
registerEnumType(CourseStatus, { name: 'CourseStatus' });
registerEnumType(EnrollmentRole, { name: 'EnrollmentRole' });
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
