import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { MediaAsset } from '../media/media-asset.entity.js';
import { byKeys, groupBy, requestLoader } from '../platform/common/request-loaders.js';
import { GrantApplication, GrantReviewerAssignment } from './grant-application.entity.js';
import { GrantCall, GrantCriterion } from './grant-call.entity.js';
import { CriterionReviewScore, Review } from './grant-review.entity.js';
import { type ApplicationScores, applicationVideoPublicSql, type CallDecisions, NO_SCORES, scoreApplications, seesApplicationSql } from './grant.policy.js';

/** How the viewer stands to an application, from the database: assigned as reviewer, declared a conflict. */
export interface ReviewerFacts {
  assigned: boolean;
  declaredConflict: boolean;
}

/**
 * Batched reads for grants: one statement per field whatever the length of the list (an admin's ranking
 * of a call's applications). Each loader lives for one request; who may see what is grant.policy.ts's.
 */
@Injectable()
export class GrantLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  call(req: object, id: string): Promise<GrantCall | null> {
    return requestLoader<string, GrantCall | null>(req, 'grant-call', async (ids) =>
      byKeys(ids, await this.db.getRepository(GrantCall).findBy({ id: In([...ids]) }), (c) => c.id),
    ).load(id);
  }

  criteria(req: object, callId: string): Promise<GrantCriterion[]> {
    return requestLoader<string, GrantCriterion[]>(req, 'grant-criteria', async (ids) =>
      groupBy(ids, await this.db.getRepository(GrantCriterion).find({ where: { callId: In([...ids]) }, order: { position: 'ASC' } }), (c) => c.callId),
    ).load(callId);
  }

  /** Submitted and decided applications of each call: what its DECIDED status depends on. */
  decisions(req: object, callId: string): Promise<CallDecisions> {
    return requestLoader<string, CallDecisions>(req, 'grant-call-decisions', async (ids) => {
      const rows: { call_id: string; submitted: number; decided: number }[] = await this.db.query(
        `SELECT call_id, count(*) FILTER (WHERE status <> 'DRAFT')::int AS submitted, count(*) FILTER (WHERE status IN ('AWARDED', 'DECLINED'))::int AS decided
         FROM grant_application WHERE call_id = ANY($1::uuid[]) GROUP BY call_id`,
        [ids],
      );
      const map = new Map(rows.map((r) => [r.call_id, { submitted: r.submitted, decided: r.decided }]));
      return ids.map((id) => map.get(id) ?? { submitted: 0, decided: 0 });
    }).load(callId);
  }

  application(req: object, id: string): Promise<GrantApplication | null> {
    return requestLoader<string, GrantApplication | null>(req, 'grant-application', async (ids) =>
      byKeys(ids, await this.db.getRepository(GrantApplication).findBy({ id: In([...ids]) }), (a) => a.id),
    ).load(id);
  }

  /** Every application of each call, for admins (ranked by the web; here in the order they were submitted). */
  applicationsOfCall(req: object, callId: string): Promise<GrantApplication[]> {
    return requestLoader<string, GrantApplication[]>(req, 'grant-applications-of-call', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(GrantApplication).find({ where: { callId: In([...ids]) }, order: { submittedAt: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC', id: 'ASC' } }),
        (a) => a.callId,
      ),
    ).load(callId);
  }

  /** The applications of each call the viewer (not an admin) sees: their organization's and those they review without a conflict. */
  visibleApplicationsOfCall(req: object, viewerId: string, callId: string): Promise<GrantApplication[]> {
    return requestLoader<string, GrantApplication[]>(req, `grant-visible-applications:${viewerId}`, async (ids) =>
      groupBy(
        ids,
        await this.db
          .getRepository(GrantApplication)
          .createQueryBuilder('a')
          .where('a.call_id = ANY(:ids)', { ids })
          .andWhere(seesApplicationSql('a', ':viewerId'), { viewerId })
          .orderBy('a.submitted_at', 'ASC', 'NULLS LAST')
          .addOrderBy('a.created_at')
          .addOrderBy('a.id')
          .getMany(),
        (a) => a.callId,
      ),
    ).load(callId);
  }

  /** The applications of one organization to each call (drafts too). */
  organizationApplicationsOfCall(req: object, organizationId: string, callId: string): Promise<GrantApplication[]> {
    return requestLoader<string, GrantApplication[]>(req, `grant-organization-applications:${organizationId}`, async (ids) =>
      groupBy(ids, await this.db.getRepository(GrantApplication).find({ where: { callId: In([...ids]), organizationId } }), (a) => a.callId),
    ).load(callId);
  }

  /** Whether the viewer is assigned to / declared a conflict on each application (one statement for a list). */
  reviewerFacts(req: object, viewerId: string, applicationId: string): Promise<ReviewerFacts> {
    return requestLoader<string, ReviewerFacts>(req, `grant-reviewer-facts:${viewerId}`, async (ids) => {
      const rows: { application_id: string; assigned: boolean; conflict: boolean }[] = await this.db.query(
        `SELECT a.id AS application_id,
                EXISTS (SELECT 1 FROM grant_reviewer_assignment ra WHERE ra.application_id = a.id AND ra.reviewer_id = $2) AS assigned,
                EXISTS (SELECT 1 FROM grant_conflict gc WHERE gc.application_id = a.id AND gc.reviewer_id = $2) AS conflict
         FROM grant_application a WHERE a.id = ANY($1::uuid[])`,
        [ids, viewerId],
      );
      const map = new Map(rows.map((r) => [r.application_id, { assigned: r.assigned, declaredConflict: r.conflict }]));
      return ids.map((id) => map.get(id) ?? { assigned: false, declaredConflict: false });
    }).load(applicationId);
  }

  assignments(req: object, applicationId: string): Promise<GrantReviewerAssignment[]> {
    return requestLoader<string, GrantReviewerAssignment[]>(req, 'grant-assignments', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(GrantReviewerAssignment).find({ where: { applicationId: In([...ids]) }, order: { assignedAt: 'ASC', reviewerId: 'ASC' } }),
        (a) => a.applicationId,
      ),
    ).load(applicationId);
  }

  /** Submitted reviews of each application, oldest first. */
  reviews(req: object, applicationId: string): Promise<Review[]> {
    return requestLoader<string, Review[]>(req, 'grant-reviews', async (ids) =>
      groupBy(ids, await this.db.getRepository(Review).find({ where: { applicationId: In([...ids]) }, order: { submittedAt: 'ASC', id: 'ASC' } }), (r) => r.applicationId),
    ).load(applicationId);
  }

  myReview(req: object, viewerId: string, applicationId: string): Promise<Review | null> {
    return requestLoader<string, Review | null>(req, `grant-my-review:${viewerId}`, async (ids) =>
      byKeys(ids, await this.db.getRepository(Review).findBy({ applicationId: In([...ids]), reviewerId: viewerId }), (r) => r.applicationId),
    ).load(applicationId);
  }

  reviewScores(req: object, reviewId: string): Promise<CriterionReviewScore[]> {
    return requestLoader<string, CriterionReviewScore[]>(req, 'grant-review-scores', async (ids) =>
      groupBy(
        ids,
        await this.db
          .getRepository(CriterionReviewScore)
          .createQueryBuilder('s')
          .innerJoinAndMapOne('s.criterion', GrantCriterion, 'c', 'c.id = s.criterion_id')
          .where('s.review_id = ANY(:ids)', { ids })
          .orderBy('c.position')
          .getMany(),
        (s) => s.reviewId,
      ),
    ).load(reviewId);
  }

  /**
   * The figures of each application (scoreApplications in grant.policy.ts), from every submitted review
   * of the calls the applications belong to: one statement for a whole ranking.
   */
  scores(req: object, applicationId: string): Promise<ApplicationScores> {
    return requestLoader<string, ApplicationScores>(req, 'grant-scores', async (ids) => {
      const rows: { application_id: string; reviewer_id: string; weighted_score: number }[] = await this.db.query(
        `SELECT r.application_id, r.reviewer_id, r.weighted_score, a.call_id
         FROM grant_review r JOIN grant_application a ON a.id = r.application_id
         WHERE r.submitted_at IS NOT NULL AND a.call_id IN (SELECT call_id FROM grant_application WHERE id = ANY($1::uuid[]))`,
        [ids],
      );
      const byCall = new Map<string, typeof rows>();
      for (const r of rows as (typeof rows[number] & { call_id: string })[]) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r]);
      const scores = new Map<string, ApplicationScores>();
      for (const callRows of byCall.values()) {
        for (const [id, s] of scoreApplications(callRows.map((r) => ({ applicationId: r.application_id, reviewerId: r.reviewer_id, weightedScore: r.weighted_score })))) {
          scores.set(id, s);
        }
      }
      return ids.map((id) => scores.get(id) ?? NO_SCORES);
    }).load(applicationId);
  }

  video(req: object, videoId: string): Promise<MediaAsset | null> {
    return requestLoader<string, MediaAsset | null>(req, 'grant-video', async (ids) =>
      byKeys(ids, await this.db.getRepository(MediaAsset).findBy({ id: In([...ids]) }), (m) => m.id),
    ).load(videoId);
  }

  /**
   * Which of these media assets are the video of an application the viewer may see (or one awarded with
   * public consent, which everyone may): one statement, whatever the number of ids. Asked by MediaAccess.
   */
  async videosVisibleTo(viewerId: string | null, assetIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT a.video_id AS id FROM grant_application a
       WHERE a.video_id = ANY($1::uuid[])
         AND (${applicationVideoPublicSql('a')} OR ($2::uuid IS NOT NULL AND ${seesApplicationSql('a', '$2::uuid')}))`,
      [assetIds, viewerId],
    );
    return new Set(rows.map((r) => r.id));
  }
}
