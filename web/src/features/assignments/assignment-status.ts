import type { BadgeTone } from '../../ui/badge';

/** What a learner has done about an assignment, as the outline's and the lists' badges say it. */
export type AssignmentState = 'todo' | 'overdue' | 'draft' | 'returned' | 'submitted' | 'submittedLate' | 'graded';

export interface StatusSubmission {
  status: 'DRAFT' | 'SUBMITTED' | 'GRADED';
  late: boolean;
  returnedAt?: string | null;
  /** Present only once released to the learner. */
  grade?: { releasedAt?: string | null } | null;
}

/**
 * - graded: a grade the learner can see (released);
 * - submitted / submittedLate: handed in (a grade not yet released stays "submitted");
 * - returned: a trainer sent it back for revision;
 * - draft / todo: started or not, before the due time; overdue: not handed in after it.
 */
export function assignmentState(dueAt: string | null | undefined, submission: StatusSubmission | null | undefined, now: number): AssignmentState {
  if (submission?.grade && submission.status === 'GRADED') return 'graded';
  if (submission && submission.status !== 'DRAFT') return submission.late ? 'submittedLate' : 'submitted';
  if (submission?.returnedAt) return 'returned';
  if (dueAt && Date.parse(dueAt) < now) return 'overdue';
  return submission ? 'draft' : 'todo';
}

export const STATE_TONE: Record<AssignmentState, BadgeTone> = {
  todo: 'neutral',
  overdue: 'danger',
  draft: 'highlight',
  returned: 'highlight',
  submitted: 'accent',
  submittedLate: 'accent',
  graded: 'success',
};

/** Handed in (or graded): nothing left to do before the due time. */
export function isHandedIn(state: AssignmentState): boolean {
  return state === 'submitted' || state === 'submittedLate' || state === 'graded';
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Due within the next seven days and not handed in: what the dashboard's "Due this week" lists, soonest first. */
export function dueThisWeek<T extends { dueAt?: string | null; state: AssignmentState }>(items: T[], now: number): T[] {
  return items
    .filter((item) => item.dueAt && !isHandedIn(item.state) && Date.parse(item.dueAt) >= now && Date.parse(item.dueAt) <= now + WEEK)
    .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
}
