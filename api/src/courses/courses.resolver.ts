import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, Public, RequireRoles, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { Role } from '../accounts/role.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { User } from '../accounts/user.entity.js';
import { badUserInput, forbidden } from '../platform/errors/errors.js';
import { Clock } from '../platform/common/clock.js';
import { CourseLoaders } from './course-loaders.js';
import { CourseVisibility } from './course-visibility.service.js';
import { CourseStructureService } from './course-structure.service.js';
import { CourseModule } from './course-module.entity.js';
import { canManageCourse, isModuleLocked, isOpenForEnrollment } from './course.policy.js';
import { courseColor } from './course-content-rules.js';
import { CourseOutlines } from './course-outlines.service.js';
import { CourseCover } from './dto/course-cover.model.js';
import { Course } from './course.entity.js';
import { CoursesService } from './courses.service.js';
import { AddLessonInput, AddModuleInput, CreateCourseInput, MoveLessonInput, UpdateCourseInput, UpdateLessonInput, UpdateModuleInput } from './dto/course.inputs.js';
import { Enrollment } from './enrollment.entity.js';
import { EnrollmentsService } from './enrollments.service.js';
import { Lesson } from './lesson.entity.js';

@Resolver(() => Course)
export class CoursesResolver {
  constructor(
    private readonly courseService: CoursesService,
    private readonly structure: CourseStructureService,
    private readonly enrollmentService: EnrollmentsService,
    private readonly loaders: CourseLoaders,
    private readonly outlines: CourseOutlines,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @Query(() => [Course])
  courses(@Context('req') req: ViewerRequest): Promise<Course[]> {
    return this.outlines.catalogue(req);
  }

  @Public()
  @Query(() => Course, { nullable: true })
  course(@Args('slug') slug: string, @Context('req') req: ViewerRequest): Promise<Course | null> {
    return this.outlines.bySlug(req, slug);
  }

  @RequireRoles(Role.ADMIN, Role.TRAINER)
  @Mutation(() => Course)
  createCourse(@Viewer() viewer: User, @Args('input') input: CreateCourseInput): Promise<Course> {
    return this.courseService.create(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Course, { description: "Change a course's title, summary, outcomes, topics, audience, colour or length; its trainers and admins only." })
  updateCourse(
    @Viewer() viewer: User,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('input') input: UpdateCourseInput,
  ): Promise<Course> {
    return this.courseService.update(viewer, courseId, input);
  }

  @SignedIn()
  @Mutation(() => CourseModule)
  addModule(@Viewer() viewer: User, @Args('input') input: AddModuleInput): Promise<CourseModule> {
    return this.courseService.addModule(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Lesson)
  addLesson(@Viewer() viewer: User, @Args('input') input: AddLessonInput): Promise<Lesson> {
    return this.courseService.addLesson(viewer, input);
  }

  @SignedIn()
  @Mutation(() => CourseModule, { description: "Change a module's title, part or opening time." })
  updateModule(
    @Viewer() viewer: User,
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('input') input: UpdateModuleInput,
  ): Promise<CourseModule> {
    return this.courseService.updateModule(viewer, moduleId, input);
  }

  @SignedIn()
  @Mutation(() => Lesson, { description: "Change a lesson's title, text or estimated time." })
  updateLesson(
    @Viewer() viewer: User,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('input') input: UpdateLessonInput,
  ): Promise<Lesson> {
    return this.courseService.updateLesson(viewer, lessonId, input);
  }

  @SignedIn()
  @Mutation(() => CourseModule, { description: 'Remove a lesson; returns its module, whose later lessons move up.' })
  deleteLesson(@Viewer() viewer: User, @Args('lessonId', { type: () => ID }) lessonId: string): Promise<CourseModule> {
    return this.structure.deleteLesson(viewer, lessonId);
  }

  @SignedIn()
  @Mutation(() => Course, { description: 'Remove a module with its lessons; the modules after it move up.' })
  deleteModule(@Viewer() viewer: User, @Args('moduleId', { type: () => ID }) moduleId: string): Promise<Course> {
    return this.structure.deleteModule(viewer, moduleId);
  }

  @SignedIn()
  @Mutation(() => Course, { description: "Put a module at another place (1 = first) in its course's outline." })
  moveModule(
    @Viewer() viewer: User,
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('position', { type: () => Int }) position: number,
  ): Promise<Course> {
    return this.structure.moveModule(viewer, moduleId, position);
  }

  @SignedIn()
  @Mutation(() => Course, { description: 'Put a lesson at another place in its module, or in another module of the course.' })
  moveLesson(@Viewer() viewer: User, @Args('input') input: MoveLessonInput): Promise<Course> {
    return this.structure.moveLesson(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Course, { description: 'Close a published course to new learners; its members keep everything. publishCourse reopens it.' })
  archiveCourse(@Viewer() viewer: User, @Args('courseId', { type: () => ID }) courseId: string): Promise<Course> {
    return this.courseService.archive(viewer, courseId);
  }

  @SignedIn()
  @Mutation(() => Course, { description: 'Open a draft, or an archived course again, to learners.' })
  publishCourse(@Viewer() viewer: User, @Args('courseId', { type: () => ID }) courseId: string): Promise<Course> {
    return this.courseService.publish(viewer, courseId);
  }

  /** The same rendering lessons get, for the editor's preview, so what a trainer sees is what learners get. */
  @SignedIn()
  @RateLimit({ key: 'preview-markdown', points: 120, durationSeconds: 600, per: 'viewer' })
  @Query(() => String, {
    description: 'Sanitized HTML for Markdown, as a lesson body would show it.',
    // Rendering costs by length: a few full-length previews fit in one request, a dozen do not.
    complexity: ({ args }) => 1 + Math.ceil(String(args.source ?? '').length / 100),
  })
  previewMarkdown(
    @Viewer() viewer: User,
    @Args('source') source: string,
    @Args('courseId', { type: () => ID, nullable: true, description: "The lesson's course: its images are shown as in its lessons." }) courseId: string | null,
  ): Promise<string> {
    if (source.length > 200_000) throw badUserInput('source', 'A lesson has at most 200,000 characters.');
    return this.courseService.previewLessonBody(viewer, source, courseId ?? null);
  }

  @ResolveField('modules', () => [CourseModule])
  async modules(course: Course, _args: unknown, { req }: GraphQLContext): Promise<readonly CourseModule[]> {
    return (await this.outlines.of(req, course)).modules;
  }

  @ResolveField('myEnrollment', () => Enrollment, { nullable: true, description: "The viewer's enrolment, if any." })
  myEnrollment(course: Course, _args: unknown, { req }: GraphQLContext): Promise<Enrollment | null> | Enrollment | null {
    if (!req.viewer) return null;
    const held = this.loaders.heldMembership(req, req.viewer.id, course.id);
    return held !== undefined ? held : this.loaders.membership(req, req.viewer.id, course.id);
  }

  @ResolveField('enrollments', () => [Enrollment], { description: "Trainers of this course and admins only." })
  async enrollments(@Parent() course: Course, @Context('req') req: ViewerRequest): Promise<Enrollment[]> {
    const membership = req.viewer ? await this.loaders.membership(req, req.viewer.id, course.id) : null;
    if (!canManageCourse(req.viewer ?? null, membership)) throw forbidden("Only this course's trainers and admins see its members.");
    return this.enrollmentService.ofCourse(course.id);
  }

  @ResolveField('lessonCount', () => Int, { description: 'Lessons in the whole course.' })
  async lessonCount(@Parent() course: Course, @Context('req') req: object): Promise<number> {
    return (await this.outlines.of(req, course)).lessons;
  }

  @ResolveField('estimatedMinutes', () => Int, { description: "The sum of its lessons' estimated minutes (lessons without an estimate add none)." })
  async estimatedMinutes(@Parent() course: Course, @Context('req') req: object): Promise<number> {
    return (await this.outlines.of(req, course)).minutes;
  }

  @ResolveField('color', () => String, {
    description: 'Accent colour as #rrggbb, for the cover pattern: the one chosen for the course, or a calm one derived from its slug.',
  })
  color(@Parent() course: Course): string {
    return courseColor(course);
  }

  @ResolveField('cover', () => CourseCover, { nullable: true, description: 'The cover image, when the course has one.' })
  async cover(@Parent() course: Course, @Context('req') req: object): Promise<CourseCover | null> {
    return (await this.outlines.of(req, course)).cover;
  }

  @ResolveField('trainers', () => [User], { description: 'Who teaches the course, longest-serving first; each shown as the name policy allows.' })
  async trainers(@Parent() course: Course, @Context('req') req: ViewerRequest): Promise<User[]> {
    const users = await Promise.all((await this.loaders.trainerIds(req, course.id)).map((id) => this.accounts.load(req, id)));
    return users.filter((user): user is User => user !== null);
  }

  @ResolveField('enrollmentOpen', () => Boolean, {
    description: 'Whether enrolling is open now: `enroll` succeeds for anyone signed in (and changes nothing for those already in the course).',
  })
  enrollmentOpen(@Parent() course: Course): boolean {
    return isOpenForEnrollment(course);
  }
}

@Resolver(() => CourseModule)
export class ModulesResolver {
  constructor(
    private readonly loaders: CourseLoaders,
    private readonly outlines: CourseOutlines,
    private readonly visibility: CourseVisibility,
    private readonly clock: Clock,
  ) {}

  /** Locked modules list no lessons to learners; `locked` and `lessonCount` still say what is coming. */
  @ResolveField('lessons', () => [Lesson])
  lessons(module: CourseModule, _args: unknown, { req }: GraphQLContext): readonly Lesson[] | Promise<readonly Lesson[]> {
    return this.outlines.readableLessons(req, module, this.clock.now());
  }

  @ResolveField('locked', () => Boolean, { description: 'True until opensAt: learners cannot read its lessons yet.' })
  locked(module: CourseModule): boolean {
    return isModuleLocked(module, this.clock.now());
  }

  @ResolveField('lessonCount', () => Int)
  async lessonCount(@Parent() module: CourseModule, @Context('req') req: ViewerRequest): Promise<number> {
    return (await this.outlines.lessonsOf(req, module)).length;
  }

  @ResolveField('course', () => Course)
  course(@Parent() module: CourseModule, @Context('req') req: ViewerRequest): Promise<Course> {
    return this.visibility.require(req, module.courseId);
  }
}

@Resolver(() => Lesson)
export class LessonsResolver {
  constructor(
    private readonly loaders: CourseLoaders,
    private readonly courses: CoursesService,
    private readonly clock: Clock,
  ) {}

  /** One lesson, for the reader; null when the viewer may not read it (yet). */
  @Public()
  @Query(() => Lesson, { nullable: true })
  lesson(@Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<Lesson | null> {
    return this.courses.readableLesson(req.viewer ?? null, id, this.clock.now());
  }

  @ResolveField('body', () => String, { description: 'Markdown source.' })
  async body(@Parent() lesson: Lesson, @Context('req') req: object): Promise<string> {
    return lesson.body ?? (await this.loaders.text(req, lesson.id)).body;
  }

  @ResolveField('bodyHtml', () => String, { description: 'Sanitized HTML rendered from body.' })
  async bodyHtml(@Parent() lesson: Lesson, @Context('req') req: object): Promise<string> {
    return lesson.bodyHtml ?? (await this.loaders.text(req, lesson.id)).bodyHtml;
  }

  @ResolveField('completed', () => Boolean, { description: 'Whether the viewer has completed it.' })
  completed(lesson: Lesson, _args: unknown, { req }: GraphQLContext): Promise<boolean> | boolean {
    return req.viewer ? this.loaders.completed(req, req.viewer.id, lesson.id) : false;
  }

  @ResolveField('module', () => CourseModule)
  async module(@Parent() lesson: Lesson, @Context('req') req: object): Promise<CourseModule> {
    return (await this.loaders.module(req, lesson.moduleId))!;
  }
}
