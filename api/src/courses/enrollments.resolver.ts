import { Args, Context, Float, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { User } from '../accounts/user.entity.js';
import { CourseLoaders } from './course-loaders.js';
import { CourseVisibility } from './course-visibility.service.js';
import { EnrollmentRole } from './course-enums.js';
import { Course } from './course.entity.js';
import { Enrollment } from './enrollment.entity.js';
import { Lesson } from './lesson.entity.js';
import { Clock } from '../platform/common/clock.js';
import { EnrollmentsService } from './enrollments.service.js';
import { optionalSingleLineArg } from '../platform/input/validators.js';

@Resolver(() => Enrollment)
export class EnrollmentsResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly loaders: CourseLoaders,
    private readonly visibility: CourseVisibility,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  @SignedIn()
  @Query(() => [Enrollment], { description: "The viewer's enrolments, newest first." })
  myEnrollments(@Viewer() viewer: User): Promise<Enrollment[]> {
    return this.enrollments.mine(viewer);
  }

  @SignedIn()
  @Mutation(() => Enrollment)
  enroll(@Viewer() viewer: User, @Args('courseId', { type: () => ID }) courseId: string): Promise<Enrollment> {
    return this.enrollments.enroll(viewer, courseId);
  }

  @SignedIn()
  @Mutation(() => Enrollment)
  addCourseMember(
    @Viewer() viewer: User,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => EnrollmentRole }) role: EnrollmentRole,
    @Args('group', { type: () => String, nullable: true }) group?: string | null,
  ): Promise<Enrollment> {
    return this.enrollments.addMember(viewer, courseId, userId, role, optionalSingleLineArg('group', group, 80));
  }

  @SignedIn()
  @Mutation(() => Enrollment)
  completeLesson(@Viewer() viewer: User, @Args('lessonId', { type: () => ID }) lessonId: string): Promise<Enrollment> {
    return this.enrollments.completeLesson(viewer, lessonId);
  }

  @ResolveField('course', () => Course)
  course(@Parent() enrollment: Enrollment, @Context('req') req: ViewerRequest): Promise<Course> {
    return this.visibility.require(req, enrollment.courseId);
  }

  @ResolveField('user', () => User)
  async user(@Parent() enrollment: Enrollment, @Context('req') req: ViewerRequest): Promise<User> {
    return (await this.accounts.load(req, enrollment.userId))!;
  }

  @ResolveField('nextLesson', () => Lesson, {
    nullable: true,
    description: 'Where to continue: the first lesson, in course order, not yet completed in a module that is open; null when all are done or none is open yet.',
  })
  nextLesson(@Parent() enrollment: Enrollment, @Context('req') req: object): Promise<Lesson | null> {
    return this.loaders.nextLesson(req, enrollment.id, this.clock.now());
  }

  @ResolveField('progress', () => Float, { description: 'Completed lessons / all lessons, 0..1.' })
  progress(enrollment: Enrollment, _args: unknown, { req }: GraphQLContext): Promise<number> | number {
    return this.loaders.progress(req, enrollment.id);
  }
}
