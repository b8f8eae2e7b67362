import { RecoveryCode, UserTwoFactor } from '../../accounts/two-factor.entity.js';
import { User } from '../../accounts/user.entity.js';
import { Assignment, RubricCriterion } from '../../assignments/assignment.entity.js';
import { CriterionScore, Grade, Submission } from '../../assignments/submission.entity.js';
import { Post, PostReport, PostRevision } from '../../community/post.entity.js';
import { Space, SpaceMember } from '../../community/space.entity.js';
import { Thread, ThreadRead } from '../../community/thread.entity.js';
import { AuditEvent } from '../../audit/audit-event.entity.js';
import { Profile } from '../../directory/profile.entity.js';
import { Certificate } from '../../certificates/certificate.entity.js';
import { CourseModule } from '../../courses/course-module.entity.js';
import { Course } from '../../courses/course.entity.js';
import { CourseInvitation } from '../../courses/course-invitation.entity.js';
import { Enrollment } from '../../courses/enrollment.entity.js';
import { LessonCompletion } from '../../courses/lesson-completion.entity.js';
import { Lesson } from '../../courses/lesson.entity.js';
import { Evaluation } from '../../evaluations/evaluation.entity.js';
import { LiveSession } from '../../live-sessions/live-session.entity.js';
import { GrantApplication, GrantConflict, GrantReviewerAssignment } from '../../grants/grant-application.entity.js';
import { GrantCall, GrantCriterion } from '../../grants/grant-call.entity.js';
import { CriterionReviewScore, Review } from '../../grants/grant-review.entity.js';
import { MediaAsset } from '../../media/media-asset.entity.js';
import { Notification } from '../../notifications/notification.entity.js';
import { Organization } from '../../organizations/organization.entity.js';
import { Resource } from '../../resources/resource.entity.js';
import { Setting } from '../settings/setting.entity.js';

/** Every TypeORM entity. Add each new one here. */
export const entities = [User, Organization, AuditEvent, Course, CourseModule, Lesson, Enrollment, LessonCompletion, Certificate, Evaluation, LiveSession, Notification, UserTwoFactor, RecoveryCode, Setting, CourseInvitation, MediaAsset, Assignment, RubricCriterion, Submission, Grade, CriterionScore, GrantCall, GrantCriterion, GrantApplication, GrantReviewerAssignment, GrantConflict, Review, CriterionReviewScore, Space, SpaceMember, Thread, ThreadRead, Post, PostRevision, PostReport, Resource, Profile];
