import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import { User } from '../accounts/user.entity.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { MediaAsset, MediaPurpose, MediaStatus } from '../media/media-asset.entity.js';
import { catalogueFor } from '../notifications/messages.js';
import { type NotificationMessage, NotificationsService } from '../notifications/notifications.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { Clock } from '../platform/common/clock.js';
import { returnedRows } from '../platform/database/returning.js';
import { badUserInput, conflict, forbidden, notFound } from '../platform/errors/errors.js';
import { multiLineArg } from '../platform/input/validators.js';
import { type CreateGrantCallInput, GRANT_LIMITS, type GrantCriterionInput, type SaveGrantApplicationInput, type SubmitReviewInput, type UpdateGrantCallInput } from './dto/grant.inputs.js';
import { type CaseStudy, type GrantEligibility, type ReviewerCandidate, ReviewerConflictKind } from './dto/grant.models.js';
import { ApplicationStatus, GrantApplication, GrantConflict, GrantReviewerAssignment } from './grant-application.entity.js';
import { GrantCall, GrantCriterion, GrantCallStatus } from './grant-call.entity.js';
import { GrantLoaders } from './grant-loaders.js';
import { Review } from './grant-review.entity.js';
import { callStatus, callTimeFor, canSeeCall, isAdmin, isDecided, isReviewer, isSubmitted, relationTo, reviewsWithoutConflictSql, weightedScore } from './grant.policy.js';

/** Why the viewer may not apply to a call now, or the organization they apply for. */
type Eligibility = { organization: Organization; reason: null } | { organization: Organization | null; reason: string; field: string; code: 'CONFLICT' | 'BAD_USER_INPUT' };

/** Where the web app shows an application: to its organization's members, to its reviewers and to admins. */
export const applicationLink = (applicationId: string) => `/grants/applications/${applicationId}`;

/**
 * Small grants: admins run calls, members of organizations apply, reviewers review blind and free of
 * conflicts, admins decide. Rules are grant.policy.ts's; each change is one transaction with its audit
 * record and notifications (through the outbox).
 */
@Injectable()
export class GrantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: GrantLoaders,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly visibility: CourseVisibility,
    private readonly organizations: OrganizationsService,
  ) {}

  // ---------- calls ----------

  /** Admins see every call; everyone else the opened ones. Newest closing first. */
  calls(viewer: User | null): Promise<GrantCall[]> {
    const query = this.db.getRepository(GrantCall).createQueryBuilder('c').orderBy('c.closes_at', 'DESC').addOrderBy('c.id');
    if (!isAdmin(viewer)) query.where('c.opened_at IS NOT NULL');
    return query.getMany();
  }

  async call(req: ViewerRequest, id: string): Promise<GrantCall | null> {
    const call = isUUID(id) ? await this.loaders.call(req, id) : null;
    return call && canSeeCall(req.viewer ?? null, call) ? call : null;
  }

  async status(req: object, call: GrantCall): Promise<GrantCallStatus> {
    const decisions = call.openedAt && this.clock.now() >= call.closesAt ? await this.loaders.decisions(req, call.id) : { submitted: 0, decided: 0 };
    return callStatus(call, this.clock.now(), decisions);
  }

  async createCall(viewer: User, input: CreateGrantCallInput): Promise<GrantCall> {
    this.assertDates(input.opensAt, input.closesAt);
    return this.db.transaction(async (tx) => {
      if (input.requiredCourseId) await this.assertCourse(tx, viewer, input.requiredCourseId);
      const call = await tx.save(
        tx.create(GrantCall, {
          title: input.title,
          description: input.description,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          timeZone: input.timeZone ?? 'UTC',
          openedAt: null,
          eligibleOrganizationKinds: [...new Set(input.eligibleOrganizationKinds ?? [])],
          requiredCourseId: input.requiredCourseId ?? null,
          reviewsWanted: input.reviewsWanted ?? 2,
          createdBy: viewer.id,
        }),
      );
      await this.writeCriteria(tx, call.id, input.criteria);
      return call;
    });
  }

  async updateCall(viewer: User, input: UpdateGrantCallInput): Promise<GrantCall> {
    return this.db.transaction(async (tx) => {
      const call = await this.lockCall(tx, input.callId);
      if (call.openedAt) throw conflict('This call is open: its terms can no longer change.');
      const opensAt = input.opensAt ?? call.opensAt;
      const closesAt = input.closesAt ?? call.closesAt;
      this.assertDates(opensAt, closesAt);
      if (input.requiredCourseId) await this.assertCourse(tx, viewer, input.requiredCourseId);
      Object.assign(call, {
        opensAt,
        closesAt,
        ...(input.title && { title: input.title }),
        ...(input.description && { description: input.description }),
        ...(input.timeZone && { timeZone: input.timeZone }),
        ...(input.eligibleOrganizationKinds && { eligibleOrganizationKinds: [...new Set(input.eligibleOrganizationKinds)] }),
        ...(input.requiredCourseId !== undefined && { requiredCourseId: input.requiredCourseId }),
        ...(input.reviewsWanted != null && { reviewsWanted: input.reviewsWanted }),
      });
      const saved = await tx.save(call);
      if (input.criteria) await this.writeCriteria(tx, call.id, input.criteria);
      return saved;
    });
  }

  /** Opens a draft call to applications (again: no change). A call whose closing time has passed cannot open. */
  async openCall(callId: string): Promise<GrantCall> {
    return this.db.transaction(async (tx) => {
      const call = await this.lockCall(tx, callId);
      if (call.openedAt) return call;
      if (call.closesAt <= this.clock.now()) throw conflict('This call closes in the past: move its closing time first.', 'closesAt');
      call.openedAt = this.clock.now();
      return tx.save(call);
    });
  }

  // ---------- eligibility and applications ----------

  /** Whether the viewer may apply to the call now, for their organization; the reason when not. */
  async eligibility(viewer: User | null, call: GrantCall, manager: EntityManager, organization: Organization | null): Promise<Eligibility> {
    const now = this.clock.now();
    if (!call.openedAt) return { organization, reason: 'This call is not open yet.', field: 'callId', code: 'CONFLICT' };
    if (now < call.opensAt) {
      return { organization, reason: `This call opens ${callTimeFor(viewer, call.opensAt, call.timeZone)}.`, field: 'callId', code: 'CONFLICT' };
    }
    if (now >= call.closesAt) {
      return { organization, reason: `This call closed ${callTimeFor(viewer, call.closesAt, call.timeZone)}.`, field: 'callId', code: 'CONFLICT' };
    }
    if (!organization) {
      return { organization, reason: 'Applications are made for an organization: join yours in your profile first.', field: 'organizationId', code: 'BAD_USER_INPUT' };
    }
    const kinds = call.eligibleOrganizationKinds;
    if (kinds.length && !kinds.includes(organization.kind)) {
      return {
        organization,
        reason: `This call is open to ${kinds.join(', ')} organizations; ${organization.name} is registered as ${organization.kind}.`,
        field: 'organizationId',
        code: 'BAD_USER_INPUT',
      };
    }
    if (call.requiredCourseId) {
      const [done] = await manager.query(
        `SELECT 1 FROM enrollment e JOIN app_user u ON u.id = e.user_id
         WHERE e.course_id = $1 AND e.status = 'COMPLETED' AND u.organization_id = $2 AND u.deleted_at IS NULL LIMIT 1`,
        [call.requiredCourseId, organization.id],
      );
      if (!done) {
        const course = (await this.visibility.find(manager, viewer, call.requiredCourseId))?.course;
        return {
          organization,
          reason: course
            ? `Someone in ${organization.name} must first complete the course "${course.title}".`
            : `Someone in ${organization.name} must first complete the course this call requires.`,
          field: 'organizationId',
          code: 'BAD_USER_INPUT',
        };
      }
    }
    return { organization, reason: null };
  }

  async myEligibility(req: ViewerRequest, call: GrantCall): Promise<GrantEligibility> {
    const viewer = req.viewer ?? null;
    if (!viewer) return { canApply: false, reason: 'Log in to apply.', organizations: [] };
    // One look-up of the viewer's organization for a whole list of calls.
    const organization = viewer.organizationId ? await this.organizations.load(req, viewer.organizationId) : null;
    const e = await this.eligibility(viewer, call, this.db.manager, organization);
    return { canApply: e.reason === null, reason: e.reason, organizations: e.reason === null ? [e.organization] : [] };
  }

  /**
   * Saves the organization's application to the call: the first save by any member creates it, later
   * ones (by any member) change it while it is a draft. One row per organization and call whatever the
   * concurrency: the unique constraint decides, and the loser updates the winner's row.
   */
  async save(viewer: User, input: SaveGrantApplicationInput): Promise<GrantApplication> {
    return this.db.transaction(async (tx) => {
      const call = await this.visibleCallIn(tx, viewer, input.callId);
      await this.assertMayApply(tx, viewer, call, input.organizationId);
      if (input.videoId) await this.assertVideo(tx, input.videoId, input.organizationId, false);
      const given = (value: unknown) => value !== undefined && value !== null;
      const budgetLines = input.budgetLines?.map((line) => ({ description: line.description, amount: line.amount })) ?? null;
      const upsert = () =>
        tx.query(
          `INSERT INTO grant_application (call_id, organization_id, applicant_id, title, summary, video_id, currency, budget_lines, public_consent, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::jsonb, '[]'), coalesce($9, false), 'DRAFT')
           ON CONFLICT ON CONSTRAINT grant_application_one_per_organization DO UPDATE SET
             title = EXCLUDED.title,
             summary = EXCLUDED.summary,
             video_id = CASE WHEN $10 THEN EXCLUDED.video_id ELSE grant_application.video_id END,
             currency = CASE WHEN $11 THEN EXCLUDED.currency ELSE grant_application.currency END,
             budget_lines = coalesce($8::jsonb, grant_application.budget_lines),
             public_consent = coalesce($9, grant_application.public_consent),
             updated_at = now()
           WHERE grant_application.status = 'DRAFT'
           RETURNING id`,
          [
            call.id,
            input.organizationId,
            viewer.id,
            input.title,
            input.summary,
            input.videoId ?? null,
            input.currency ?? null,
            budgetLines ? JSON.stringify(budgetLines) : null,
            input.publicConsent ?? null,
            input.videoId !== undefined,
            given(input.currency),
          ],
        ) as Promise<{ id: string }[]>;
      // Two first saves at once: the unique constraint makes the second wait, then update the first's row.
      const rows = await upsert();
      if (rows.length === 0) throw conflict("Your organization's application to this call is submitted: it can no longer change.");
      return tx.findOneByOrFail(GrantApplication, { id: rows[0].id });
    });
  }

  /** Hands the application in: it is then frozen. Title, summary, a budget with its currency and a video are needed. */
  async submit(viewer: User, applicationId: string): Promise<GrantApplication> {
    return this.db.transaction(async (tx) => {
      const application = await this.lockApplication(tx, applicationId);
      if (viewer.organizationId !== application.organizationId) {
        if (isAdmin(viewer)) throw forbidden('Only members of the applicant organization submit its application.');
        throw notFound('That application');
      }
      if (application.status !== ApplicationStatus.DRAFT) throw conflict('This application is already submitted.');
      const call = await tx.findOneByOrFail(GrantCall, { id: application.callId });
      await this.assertMayApply(tx, viewer, call, application.organizationId);
      if (!application.title) throw badUserInput('title', 'Give the application a title before submitting.');
      if (!application.summary) throw badUserInput('summary', 'Write a summary before submitting.');
      if (application.budgetLines.length === 0) throw badUserInput('budgetLines', 'Add at least one budget line before submitting.');
      if (!application.currency) throw badUserInput('currency', 'Say which currency the budget is in before submitting.');
      if (!application.videoId) throw badUserInput('videoId', 'Add your documentary video before submitting.');
      await this.assertVideo(tx, application.videoId, application.organizationId, true);
      Object.assign(application, { status: ApplicationStatus.SUBMITTED, submittedAt: this.clock.now() });
      await tx.update(GrantApplication, { id: application.id }, { status: application.status, submittedAt: application.submittedAt });
      return application;
    });
  }

  /** An application the viewer may see (grant.policy.ts relationTo), or null. */
  async visibleApplication(req: ViewerRequest, id: string): Promise<GrantApplication | null> {
    const application = isUUID(id) ? await this.loaders.application(req, id) : null;
    if (!application) return null;
    return (await this.relation(req, application)) === 'none' ? null : application;
  }

  async relation(req: ViewerRequest, application: GrantApplication) {
    const viewer = req.viewer ?? null;
    const facts =
      viewer && !isAdmin(viewer) && viewer.organizationId !== application.organizationId
        ? await this.loaders.reviewerFacts(req, viewer.id, application.id)
        : { assigned: false, declaredConflict: false };
    return relationTo(viewer, application, facts);
  }

  /** The applications of a call the viewer sees: all for admins, else their organization's and those they review without a conflict. */
  async applicationsOfCall(req: ViewerRequest, call: GrantCall): Promise<GrantApplication[]> {
    const viewer = req.viewer ?? null;
    if (!viewer) return [];
    if (isAdmin(viewer)) return this.loaders.applicationsOfCall(req, call.id);
    return this.loaders.visibleApplicationsOfCall(req, viewer.id, call.id);
  }

  /** The viewer's organization's applications to every call (drafts too), newest first. */
  async myApplications(viewer: User): Promise<GrantApplication[]> {
    if (!viewer.organizationId) return [];
    return this.db.getRepository(GrantApplication).find({ where: { organizationId: viewer.organizationId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The viewer's organization's application to this call (one at most), batched over a list of calls. */
  async myApplicationsOfCall(req: ViewerRequest, call: GrantCall): Promise<GrantApplication[]> {
    const organizationId = req.viewer?.organizationId;
    return organizationId ? this.loaders.organizationApplicationsOfCall(req, organizationId, call.id) : [];
  }

  /** Applications assigned to the viewer to review, without a conflict, oldest submitted first. */
  reviewQueue(viewer: User): Promise<GrantApplication[]> {
    if (!isReviewer(viewer)) return Promise.resolve([]);
    return this.db
      .getRepository(GrantApplication)
      .createQueryBuilder('a')
      .where(`a.status <> 'DRAFT'`)
      .andWhere(reviewsWithoutConflictSql('a', ':viewerId'), { viewerId: viewer.id })
      .orderBy('a.submitted_at')
      .addOrderBy('a.id')
      .getMany();
  }

  // ---------- reviewers ----------

  async assignReviewer(viewer: User, applicationId: string, reviewerId: string): Promise<GrantApplication> {
    return this.db.transaction(async (tx) => {
      const application = await this.lockApplication(tx, applicationId);
      if (!isSubmitted(application)) {
        throw conflict(isDecided(application) ? 'This application is already decided.' : 'This application is not submitted yet: reviewers are assigned once it is.');
      }
      const reviewer = isUUID(reviewerId) ? await tx.findOneBy(User, { id: reviewerId }) : null;
      if (!reviewer || reviewer.deletedAt || !isReviewer(reviewer)) throw badUserInput('reviewerId', 'Choose a person with the reviewer role.');
      const conflictKind = await this.conflictOf(tx, application, reviewer);
      if (conflictKind === ReviewerConflictKind.SAME_ORGANIZATION) {
        throw conflict('This reviewer belongs to the applicant organization: choose another reviewer.', 'reviewerId');
      }
      if (conflictKind === ReviewerConflictKind.DECLARED) throw conflict('This reviewer declared a conflict of interest with this application.', 'reviewerId');
      const now = this.clock.now();
      const inserted: unknown[] = await tx.query(
        `INSERT INTO grant_reviewer_assignment (application_id, reviewer_id, assigned_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING reviewer_id`,
        [application.id, reviewer.id, now],
      );
      if (inserted.length === 0) return application;
      if (application.status === ApplicationStatus.SUBMITTED) {
        application.status = ApplicationStatus.UNDER_REVIEW;
        await tx.update(GrantApplication, { id: application.id }, { status: application.status });
      }
      const call = await tx.findOneByOrFail(GrantCall, { id: application.callId });
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: AuditAction.REVIEWER_ASSIGNED,
        subjectType: AuditSubject.GRANT_APPLICATION,
        subjectId: application.id,
        data: { call: call.title, callId: call.id, application: application.title, reviewerId: reviewer.id },
      });
      const words = catalogueFor(reviewer.locale);
      await this.notifications.notify(tx, [
        {
          ...reviewNotice(application.id, reviewer.id),
          kind: 'GRANT_REVIEW_ASSIGNED',
          title: words.grantReviewTitle(call.title),
          body: words.grantReviewBody(application.title, call.title),
          link: applicationLink(application.id),
          email: true,
        },
      ]);
      return application;
    });
  }

  /** Takes a reviewer off an application, before they have submitted their review. */
  async unassignReviewer(viewer: User, applicationId: string, reviewerId: string): Promise<GrantApplication> {
    return this.db.transaction(async (tx) => {
      const application = await this.lockApplication(tx, applicationId);
      if (!isUUID(reviewerId)) throw badUserInput('reviewerId', 'Choose an assigned reviewer.');
      const [review] = await tx.query(`SELECT 1 FROM grant_review WHERE application_id = $1 AND reviewer_id = $2 AND submitted_at IS NOT NULL`, [application.id, reviewerId]);
      if (review) throw conflict('This reviewer has submitted their review: it stays.', 'reviewerId');
      const removed = await returnedRows(tx, `DELETE FROM grant_reviewer_assignment WHERE application_id = $1 AND reviewer_id = $2 RETURNING reviewer_id`, [
        application.id,
        reviewerId,
      ]);
      if (removed.length === 0) throw badUserInput('reviewerId', 'This person is not assigned to this application.');
      await this.backToSubmittedIfUnreviewed(tx, application);
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: AuditAction.REVIEWER_UNASSIGNED,
        subjectType: AuditSubject.GRANT_APPLICATION,
        subjectId: application.id,
        data: { application: application.title, reviewerId },
      });
      return application;
    });
  }

  /**
   * An assigned reviewer declares a conflict of interest before reviewing: they leave the application,
   * cannot be assigned again, and it disappears from everything they see (the notice about it too).
   */
  async declareConflict(viewer: User, applicationId: string, rawReason: string): Promise<boolean> {
    const reason = multiLineArg('reason', rawReason, GRANT_LIMITS.reason).trim();
    if (!reason) throw badUserInput('reason', 'Say briefly what the conflict is (admins read it).');
    const notice = reviewNotice(applicationId, viewer.id);
    await this.db.transaction(async (tx) => {
      const application = await this.lockApplication(tx, applicationId);
      const [assigned] = await tx.query(`SELECT 1 FROM grant_reviewer_assignment WHERE application_id = $1 AND reviewer_id = $2`, [application.id, viewer.id]);
      if (!assigned) throw notFound('That application');
      const [review] = await tx.query(`SELECT 1 FROM grant_review WHERE application_id = $1 AND reviewer_id = $2`, [application.id, viewer.id]);
      if (review) throw conflict('You have reviewed this application already; ask an admin to take you off it.');
      await tx.delete(GrantReviewerAssignment, { applicationId: application.id, reviewerId: viewer.id });
      await tx.insert(GrantConflict, { applicationId: application.id, reviewerId: viewer.id, reason, declaredAt: this.clock.now() });
      await this.backToSubmittedIfUnreviewed(tx, application);
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: AuditAction.CONFLICT_DECLARED,
        subjectType: AuditSubject.GRANT_APPLICATION,
        subjectId: application.id,
        data: { application: application.title, reviewerId: viewer.id, reason },
      });
      await this.notifications.withdraw(tx, [notice]);
    });
    await this.notifications.withdrawQueued([notice]);
    return true;
  }

  /** Admins: every REVIEWER-role person, with whether they are assigned and the conflict the server would refuse them for. */
  async candidates(applicationId: string): Promise<ReviewerCandidate[]> {
    const application = isUUID(applicationId) ? await this.db.getRepository(GrantApplication).findOneBy({ id: applicationId }) : null;
    if (!application) throw notFound('That application');
    const rows: { id: string; organization_id: string | null; assigned: boolean; declared: boolean }[] = await this.db.query(
      `SELECT u.id, u.organization_id,
              EXISTS (SELECT 1 FROM grant_reviewer_assignment ra WHERE ra.application_id = $1 AND ra.reviewer_id = u.id) AS assigned,
              EXISTS (SELECT 1 FROM grant_conflict gc WHERE gc.application_id = $1 AND gc.reviewer_id = u.id) AS declared
       FROM app_user u WHERE 'REVIEWER' = ANY(u.roles) AND u.deleted_at IS NULL AND u.suspended_at IS NULL
       ORDER BY u.display_name, u.id`,
      [application.id],
    );
    const users = rows.length ? await this.db.getRepository(User).findBy({ id: In(rows.map((r) => r.id)) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.map((r) => ({
      reviewer: byId.get(r.id)!,
      assigned: r.assigned,
      conflict: r.organization_id === application.organizationId ? ReviewerConflictKind.SAME_ORGANIZATION : r.declared ? ReviewerConflictKind.DECLARED : null,
    }));
  }

  // ---------- reviews and decisions ----------

  /** Saves and submits the viewer's review (one per reviewer and application; again before the decision replaces it). */
  async submitReview(viewer: User, input: SubmitReviewInput): Promise<Review> {
    return this.db.transaction(async (tx) => {
      const application = await this.lockApplication(tx, input.applicationId);
      const [facts] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM grant_reviewer_assignment WHERE application_id = $1 AND reviewer_id = $2) AS assigned,
                EXISTS (SELECT 1 FROM grant_conflict WHERE application_id = $1 AND reviewer_id = $2) AS declared`,
        [application.id, viewer.id],
      );
      if (relationTo(viewer, application, { assigned: facts.assigned, declaredConflict: facts.declared }) !== 'reviewer') {
        if (isAdmin(viewer) || viewer.organizationId === application.organizationId) throw forbidden('Only the reviewers assigned to this application review it.');
        throw notFound('That application');
      }
      if (isDecided(application)) throw conflict('This application is decided: its reviews can no longer change.');
      const criteria = await tx.find(GrantCriterion, { where: { callId: application.callId }, order: { position: 'ASC' } });
      const scores = this.checkScores(criteria, input);
      const [review] = (await tx.query(
        `INSERT INTO grant_review (application_id, reviewer_id, weighted_score, comment, submitted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT grant_review_one_per_reviewer DO UPDATE SET weighted_score = EXCLUDED.weighted_score, comment = EXCLUDED.comment, submitted_at = EXCLUDED.submitted_at
         RETURNING id`,
        [application.id, viewer.id, weightedScore(criteria, scores), input.comment, this.clock.now()],
      )) as { id: string }[];
      await tx.query(`DELETE FROM grant_review_score WHERE review_id = $1`, [review.id]);
      await tx.query(`INSERT INTO grant_review_score (review_id, criterion_id, score) SELECT $1, * FROM unnest($2::uuid[], $3::float8[])`, [
        review.id,
        [...scores.keys()],
        [...scores.values()],
      ]);
      return tx.findOneByOrFail(Review, { id: review.id });
    });
  }

  /** Admins decide a submitted application once its call has closed; its organization is told, in the app and by email. */
  async decide(viewer: User, applicationId: string, status: ApplicationStatus, rawMessage: string | null | undefined): Promise<GrantApplication> {
    if (status !== ApplicationStatus.AWARDED && status !== ApplicationStatus.DECLINED) throw badUserInput('status', 'Decide AWARDED or DECLINED.');
    const message = rawMessage == null ? null : multiLineArg('message', rawMessage, GRANT_LIMITS.message).trim() || null;
    return this.db.transaction(async (tx) => {
      const application = await this.lockApplication(tx, applicationId);
      if (isDecided(application)) throw conflict('This application is already decided.');
      if (!isSubmitted(application)) throw conflict('This application is not submitted: there is nothing to decide.');
      const call = await tx.findOneByOrFail(GrantCall, { id: application.callId });
      if (this.clock.now() < call.closesAt) {
        throw conflict(`The call is open until ${callTimeFor(viewer, call.closesAt, call.timeZone)}: decide once it has closed.`);
      }
      Object.assign(application, { status, decisionMessage: message, decidedAt: this.clock.now() });
      await tx.update(GrantApplication, { id: application.id }, { status, decisionMessage: message, decidedAt: application.decidedAt });
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: AuditAction.APPLICATION_DECIDED,
        subjectType: AuditSubject.GRANT_APPLICATION,
        subjectId: application.id,
        data: { call: call.title, callId: call.id, application: application.title, decision: status },
      });
      const people: { id: string; locale: string }[] = await tx.query(
        `SELECT id, locale FROM app_user WHERE deleted_at IS NULL AND (organization_id = $1 OR id = $2) ORDER BY id`,
        [application.organizationId, application.applicantId],
      );
      const awarded = status === ApplicationStatus.AWARDED;
      await this.notifications.notify(
        tx,
        people.map((person): NotificationMessage => {
          const words = catalogueFor(person.locale);
          return {
            key: `grant-decided:${application.id}:${person.id}`,
            userId: person.id,
            kind: 'GRANT_DECIDED',
            title: words.grantDecidedTitle(application.title, awarded),
            body: words.grantDecidedBody(application.title, call.title, awarded, message),
            link: applicationLink(application.id),
            email: true,
          };
        }),
      );
      return application;
    });
  }

  /** Public: awarded applications with public consent whose video is ready, newest first. */
  async caseStudies(): Promise<CaseStudy[]> {
    const rows: { id: string; title: string; summary: string; organization_name: string; country: string; call_title: string; decided_at: Date; video_id: string }[] =
      await this.db.query(
        `SELECT a.id, a.title, a.summary, o.name AS organization_name, o.country, c.title AS call_title, a.decided_at, a.video_id
         FROM grant_application a JOIN organization o ON o.id = a.organization_id JOIN grant_call c ON c.id = a.call_id
         JOIN media_asset m ON m.id = a.video_id
         WHERE a.status = 'AWARDED' AND a.public_consent AND m.status = 'READY'
         ORDER BY a.decided_at DESC, a.id`,
      );
    const videos = rows.length ? await this.db.getRepository(MediaAsset).findBy({ id: In(rows.map((r) => r.video_id)) }) : [];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      organizationName: r.organization_name,
      country: r.country,
      callTitle: r.call_title,
      awardedAt: r.decided_at,
      video: videos.find((v) => v.id === r.video_id) ?? null,
    }));
  }

  // ---------- helpers ----------

  /** Why this reviewer may not review this application, or null. */
  private async conflictOf(manager: EntityManager, application: GrantApplication, reviewer: User): Promise<ReviewerConflictKind | null> {
    if (reviewer.organizationId && reviewer.organizationId === application.organizationId) return ReviewerConflictKind.SAME_ORGANIZATION;
    const [declared] = await manager.query(`SELECT 1 FROM grant_conflict WHERE application_id = $1 AND reviewer_id = $2`, [application.id, reviewer.id]);
    return declared ? ReviewerConflictKind.DECLARED : null;
  }

  private async backToSubmittedIfUnreviewed(tx: EntityManager, application: GrantApplication): Promise<void> {
    if (application.status !== ApplicationStatus.UNDER_REVIEW) return;
    const [left] = await tx.query(`SELECT 1 FROM grant_reviewer_assignment WHERE application_id = $1 LIMIT 1`, [application.id]);
    if (left) return;
    application.status = ApplicationStatus.SUBMITTED;
    await tx.update(GrantApplication, { id: application.id }, { status: application.status });
  }

  /** The viewer applies for `organizationId`: their own, eligible for the call, while it is open. */
  private async assertMayApply(tx: EntityManager, viewer: User, call: GrantCall, organizationId: string): Promise<void> {
    if (viewer.organizationId && viewer.organizationId !== organizationId) throw forbidden('You can apply only for your own organization.');
    const organization = viewer.organizationId ? await tx.findOneBy(Organization, { id: viewer.organizationId }) : null;
    const e = await this.eligibility(viewer, call, tx, organization);
    if (e.reason !== null) throw e.code === 'CONFLICT' ? conflict(e.reason, e.field) : badUserInput(e.field, e.reason);
  }

  /** A grant video uploaded by a member of the organization that has not failed; ready (or still processing) to submit. */
  private async assertVideo(tx: EntityManager, videoId: string, organizationId: string, submitting: boolean): Promise<void> {
    const [video] = await tx.query(
      `SELECT m.status, m.purpose FROM media_asset m JOIN app_user u ON u.id = m.owner_id
       WHERE m.id = $1 AND u.organization_id = $2 AND u.deleted_at IS NULL`,
      [videoId, organizationId],
    );
    if (!video || video.purpose !== MediaPurpose.GRANT_VIDEO) throw badUserInput('videoId', 'Choose a video uploaded for this application by someone in your organization.');
    if (video.status === MediaStatus.FAILED) throw badUserInput('videoId', 'This video could not be processed: upload it again.');
    if (submitting && video.status !== MediaStatus.READY && video.status !== MediaStatus.PROCESSING) {
      throw badUserInput('videoId', 'The video has not finished uploading yet: submit once it has.');
    }
  }

  private async visibleCallIn(tx: EntityManager, viewer: User, callId: string): Promise<GrantCall> {
    const call = await tx.findOneBy(GrantCall, { id: callId });
    if (!call || !canSeeCall(viewer, call)) throw notFound('That call');
    return call;
  }

  private async lockCall(tx: EntityManager, callId: string): Promise<GrantCall> {
    const call = isUUID(callId)
      ? await tx.getRepository(GrantCall).createQueryBuilder('c').where('c.id = :callId', { callId }).setLock('pessimistic_write').getOne()
      : null;
    if (!call) throw notFound('That call');
    return call;
  }

  private async lockApplication(tx: EntityManager, applicationId: string): Promise<GrantApplication> {
    const application = isUUID(applicationId)
      ? await tx.getRepository(GrantApplication).createQueryBuilder('a').where('a.id = :applicationId', { applicationId }).setLock('pessimistic_write').getOne()
      : null;
    if (!application) throw notFound('That application');
    return application;
  }

  private assertDates(opensAt: Date, closesAt: Date): void {
    if (opensAt.getTime() >= closesAt.getTime()) throw badUserInput('closesAt', 'A call closes after it opens.');
  }

  private async assertCourse(tx: EntityManager, viewer: User, courseId: string): Promise<void> {
    if (!(await this.visibility.find(tx, viewer, courseId))) throw badUserInput('requiredCourseId', 'Choose a course from the list.');
  }

  private async writeCriteria(tx: EntityManager, callId: string, criteria: GrantCriterionInput[]): Promise<void> {
    await tx.delete(GrantCriterion, { callId });
    await tx.insert(
      GrantCriterion,
      criteria.map((c, i) => ({ callId, position: i + 1, title: c.title, description: c.description || null, weight: c.weight, maxScore: c.maxScore })),
    );
  }

  /** Every criterion of the call scored exactly once, within 0..its maxScore. */
  private checkScores(criteria: GrantCriterion[], input: SubmitReviewInput): Map<string, number> {
    const given = new Map(input.scores.map((s) => [s.criterionId, s.score]));
    if (given.size !== input.scores.length) throw badUserInput('scores', 'Score each criterion once.');
    if (input.scores.some((s) => !criteria.some((c) => c.id === s.criterionId))) throw badUserInput('scores', "Score only the criteria of this call.");
    const scores = new Map<string, number>();
    for (const criterion of criteria) {
      const score = given.get(criterion.id);
      if (score === undefined) throw badUserInput('scores', `Score "${criterion.title}" too: every criterion needs a score.`);
      if (score < 0 || score > criterion.maxScore) throw badUserInput('scores', `"${criterion.title}" takes a score from 0 to ${criterion.maxScore}.`);
      scores.set(criterion.id, score);
    }
    return scores;
  }
}

/** The one notice a reviewer gets about an application: withdrawn when they declare a conflict. */
function reviewNotice(applicationId: string, reviewerId: string): Pick<NotificationMessage, 'key' | 'userId'> {
  return { key: `grant-review-assigned:${applicationId}:${reviewerId}`, userId: reviewerId };
}
