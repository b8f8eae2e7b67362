import { formatInstantWithZones } from '@kapwa/shared';
import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { Role } from '../accounts/role.js';
import { type GrantApplication, ApplicationStatus, DECIDED_STATUSES, SUBMITTED_STATUSES } from './grant-application.entity.js';
import { type GrantCall, type GrantCriterion, GrantCallStatus } from './grant-call.entity.js';

/**
 * Who may see and do what with small grants: the one place these rules live. Services and resolvers
 * call these; the SQL forms (for lists and media) say the same thing as the functions beside them.
 */

export { isAdmin };

export function isReviewer(user: Pick<User, 'roles'> | null): boolean {
  return !!user?.roles.includes(Role.REVIEWER);
}

/** Counts of a call's submitted applications, decided or not: what DECIDED depends on. */
export interface CallDecisions {
  submitted: number;
  decided: number;
}

/**
 * DRAFT until opened; OPEN while now < closesAt; CLOSED from closesAt; DECIDED once the call is closed
 * and every one of its (at least one) submitted applications is AWARDED or DECLINED.
 */
export function callStatus(call: Pick<GrantCall, 'openedAt' | 'closesAt'>, now: Date, decisions: CallDecisions): GrantCallStatus {
  if (!call.openedAt) return GrantCallStatus.DRAFT;
  if (now.getTime() < call.closesAt.getTime()) return GrantCallStatus.OPEN;
  return decisions.submitted > 0 && decisions.decided === decisions.submitted ? GrantCallStatus.DECIDED : GrantCallStatus.CLOSED;
}

/** Calls everyone may read: opened ones. Drafts are the admins'. */
export function canSeeCall(viewer: User | null, call: Pick<GrantCall, 'openedAt'>): boolean {
  return !!call.openedAt || isAdmin(viewer);
}

/** How the viewer stands to an application; `none` sees nothing of it. */
export type ApplicationRelation = 'admin' | 'member' | 'reviewer' | 'none';

/**
 * Admins see every application; members of the applicant organization theirs (drafts included);
 * reviewers those assigned to them without a conflict (neither their own organization's nor declared).
 */
export function relationTo(
  viewer: User | null,
  application: Pick<GrantApplication, 'organizationId'>,
  facts: { assigned: boolean; declaredConflict: boolean },
): ApplicationRelation {
  if (!viewer) return 'none';
  if (isAdmin(viewer)) return 'admin';
  if (viewer.organizationId === application.organizationId) return 'member';
  if (facts.assigned && !facts.declaredConflict && isReviewer(viewer)) return 'reviewer';
  return 'none';
}

/**
 * The same rule as SQL, for lists and media: `application` is the alias of a grant_application row,
 * `viewer` SQL giving the viewer's user id (e.g. `$2`). Admins are decided before (they see all).
 */
export function seesApplicationSql(application: string, viewer: string): string {
  const member = `EXISTS (SELECT 1 FROM app_user member WHERE member.id = ${viewer} AND member.deleted_at IS NULL AND member.organization_id = ${application}.organization_id)`;
  return `(${member} OR ${reviewsWithoutConflictSql(application, viewer)})`;
}

/** Assigned to the viewer, with no declared conflict and not of the viewer's own organization. */
export function reviewsWithoutConflictSql(application: string, viewer: string): string {
  return `(EXISTS (SELECT 1 FROM grant_reviewer_assignment ra JOIN app_user rv ON rv.id = ra.reviewer_id
                 WHERE ra.application_id = ${application}.id AND ra.reviewer_id = ${viewer} AND rv.deleted_at IS NULL
                   AND 'REVIEWER' = ANY(rv.roles) AND rv.organization_id IS DISTINCT FROM ${application}.organization_id)
      AND NOT EXISTS (SELECT 1 FROM grant_conflict gc WHERE gc.application_id = ${application}.id AND gc.reviewer_id = ${viewer}))`;
}

/** Media of an application: seen by whoever sees the application, and by everyone once it is awarded with public consent. */
export function applicationVideoPublicSql(application: string): string {
  return `(${application}.status = '${ApplicationStatus.AWARDED}' AND ${application}.public_consent)`;
}

export const isSubmitted = (a: Pick<GrantApplication, 'status'>) => SUBMITTED_STATUSES.includes(a.status);
export const isDecided = (a: Pick<GrantApplication, 'status'>) => DECIDED_STATUSES.includes(a.status);

/**
 * weightedScore = 100 × Σ(wᵢ·sᵢ/maxᵢ) / Σwᵢ: each criterion's score as a share of its maximum, weighted.
 */
export function weightedScore(criteria: Pick<GrantCriterion, 'id' | 'weight' | 'maxScore'>[], scores: Map<string, number>): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const weighted = criteria.reduce((sum, c) => sum + (c.weight * (scores.get(c.id) ?? 0)) / c.maxScore, 0);
  // Kept to 6 decimals: 72.5, not 72.50000000000001 from binary fractions.
  return Math.round(((100 * weighted) / totalWeight) * 1e6) / 1e6;
}

export interface ScoredReview {
  applicationId: string;
  reviewerId: string;
  weightedScore: number;
}

export interface ApplicationScores {
  reviewCount: number;
  averageScore: number | null;
  normalizedScore: number | null;
  scoreSpread: number | null;
}

/**
 * The figures of each application from every submitted review of its call. averageScore: the mean of
 * its weightedScores. normalizedScore: the mean of its reviewers' z-scores, z = (w − mean of that
 * reviewer's weightedScores in the call) / their population standard deviation; a reviewer with fewer
 * than 2 reviews in the call, or no spread, contributes nothing; null when nobody contributes.
 * scoreSpread: max − min of its weightedScores, null with fewer than 2.
 */
export function scoreApplications(callReviews: ScoredReview[]): Map<string, ApplicationScores> {
  const byReviewer = new Map<string, number[]>();
  for (const r of callReviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.weightedScore]);
  const reviewerStats = new Map<string, { mean: number; sd: number } | null>();
  for (const [reviewerId, scores] of byReviewer) {
    if (scores.length < 2) {
      reviewerStats.set(reviewerId, null);
      continue;
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
    reviewerStats.set(reviewerId, sd > 1e-9 ? { mean, sd } : null);
  }
  const byApplication = new Map<string, ScoredReview[]>();
  for (const r of callReviews) byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), r]);
  const result = new Map<string, ApplicationScores>();
  for (const [applicationId, reviews] of byApplication) {
    const scores = reviews.map((r) => r.weightedScore);
    const zs = reviews.flatMap((r) => {
      const stats = reviewerStats.get(r.reviewerId);
      return stats ? [(r.weightedScore - stats.mean) / stats.sd] : [];
    });
    result.set(applicationId, {
      reviewCount: reviews.length,
      averageScore: scores.reduce((a, b) => a + b, 0) / scores.length,
      normalizedScore: zs.length ? zs.reduce((a, b) => a + b, 0) / zs.length : null,
      scoreSpread: scores.length >= 2 ? Math.max(...scores) - Math.min(...scores) : null,
    });
  }
  return result;
}

export const NO_SCORES: ApplicationScores = { reviewCount: 0, averageScore: null, normalizedScore: null, scoreSpread: null };

/** "Fri, Dec 4, 2026, 17:00 (Yangon) — 17:30 Bangkok": an instant in the reader's zone with the call's beside it. */
export function callTimeFor(reader: Pick<User, 'timeZone' | 'locale'> | null, instant: Date, callZone: string): string {
  return formatInstantWithZones(instant, reader?.timeZone ?? callZone, callZone, reader?.locale ?? 'en');
}
