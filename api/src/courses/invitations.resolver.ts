import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { forbidden } from '../platform/errors/errors.js';
import { optionalSingleLineArg } from '../platform/input/validators.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { EnrollmentRole } from './course-enums.js';
import { CourseInvitation } from './course-invitation.entity.js';
import { CourseLoaders } from './course-loaders.js';
import { canManageCourse } from './course.policy.js';
import { Course } from './course.entity.js';
import { Enrollment } from './enrollment.entity.js';
import { InvitationsService } from './invitations.service.js';

@Resolver(() => Course)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly loaders: CourseLoaders,
  ) {}

  /** Each invitation sends an email: limited, so a course cannot be used to mail strangers in bulk. */
  @SignedIn()
  @RateLimit({ key: 'invite-course-member', points: 30, durationSeconds: 600, per: 'viewer' })
  @Mutation(() => Boolean, {
    description: 'Emails an invitation whether or not the address has an account; accepting it enrols. The answer is always true.',
  })
  inviteCourseMember(
    @Viewer() viewer: User,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('email') email: string,
    @Args('role', { type: () => EnrollmentRole }) role: EnrollmentRole,
    @Args('group', { type: () => String, nullable: true }) group?: string | null,
  ): Promise<boolean> {
    return this.invitations.invite(viewer, courseId, email, role, optionalSingleLineArg('group', group, 80));
  }

  @SignedIn()
  @Mutation(() => Enrollment, { description: 'Join the course an emailed invitation is for; its link works once, for 14 days.' })
  acceptCourseInvitation(@Viewer() viewer: User, @Args('token') token: string): Promise<Enrollment> {
    return this.invitations.accept(viewer, token);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Withdraw an invitation not yet accepted; its link stops working.' })
  revokeCourseInvitation(@Viewer() viewer: User, @Args('invitationId', { type: () => ID }) invitationId: string): Promise<boolean> {
    return this.invitations.revoke(viewer, invitationId);
  }

  @ResolveField('invitations', () => [CourseInvitation], { description: 'Invitations not yet accepted; trainers of this course and admins only.' })
  async pendingInvitations(@Parent() course: Course, @Context('req') req: ViewerRequest): Promise<CourseInvitation[]> {
    const membership = req.viewer ? await this.loaders.membership(req, req.viewer.id, course.id) : null;
    if (!canManageCourse(req.viewer ?? null, membership)) throw forbidden("Only this course's trainers and admins see its invitations.");
    return this.invitations.pending(course.id);
  }
}
