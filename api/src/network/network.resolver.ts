import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { Space } from '../community/space.entity.js';
import { Course } from '../courses/course.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { SpaceInvitation } from './space-invitation.model.js';
import { SpaceInvitationsService } from './space-invitations.service.js';

@Resolver()
export class NetworkResolver {
  constructor(
    private readonly invitations: SpaceInvitationsService,
    private readonly courses: CourseVisibility,
  ) {}

  @SignedIn()
  @Query(() => [SpaceInvitation], { description: "The viewer's unanswered invitations into spaces (from the courses they completed and their country), newest first." })
  mySpaceInvitations(@Viewer() viewer: User): Promise<SpaceInvitation[]> {
    return this.invitations.mine(viewer);
  }

  @SignedIn()
  @Mutation(() => [Space], { description: 'Joins the space of each of these invitations of mine, all or none; accepting again changes nothing.' })
  acceptSpaceInvitations(@Viewer() viewer: User, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<Space[]> {
    return this.invitations.accept(viewer, ids);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Declines one invitation of mine: it leaves my list.' })
  declineSpaceInvitation(@Viewer() viewer: User, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.invitations.decline(viewer, id);
  }

  @SignedIn()
  @Mutation(() => Course, { description: "The course's trainers and admins: the spaces its alumni are invited into when they complete it (replaces the list)." })
  async setCourseNetworkSpaces(
    @Viewer() viewer: User,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('spaceIds', { type: () => [ID] }) spaceIds: string[],
    @Context('req') req: ViewerRequest,
  ): Promise<Course> {
    const id = await this.invitations.setNetworkSpaces(viewer, courseId, spaceIds);
    return this.courses.require(req, id);
  }
}

@Resolver(() => Course)
export class CourseNetworkResolver {
  constructor(private readonly invitations: SpaceInvitationsService) {}

  @ResolveField('networkSpaces', () => [Space], { description: 'The spaces its alumni are invited into on completing it (those the viewer reads).' })
  networkSpaces(@Parent() course: Course, @Context('req') req: ViewerRequest): Promise<Space[]> {
    return this.invitations.networkSpaces(req, req.viewer?.id ?? null, course.id);
  }
}
