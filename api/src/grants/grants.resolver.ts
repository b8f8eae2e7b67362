import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, RequireRoles, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { shownAs } from '../accounts/user.policy.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { Course } from '../courses/course.entity.js';
import { MediaAsset } from '../media/media-asset.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { renderMarkdown } from '../platform/common/markdown.js';
import { forbidden, notFound } from '../platform/errors/errors.js';
import { CreateGrantCallInput, SaveGrantApplicationInput, SubmitReviewInput, UpdateGrantCallInput } from './dto/grant.inputs.js';
import { CaseStudy, GrantEligibility, ReviewerAssignment, ReviewerCandidate } from './dto/grant.models.js';
import { ApplicationStatus, GrantApplication } from './grant-application.entity.js';
import { GrantCall, GrantCallStatus, GrantCriterion } from './grant-call.entity.js';
import { GrantLoaders } from './grant-loaders.js';
import { CriterionReviewScore, Review } from './grant-review.entity.js';
import { isAdmin } from './grant.policy.js';
import { GrantsService } from './grants.service.js';

/** A row another row points to; gone only if removed in the middle of this request. */
function found<T>(value: T | null, what: string): T {
  if (value === null) throw notFound(what);
  return value;
}

/** Scores, rankings and who reviews what are for admins alone. */
function adminsOnly(req: ViewerRequest): void {
  if (!isAdmin(req.viewer ?? null)) throw forbidden('Only admins see reviews, scores and reviewers.');
}

@Resolver(() => GrantCall)
export class GrantCallsResolver {
  constructor(
    private readonly grants: GrantsService,
    private readonly loaders: GrantLoaders,
    private readonly visibility: CourseVisibility,
  ) {}

  @Public()
  @Query(() => [GrantCall], { description: 'Opened calls; admins see drafts too.' })
  grantCalls(@Context('req') req: ViewerRequest): Promise<GrantCall[]> {
    return this.grants.calls(req.viewer ?? null);
  }

  @Public()
  @Query(() => GrantCall, { nullable: true })
  grantCall(@Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<GrantCall | null> {
    return this.grants.call(req, id);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => GrantCall)
  createGrantCall(@Viewer() viewer: User, @Args('input') input: CreateGrantCallInput): Promise<GrantCall> {
    return this.grants.createCall(viewer, input);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => GrantCall, { description: 'DRAFT calls only (CONFLICT once open); the fields given change.' })
  updateGrantCall(@Viewer() viewer: User, @Args('input') input: UpdateGrantCallInput): Promise<GrantCall> {
    return this.grants.updateCall(viewer, input);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => GrantCall)
  openGrantCall(@Args('callId', { type: () => ID }) callId: string): Promise<GrantCall> {
    return this.grants.openCall(callId);
  }

  @ResolveField('descriptionHtml', () => String, { description: 'Sanitized HTML rendered from description, as a lesson body is.' })
  descriptionHtml(@Parent() call: GrantCall): string {
    return renderMarkdown(call.description);
  }

  @ResolveField('status', () => GrantCallStatus)
  status(@Parent() call: GrantCall, @Context('req') req: object): Promise<GrantCallStatus> {
    return this.grants.status(req, call);
  }

  @ResolveField('criteria', () => [GrantCriterion])
  criteria(@Parent() call: GrantCall, @Context('req') req: object): Promise<GrantCriterion[]> {
    return this.loaders.criteria(req, call.id);
  }

  @ResolveField('applications', () => [GrantApplication], {
    description: 'Admins see all; reviewers see those assigned to them without a conflict; applicants their own.',
  })
  applications(@Parent() call: GrantCall, @Context('req') req: ViewerRequest): Promise<GrantApplication[]> {
    return this.grants.applicationsOfCall(req, call);
  }

  @ResolveField('requiredCourse', () => Course, {
    nullable: true,
    description: "Applicants' organizations need a member who completed this course; null = no such condition.",
  })
  requiredCourse(@Parent() call: GrantCall, @Context('req') req: ViewerRequest): Promise<Course | null> | null {
    return call.requiredCourseId ? this.visibility.load(req, call.requiredCourseId) : null;
  }

  @ResolveField('myEligibility', () => GrantEligibility, { description: 'Whether the viewer can apply now, and for which of their organizations; reason when not (a sentence).' })
  myEligibility(@Parent() call: GrantCall, @Context('req') req: ViewerRequest): Promise<GrantEligibility> {
    return this.grants.myEligibility(req, call);
  }

  @ResolveField('myApplications', () => [GrantApplication], { description: "The viewer's organizations' applications to this call (drafts included)." })
  myApplications(@Parent() call: GrantCall, @Context('req') req: ViewerRequest): Promise<GrantApplication[]> {
    return this.grants.myApplicationsOfCall(req, call);
  }
}

@Resolver(() => GrantApplication)
export class GrantApplicationsResolver {
  constructor(
    private readonly grants: GrantsService,
    private readonly loaders: GrantLoaders,
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Query(() => GrantApplication, { nullable: true, description: 'Null when the viewer may not see it (a reviewer with a conflict, anyone else).' })
  grantApplication(@Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<GrantApplication | null> {
    return this.grants.visibleApplication(req, id);
  }

  @SignedIn()
  @Query(() => [GrantApplication], { description: 'Applications assigned to the viewer as reviewer, without a declared conflict.' })
  myReviewQueue(@Viewer() viewer: User): Promise<GrantApplication[]> {
    return this.grants.reviewQueue(viewer);
  }

  @SignedIn()
  @Query(() => [GrantApplication], { description: "Applications of the viewer's organizations, every call." })
  myGrantApplications(@Viewer() viewer: User): Promise<GrantApplication[]> {
    return this.grants.myApplications(viewer);
  }

  @RequireRoles(Role.ADMIN)
  @Query(() => [ReviewerCandidate], { description: 'Admins only: REVIEWER-role people for this application, with the conflict the server would refuse.' })
  reviewerCandidates(@Args('applicationId', { type: () => ID }) applicationId: string): Promise<ReviewerCandidate[]> {
    return this.grants.candidates(applicationId);
  }

  @SignedIn()
  @Mutation(() => GrantApplication, { description: "Saves the organization's one application to the call (its draft); CONFLICT once submitted." })
  saveGrantApplication(@Viewer() viewer: User, @Args('input') input: SaveGrantApplicationInput): Promise<GrantApplication> {
    return this.grants.save(viewer, input);
  }

  @SignedIn()
  @Mutation(() => GrantApplication)
  submitGrantApplication(@Viewer() viewer: User, @Args('applicationId', { type: () => ID }) applicationId: string): Promise<GrantApplication> {
    return this.grants.submit(viewer, applicationId);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => GrantApplication)
  assignReviewer(
    @Viewer() viewer: User,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('reviewerId', { type: () => ID }) reviewerId: string,
  ): Promise<GrantApplication> {
    return this.grants.assignReviewer(viewer, applicationId, reviewerId);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => GrantApplication, { description: 'Admins only; only before the reviewer has submitted.' })
  unassignReviewer(
    @Viewer() viewer: User,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('reviewerId', { type: () => ID }) reviewerId: string,
  ): Promise<GrantApplication> {
    return this.grants.unassignReviewer(viewer, applicationId, reviewerId);
  }

  @SignedIn()
  @Mutation(() => Boolean)
  declareConflict(
    @Viewer() viewer: User,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('reason') reason: string,
  ): Promise<boolean> {
    return this.grants.declareConflict(viewer, applicationId, reason);
  }

  @SignedIn()
  @Mutation(() => Review)
  submitReview(@Viewer() viewer: User, @Args('input') input: SubmitReviewInput): Promise<Review> {
    return this.grants.submitReview(viewer, input);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => GrantApplication)
  decideApplication(
    @Viewer() viewer: User,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('status', { type: () => ApplicationStatus }) status: ApplicationStatus,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<GrantApplication> {
    return this.grants.decide(viewer, applicationId, status, message);
  }

  @ResolveField('call', () => GrantCall)
  async call(@Parent() application: GrantApplication, @Context('req') req: object): Promise<GrantCall> {
    return found(await this.loaders.call(req, application.callId), 'That call');
  }

  @ResolveField('organization', () => Organization)
  async organization(@Parent() application: GrantApplication, @Context('req') req: object): Promise<Organization> {
    return found(await this.organizations.load(req, application.organizationId), 'That organization');
  }

  @ResolveField('applicant', () => User, { description: "Who started it. Reviewers see it blind (the name policy's BLIND_REVIEW): no name, email or id, only country and organization." })
  async applicant(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<User> {
    const [person, relation] = await Promise.all([this.accounts.load(req, application.applicantId), this.grants.relation(req, application)]);
    const applicant = found(person, 'That person');
    return relation === 'admin' || relation === 'member' ? applicant : shownAs(applicant, 'BLIND_REVIEW', application.id);
  }

  @ResolveField('video', () => MediaAsset, { nullable: true })
  video(@Parent() application: GrantApplication, @Context('req') req: object): Promise<MediaAsset | null> | null {
    return application.videoId ? this.loaders.video(req, application.videoId) : null;
  }

  @ResolveField('budgetTotal', () => Float)
  budgetTotal(@Parent() application: GrantApplication): number {
    return application.budgetLines.reduce((sum, line) => sum + line.amount, 0);
  }

  @ResolveField('decisionMessage', () => String, { nullable: true, description: "Message sent with the decision; the applicant's organization members and admins." })
  async decisionMessage(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<string | null> {
    const relation = await this.grants.relation(req, application);
    return relation === 'admin' || relation === 'member' ? application.decisionMessage : null;
  }

  @ResolveField('reviews', () => [Review], { description: 'Admins only.' })
  reviews(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<Review[]> {
    adminsOnly(req);
    return this.loaders.reviews(req, application.id);
  }

  @ResolveField('myReview', () => Review, { nullable: true, description: "The viewer's own review, for an assigned reviewer." })
  async myReview(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<Review | null> {
    if (!req.viewer || (await this.grants.relation(req, application)) === 'none') return null;
    return this.loaders.myReview(req, req.viewer.id, application.id);
  }

  @ResolveField('averageScore', () => Float, { nullable: true, description: 'Mean weighted score of submitted reviews; admins only.' })
  async averageScore(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<number | null> {
    adminsOnly(req);
    return (await this.loaders.scores(req, application.id)).averageScore;
  }

  @ResolveField('normalizedScore', () => Float, {
    nullable: true,
    description: "Mean of the reviewers' z-scores (each reviewer's scores standardised over the call); admins only.",
  })
  async normalizedScore(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<number | null> {
    adminsOnly(req);
    return (await this.loaders.scores(req, application.id)).normalizedScore;
  }

  @ResolveField('reviewCount', () => Int, { description: 'Admins only: number of submitted reviews.' })
  async reviewCount(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<number> {
    adminsOnly(req);
    return (await this.loaders.scores(req, application.id)).reviewCount;
  }

  @ResolveField('scoreSpread', () => Float, { nullable: true, description: "Admins only: max − min of submitted reviews' weightedScore; null with fewer than 2." })
  async scoreSpread(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<number | null> {
    adminsOnly(req);
    return (await this.loaders.scores(req, application.id)).scoreSpread;
  }

  @ResolveField('needsMoreReviews', () => Boolean, { description: "Admins only: fewer submitted reviews than the call's reviewsWanted." })
  async needsMoreReviews(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<boolean> {
    adminsOnly(req);
    const [scores, call] = await Promise.all([this.loaders.scores(req, application.id), this.loaders.call(req, application.callId)]);
    return scores.reviewCount < (call?.reviewsWanted ?? 0);
  }

  @ResolveField('reviewerAssignments', () => [ReviewerAssignment], { description: 'Admins only: who reviews it (assigned reviewers, with whether they submitted).' })
  async reviewerAssignments(@Parent() application: GrantApplication, @Context('req') req: ViewerRequest): Promise<ReviewerAssignment[]> {
    adminsOnly(req);
    const [assignments, reviews] = await Promise.all([this.loaders.assignments(req, application.id), this.loaders.reviews(req, application.id)]);
    const users = await Promise.all(assignments.map((a) => this.accounts.load(req, a.reviewerId)));
    return assignments.flatMap((a, i) => {
      const reviewer = users[i];
      return reviewer ? [{ reviewer, assignedAt: a.assignedAt, submitted: reviews.some((r) => r.reviewerId === a.reviewerId && !!r.submittedAt) }] : [];
    });
  }
}

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(
    private readonly loaders: GrantLoaders,
    private readonly accounts: AccountsService,
  ) {}

  @ResolveField('reviewer', () => User)
  async reviewer(@Parent() review: Review, @Context('req') req: object): Promise<User> {
    return found(await this.accounts.load(req, review.reviewerId), 'That person');
  }

  @ResolveField('scores', () => [CriterionReviewScore])
  scores(@Parent() review: Review, @Context('req') req: object): Promise<CriterionReviewScore[]> {
    return this.loaders.reviewScores(req, review.id);
  }
}

@Resolver(() => CaseStudy)
export class CaseStudiesResolver {
  constructor(private readonly grants: GrantsService) {}

  @Public()
  @Query(() => [CaseStudy], { description: 'Public (no sign-in): awarded applications with public consent whose video is READY.' })
  caseStudies(): Promise<CaseStudy[]> {
    return this.grants.caseStudies();
  }
}
