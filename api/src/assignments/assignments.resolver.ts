import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { User } from '../accounts/user.entity.js';
import { CourseLoaders } from '../courses/course-loaders.js';
import { CourseModule } from '../courses/course-module.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { canReadLessons } from '../courses/course.policy.js';
import { Course } from '../courses/course.entity.js';
import { MediaAsset } from '../media/media-asset.entity.js';
import { Clock } from '../platform/common/clock.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { forbidden, notFound } from '../platform/errors/errors.js';
import { AssignmentLoaders } from './assignment-loaders.js';
import { Assignment, RubricCriterion } from './assignment.entity.js';
import { canGrade, canReadSharedWork, isLate, visibleGrade } from './assignment.policy.js';
import { AssignmentsService } from './assignments.service.js';
import { CreateAssignmentInput, GradeSubmissionInput, SubmissionArgs, UpdateAssignmentInput } from './dto/assignment.inputs.js';
import { Gradebook, GradebookRow } from './dto/gradebook.model.js';
import { GradingService } from './grading.service.js';
import { CriterionScore, Grade, Submission } from './submission.entity.js';
import { SubmissionsService } from './submissions.service.js';

/** A row another row points to; gone only if removed in the middle of this request. */
function found<T>(value: T | null, what: string): T {
  if (value === null) throw notFound(what);
  return value;
}

@Resolver(() => Assignment)
export class AssignmentsResolver {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly submissions: SubmissionsService,
    private readonly grading: GradingService,
    private readonly loaders: AssignmentLoaders,
    private readonly courseLoaders: CourseLoaders,
    private readonly visibility: CourseVisibility,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Query(() => Assignment, { nullable: true, description: 'Null when its course is not visible to the viewer.' })
  assignment(@Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<Assignment | null> {
    return this.assignments.visible(req, id);
  }

  @SignedIn()
  @Mutation(() => Assignment)
  createAssignment(@Viewer() viewer: User, @Args('input') input: CreateAssignmentInput): Promise<Assignment> {
    return this.assignments.create(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Assignment, { description: 'Change the fields given; a rubric change once any submission is graded is CONFLICT (field rubric).' })
  updateAssignment(@Viewer() viewer: User, @Args('input') input: UpdateAssignmentInput): Promise<Assignment> {
    return this.assignments.update(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Remove an assignment; CONFLICT once work has been handed in for it.' })
  deleteAssignment(@Viewer() viewer: User, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.assignments.delete(viewer, id);
  }

  @SignedIn()
  // Autosave every few seconds stays far below this; each save renders up to 100,000 characters.
  @RateLimit({ key: 'save-submission', points: 600, durationSeconds: 600, per: 'viewer', message: 'Saving too often: wait {wait} and save again.' })
  @Mutation(() => Submission, { description: 'expectedVersion: the version the writer started from; a newer save by someone else gives CONFLICT.' })
  saveSubmissionDraft(@Viewer() viewer: User, @Args() change: SubmissionArgs): Promise<Submission> {
    return this.submissions.saveDraft(viewer, change);
  }

  @SignedIn()
  @RateLimit({ key: 'save-submission', points: 600, durationSeconds: 600, per: 'viewer', message: 'Saving too often: wait {wait} and save again.' })
  @Mutation(() => Submission, { description: 'Hand the work in; it changes again only if a trainer returns it.' })
  submitAssignment(@Viewer() viewer: User, @Args() change: SubmissionArgs): Promise<Submission> {
    return this.submissions.submit(viewer, change);
  }

  @SignedIn()
  @Mutation(() => Submission)
  gradeSubmission(@Viewer() viewer: User, @Args('input') input: GradeSubmissionInput): Promise<Submission> {
    return this.grading.grade(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Int)
  releaseGrades(@Viewer() viewer: User, @Args('assignmentId', { type: () => ID }) assignmentId: string): Promise<number> {
    return this.grading.release(viewer, assignmentId);
  }

  @SignedIn()
  @Mutation(() => Submission, { description: 'Back to the learner (or group) for revision; they are notified and may submit again.' })
  returnSubmission(
    @Viewer() viewer: User,
    @Args('submissionId', { type: () => ID }) submissionId: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
  ): Promise<Submission> {
    return this.grading.returnForRevision(viewer, submissionId, comment);
  }

  @SignedIn()
  @Query(() => Submission, {
    nullable: true,
    description: "One piece of handed-in work (submitted or graded), for its course's trainers and admins to grade it again; null when there is none.",
  })
  submissionToGrade(@Viewer() viewer: User, @Args('id', { type: () => ID }) id: string): Promise<Submission | null> {
    return this.grading.toGrade(viewer, id);
  }

  @SignedIn()
  @Query(() => [Submission], { description: 'Ungraded submitted work of a course, oldest first; the course\'s trainers and admins.' })
  gradingQueue(
    @Viewer() viewer: User,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('group', { type: () => String, nullable: true }) group: string | null,
  ): Promise<Submission[]> {
    return this.grading.queue(viewer, courseId, group);
  }

  @ResolveField('course', () => Course)
  course(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<Course> {
    return this.visibility.require(req, assignment.courseId);
  }

  @ResolveField('module', () => CourseModule, { nullable: true, description: 'The week it belongs to.' })
  module(@Parent() assignment: Assignment, @Context('req') req: object): Promise<CourseModule | null> | null {
    return assignment.moduleId ? this.courseLoaders.module(req, assignment.moduleId) : null;
  }

  @ResolveField('locked', () => Boolean, { description: 'Its week is not open yet for the viewer: learners cannot read, save or submit it.' })
  async locked(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<boolean> {
    return !(await this.readable(assignment, req));
  }

  @ResolveField('instructions', () => String, { description: 'Markdown source; empty for learners while its week is locked.' })
  async instructions(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<string> {
    return (await this.readable(assignment, req)) ? assignment.instructions : '';
  }

  @ResolveField('instructionsHtml', () => String, { description: 'Sanitized HTML rendered from instructions; empty while locked.' })
  async instructionsHtml(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<string> {
    return (await this.readable(assignment, req)) ? assignment.instructionsHtml : '';
  }

  @ResolveField('rubric', () => [RubricCriterion])
  rubric(@Parent() assignment: Assignment, @Context('req') req: object): Promise<RubricCriterion[]> {
    return this.loaders.rubric(req, assignment.id);
  }

  @ResolveField('maxPoints', () => Float, { description: 'The sum of its criteria\'s maxPoints.' })
  async maxPoints(@Parent() assignment: Assignment, @Context('req') req: object): Promise<number> {
    return (await this.loaders.rubric(req, assignment.id)).reduce((sum, c) => sum + c.maxPoints, 0);
  }

  @ResolveField('mySubmission', () => Submission, { nullable: true, description: "The viewer's own submission (their group's, for group work)." })
  mySubmission(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<Submission | null> | null {
    return req.viewer ? this.loaders.mine(req, req.viewer.id, assignment.id) : null;
  }

  @ResolveField('submissions', () => [Submission], { description: 'Trainers of the course and admins only.' })
  async allSubmissions(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<Submission[]> {
    if (!canGrade(req.viewer ?? null, await this.membership(req, assignment.courseId))) {
      throw forbidden("Only this course's trainers and admins see everyone's work.");
    }
    return this.loaders.submissions(req, assignment.id);
  }

  @ResolveField('sharedSubmissions', () => [Submission], {
    description: 'Submitted work of the cohort when shareWithCohort; members of the course only. Grades never included.',
  })
  async sharedSubmissions(@Parent() assignment: Assignment, @Context('req') req: ViewerRequest): Promise<Submission[]> {
    if (!canReadSharedWork(req.viewer ?? null, await this.membership(req, assignment.courseId))) {
      throw forbidden("Only this course's members read the work its cohort shares.");
    }
    if (!assignment.shareWithCohort) return [];
    return (await this.loaders.submitted(req, assignment.id)).map((s) =>
      Object.assign(Object.create(Object.getPrototypeOf(s)), s, { sharedView: true, returnComment: null }),
    );
  }

  /** Learners read an assignment once its week is open; those who run the course always. */
  private async readable(assignment: Assignment, req: ViewerRequest): Promise<boolean> {
    if (!assignment.moduleId) return true;
    const [module, membership] = await Promise.all([this.courseLoaders.module(req, assignment.moduleId), this.membership(req, assignment.courseId)]);
    return !module || canReadLessons(req.viewer ?? null, module, membership, this.clock.now());
  }

  private membership(req: ViewerRequest, courseId: string) {
    return req.viewer ? this.courseLoaders.membership(req, req.viewer.id, courseId) : Promise.resolve(null);
  }
}

@Resolver(() => Submission)
export class SubmissionsResolver {
  constructor(
    private readonly loaders: AssignmentLoaders,
    private readonly courseLoaders: CourseLoaders,
    private readonly accounts: AccountsService,
  ) {}

  @ResolveField('assignment', () => Assignment)
  async assignment(@Parent() submission: Submission, @Context('req') req: object): Promise<Assignment> {
    return found(await this.loaders.assignment(req, submission.assignmentId), 'That assignment');
  }

  @ResolveField('learner', () => User, { description: 'Who submitted it (for group work, the member who pressed submit).' })
  async learner(@Parent() submission: Submission, @Context('req') req: object): Promise<User> {
    return found(await this.accounts.load(req, submission.learnerId), 'That person');
  }

  @ResolveField('lastEditor', () => User, { nullable: true, description: 'Who saved it last (group work: which member).' })
  lastEditor(@Parent() submission: Submission, @Context('req') req: object): Promise<User | null> | null {
    return submission.lastEditorId ? this.accounts.load(req, submission.lastEditorId) : null;
  }

  @ResolveField('contributors', () => [User], { description: 'Everyone who has edited it, in the order they first did.' })
  async contributors(@Parent() submission: Submission, @Context('req') req: object): Promise<User[]> {
    const users = await Promise.all((await this.loaders.contributorIds(req, submission.id)).map((id) => this.accounts.load(req, id)));
    return users.filter((user): user is User => user !== null);
  }

  @ResolveField('attachments', () => [MediaAsset])
  attachments(@Parent() submission: Submission, @Context('req') req: object): Promise<MediaAsset[]> {
    return this.loaders.attachments(req, submission.id);
  }

  @ResolveField('late', () => Boolean, { description: 'Handed in after the due time.' })
  async late(@Parent() submission: Submission, @Context('req') req: object): Promise<boolean> {
    const assignment = await this.loaders.assignment(req, submission.assignmentId);
    return !!assignment && isLate(assignment, submission);
  }

  @ResolveField('grade', () => Grade, { nullable: true, description: 'Null for the learner until released; never in shared work.' })
  async grade(@Parent() submission: Submission, @Context('req') req: ViewerRequest): Promise<Grade | null> {
    if (submission.sharedView) return null;
    const assignment = await this.loaders.assignment(req, submission.assignmentId);
    if (!assignment) return null;
    const viewer = req.viewer ?? null;
    const [grade, membership] = await Promise.all([
      this.loaders.grade(req, submission.id),
      viewer ? this.courseLoaders.membership(req, viewer.id, assignment.courseId) : null,
    ]);
    return visibleGrade(grade, viewer, membership, assignment, submission);
  }
}

@Resolver(() => Grade)
export class GradesResolver {
  constructor(
    private readonly loaders: AssignmentLoaders,
    private readonly accounts: AccountsService,
  ) {}

  @ResolveField('criterionScores', () => [CriterionScore])
  criterionScores(@Parent() grade: Grade, @Context('req') req: object): Promise<CriterionScore[]> {
    return this.loaders.criterionScores(req, grade.submissionId);
  }

  @ResolveField('grader', () => User)
  async grader(@Parent() grade: Grade, @Context('req') req: object): Promise<User> {
    return found(await this.accounts.load(req, grade.graderId), 'That person');
  }
}

/** Assignments add `assignments` to courses, in the order of the outline. */
@Resolver(() => Course)
export class CourseAssignmentsResolver {
  constructor(private readonly loaders: AssignmentLoaders) {}

  @ResolveField('assignments', () => [Assignment])
  assignments(@Parent() course: Course, @Context('req') req: object): Promise<Assignment[]> {
    return this.loaders.ofCourse(req, course.id);
  }
}

@Resolver(() => Gradebook)
export class GradebookResolver {
  constructor(private readonly grading: GradingService) {}

  @SignedIn()
  @Query(() => Gradebook, { description: "Learners × assignments of a course; its trainers and admins only." })
  gradebook(@Viewer() viewer: User, @Args('courseId', { type: () => ID }) courseId: string): Promise<Gradebook> {
    return this.grading.gradebook(viewer, courseId);
  }
}

@Resolver(() => GradebookRow)
export class GradebookRowsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField('learner', () => User)
  async learner(@Parent() row: GradebookRow, @Context('req') req: object): Promise<User> {
    return found(await this.accounts.load(req, row.learnerId), 'That person');
  }
}
