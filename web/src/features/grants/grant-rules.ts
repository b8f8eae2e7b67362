/**
 * The arithmetic and rules of small grants the pages show before the API answers. The API decides
 * (api/src/grants); these only let a person see, while typing, what it will say.
 */

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left from `now` to `until`, whole units; null once it has passed. */
export function countdown(now: number, until: string | number | Date): Countdown | null {
  const left = Math.floor((new Date(until).getTime() - now) / 1000);
  if (!(left > 0)) return null;
  return {
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
  };
}

/**
 * The parts of a countdown worth saying: days and hours while days are left, hours and minutes within a
 * day, minutes and seconds within the last hour (when seconds matter to someone about to submit).
 */
export function countdownUnits(left: Countdown): { unit: 'days' | 'hours' | 'minutes' | 'seconds'; count: number }[] {
  if (left.days > 0) return [{ unit: 'days', count: left.days }, { unit: 'hours', count: left.hours }];
  if (left.hours > 0) return [{ unit: 'hours', count: left.hours }, { unit: 'minutes', count: left.minutes }];
  return [{ unit: 'minutes', count: left.minutes }, { unit: 'seconds', count: left.seconds }];
}

export interface BudgetRow {
  description: string;
  /** As typed: the field may be empty or half-written. */
  amount: string;
}

/** An amount as typed ("1,200.50", "1200") → a number; null when it is not one (or negative). */
export function parseAmount(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The sum of the rows' amounts that are numbers, in cents to avoid 0.1 + 0.2. */
export function budgetTotal(rows: readonly BudgetRow[]): number {
  const cents = rows.reduce((sum, row) => sum + Math.round((parseAmount(row.amount) ?? 0) * 100), 0);
  return cents / 100;
}

/** Currencies applicants budget in most often across the region; the API accepts any ISO 4217 code. */
export const CURRENCIES = ['USD', 'EUR', 'THB', 'NPR', 'MMK', 'PHP', 'IDR', 'MYR', 'KHR', 'LAK', 'VND', 'INR', 'BDT', 'LKR', 'PKR', 'MNT', 'AUD', 'GBP', 'CHF'] as const;

export function formatMoney(amount: number, currency: string | null | undefined, language: string): string {
  try {
    return new Intl.NumberFormat(language, currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

export interface ScoredCriterion {
  id: string;
  weight: number;
  maxScore: number;
}

/**
 * The review's score on 0..100 as the API computes it: 100 × Σ(wᵢ·sᵢ/maxᵢ) / Σwᵢ. Criteria not scored
 * yet count as 0, so the preview grows as a reviewer fills them in; null when no criterion has weight.
 */
export function weightedScore(criteria: readonly ScoredCriterion[], scores: Readonly<Record<string, number | null | undefined>>): number | null {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (!(totalWeight > 0)) return null;
  const sum = criteria.reduce((acc, c) => {
    const score = scores[c.id];
    return acc + (c.maxScore > 0 && typeof score === 'number' && Number.isFinite(score) ? (c.weight * Math.min(Math.max(score, 0), c.maxScore)) / c.maxScore : 0);
  }, 0);
  return (100 * sum) / totalWeight;
}

/** A score as typed → its problem, before sending: the API refuses the same. */
export function scoreProblem(text: string, maxScore: number): 'missing' | 'range' | null {
  if (text.trim() === '') return 'missing';
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > maxScore) return 'range';
  return null;
}

export type ConflictKind = 'SAME_ORGANIZATION' | 'DECLARED';

export interface Candidate {
  reviewer: { id: string; displayName: string };
  assigned: boolean;
  conflict: ConflictKind | null | undefined;
}

/** Who an admin can assign: free candidates first, then conflicted ones (shown, disabled, with why). */
export function sortCandidates<T extends Candidate>(candidates: readonly T[], language: string): T[] {
  const collator = new Intl.Collator(language);
  const rank = (c: Candidate) => (c.assigned ? 1 : c.conflict ? 2 : 0);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || collator.compare(a.reviewer.displayName, b.reviewer.displayName));
}

export interface Rankable {
  id: string;
  status: string;
  averageScore?: number | null;
  normalizedScore?: number | null;
  submittedAt?: string | null;
}

/**
 * Applications as admins rank them: submitted ones only (drafts are not candidates), by raw average
 * score, highest first; unscored ones last, earliest submitted first. Normalized scores are shown
 * beside, not used to sort, so the order never changes as other calls' reviews arrive.
 */
export function rankApplications<T extends Rankable>(applications: readonly T[]): T[] {
  return applications
    .filter((a) => a.status !== 'DRAFT')
    .sort((a, b) => {
      const sa = a.averageScore ?? null;
      const sb = b.averageScore ?? null;
      if (sa !== sb) {
        if (sa === null) return 1;
        if (sb === null) return -1;
        return sb - sa;
      }
      return (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '');
    });
}

/** Whether an admin may decide now: the call has closed and the application awaits a decision. */
export function canDecide(callStatus: string, applicationStatus: string): boolean {
  return callStatus === 'CLOSED' && (applicationStatus === 'SUBMITTED' || applicationStatus === 'UNDER_REVIEW');
}

export const ORGANIZATION_KINDS = ['NHRI', 'NGO', 'GOVERNMENT', 'UNIVERSITY', 'INTERGOVERNMENTAL', 'OTHER'] as const;

export interface CriterionRow {
  title: string;
  description: string;
  weight: string;
  maxScore: string;
}

export const CRITERIA_MIN = 2;
export const CRITERIA_MAX = 10;

/** Problems of a call's criteria rows before sending, per row and field. */
export function criteriaProblems(rows: readonly CriterionRow[]): { count: boolean; rows: Record<number, ('title' | 'weight' | 'maxScore')[]> } {
  const problems: Record<number, ('title' | 'weight' | 'maxScore')[]> = {};
  rows.forEach((row, index) => {
    const list: ('title' | 'weight' | 'maxScore')[] = [];
    if (!row.title.trim()) list.push('title');
    const weight = Number(row.weight);
    if (row.weight.trim() === '' || !Number.isFinite(weight) || weight <= 0) list.push('weight');
    const max = Number(row.maxScore);
    if (row.maxScore.trim() === '' || !Number.isFinite(max) || max <= 0) list.push('maxScore');
    if (list.length) problems[index] = list;
  });
  return { count: rows.length < CRITERIA_MIN || rows.length > CRITERIA_MAX, rows: problems };
}

/** "TH" → "Thailand" in the reader's language; the code itself for anything else. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
