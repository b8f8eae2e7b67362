import { AccountRecoveryResolver } from '../../accounts/account-recovery.resolver.js';
import { AccountsResolver } from '../../accounts/accounts.resolver.js';
import {
  AssignmentsResolver,
  CourseAssignmentsResolver,
  GradebookResolver,
  GradebookRowsResolver,
  GradesResolver,
  SubmissionsResolver,
} from '../../assignments/assignments.resolver.js';
import { AuditLogResolver } from '../../audit/audit-log.resolver.js';
import { TwoFactorResolver } from '../../accounts/two-factor.resolver.js';
import { UserResolver } from '../../accounts/user.resolver.js';
import { CertificatesResolver, EnrollmentCertificateResolver } from '../../certificates/certificates.resolver.js';
import { CoursesResolver, LessonsResolver, ModulesResolver } from '../../courses/courses.resolver.js';
import { EnrollmentsResolver } from '../../courses/enrollments.resolver.js';
import { InvitationsResolver } from '../../courses/invitations.resolver.js';
import { CourseEvaluationResolver, EvaluationsResolver } from '../../evaluations/evaluations.resolver.js';
import { CourseLiveSessionsResolver, LiveSessionsResolver } from '../../live-sessions/live-sessions.resolver.js';
import { CaseStudiesResolver, GrantApplicationsResolver, GrantCallsResolver, ReviewsResolver } from '../../grants/grants.resolver.js';
import { MediaResolver } from '../../media/media.resolver.js';
import { NotificationsResolver } from '../../notifications/notifications.resolver.js';
import { CourseNetworkResolver, NetworkResolver } from '../../network/network.resolver.js';
import { PostReportsResolver, PostsResolver, SpacesResolver, ThreadsResolver } from '../../community/community.resolver.js';
import { ResourcesResolver } from '../../resources/resources.resolver.js';
import { OrganizationsResolver } from '../../organizations/organizations.resolver.js';
import { OrganizationFocalPointsResolver, ProfilesResolver } from '../../directory/directory.resolver.js';

/** Every resolver, for printing the schema without a database. A test checks nothing is missing. */
export const resolvers = [
  AccountsResolver,
  AccountRecoveryResolver,
  TwoFactorResolver,
  UserResolver,
  OrganizationsResolver,
  AuditLogResolver,
  CoursesResolver,
  ModulesResolver,
  LessonsResolver,
  EnrollmentsResolver,
  InvitationsResolver,
  CertificatesResolver,
  EnrollmentCertificateResolver,
  EvaluationsResolver,
  CourseEvaluationResolver,
  LiveSessionsResolver,
  CourseLiveSessionsResolver,
  NotificationsResolver,
  AssignmentsResolver,
  SubmissionsResolver,
  GradesResolver,
  CourseAssignmentsResolver,
  GradebookResolver,
  GradebookRowsResolver,
  MediaResolver,
  GrantCallsResolver,
  GrantApplicationsResolver,
  ReviewsResolver,
  CaseStudiesResolver,
  SpacesResolver,
  ThreadsResolver,
  PostsResolver,
  PostReportsResolver,
  ResourcesResolver,
  ProfilesResolver,
  OrganizationFocalPointsResolver,
  NetworkResolver,
  CourseNetworkResolver,
];
