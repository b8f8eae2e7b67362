/**
 * The API's rules for assignments and grades (api/src/assignments), checked before sending so a trainer
 * hears about a mistake at once; the API stays the authority.
 */
export const ASSIGNMENT_LIMITS = {
  titleMax: 200,
  criteriaMin: 1,
  criteriaMax: 20,
  criterionTitleMax: 200,
  pointsMax: 1000,
};

/** A rubric row as the builder holds it: points as typed, so "2." can be on its way to "2.5". */
export interface CriterionDraft {
  /** Stable across edits and reorders (React key, field ids). */
  key: string;
  title: string;
  description: string;
  maxPoints: string;
}

/** Sums without binary noise: 0.1 + 0.2 shows as 0.3. Points have at most two decimals on screen. */
export function addPoints(values: number[]): number {
  return Math.round(values.reduce((sum, value) => sum + value, 0) * 100) / 100;
}

/** A typed number ("2.5", " 10 ", "2,5" with a decimal comma), or null for anything else. */
export function parsePoints(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The rubric's total as the trainer types: rows without valid points count as nothing yet. */
export function rubricTotal(criteria: readonly Pick<CriterionDraft, 'maxPoints'>[]): number {
  return addPoints(criteria.map((c) => parsePoints(c.maxPoints)).filter((v): v is number => v !== null && v > 0));
}

export type CriterionProblem = 'titleMissing' | 'titleTooLong' | 'pointsRange';

export interface RubricProblems {
  /** Too few or too many criteria for the rubric as a whole. */
  count: 'tooFew' | 'tooMany' | null;
  /** Per criterion key: what is wrong with its title and its points. */
  rows: Record<string, { title?: CriterionProblem; maxPoints?: CriterionProblem }>;
}

export function checkRubric(criteria: readonly CriterionDraft[]): RubricProblems {
  const rows: RubricProblems['rows'] = {};
  for (const criterion of criteria) {
    const title = criterion.title.trim();
    const points = parsePoints(criterion.maxPoints);
    const row: RubricProblems['rows'][string] = {};
    if (!title) row.title = 'titleMissing';
    else if (title.length > ASSIGNMENT_LIMITS.criterionTitleMax) row.title = 'titleTooLong';
    if (points === null || points <= 0 || points > ASSIGNMENT_LIMITS.pointsMax) row.maxPoints = 'pointsRange';
    if (row.title || row.maxPoints) rows[criterion.key] = row;
  }
  const count =
    criteria.length < ASSIGNMENT_LIMITS.criteriaMin ? 'tooFew' : criteria.length > ASSIGNMENT_LIMITS.criteriaMax ? 'tooMany' : null;
  return { count, rows };
}

export function rubricIsValid(problems: RubricProblems): boolean {
  return !problems.count && Object.keys(problems.rows).length === 0;
}

/** What the API takes: trimmed titles, no empty descriptions, numbers. Only for a valid rubric. */
export function rubricInput(criteria: readonly CriterionDraft[]) {
  return criteria.map((c) => ({ title: c.title.trim(), description: c.description.trim() || null, maxPoints: parsePoints(c.maxPoints)! }));
}

/** A criterion as the grader scores it. */
export interface GradedCriterion {
  id: string;
  maxPoints: number;
}

/** The score as the grader types: criteria without valid points count as nothing yet. */
export function scoreTotal(points: Record<string, string>): number {
  return addPoints(Object.values(points).map(parsePoints).filter((v): v is number => v !== null));
}

/** Criteria whose points are missing or outside 0..their maximum (every criterion must be scored). */
export function checkScores(rubric: readonly GradedCriterion[], points: Record<string, string>): string[] {
  return rubric
    .filter((criterion) => {
      const value = parsePoints(points[criterion.id] ?? '');
      return value === null || value < 0 || value > criterion.maxPoints;
    })
    .map((criterion) => criterion.id);
}

/** "12.5", "12", "0.3": points as people write them, in the reader's digits. */
export function formatPoints(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}
