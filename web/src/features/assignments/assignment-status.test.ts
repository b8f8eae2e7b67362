import { expect, test } from 'vitest';
import { assignmentState, dueThisWeek } from './assignment-status';

const NOW = Date.parse('2026-12-02T05:00:00Z');
const BEFORE = '2026-12-01T10:00:00Z';
const AFTER = '2026-12-04T10:00:00Z';

test('what a learner has done, as a state', () => {
  expect(assignmentState(AFTER, null, NOW)).toBe('todo');
  expect(assignmentState(null, null, NOW)).toBe('todo');
  expect(assignmentState(BEFORE, null, NOW)).toBe('overdue');
  expect(assignmentState(AFTER, { status: 'DRAFT', late: false }, NOW)).toBe('draft');
  expect(assignmentState(BEFORE, { status: 'DRAFT', late: false }, NOW)).toBe('overdue');
  expect(assignmentState(AFTER, { status: 'DRAFT', late: false, returnedAt: BEFORE }, NOW)).toBe('returned');
  expect(assignmentState(AFTER, { status: 'SUBMITTED', late: false }, NOW)).toBe('submitted');
  expect(assignmentState(BEFORE, { status: 'SUBMITTED', late: true }, NOW)).toBe('submittedLate');
  // Graded but not released: still "submitted" for the learner.
  expect(assignmentState(AFTER, { status: 'GRADED', late: false, grade: null }, NOW)).toBe('submitted');
  expect(assignmentState(BEFORE, { status: 'GRADED', late: true, grade: { releasedAt: BEFORE } }, NOW)).toBe('graded');
});

test('due this week: the next seven days, not handed in, soonest first', () => {
  const items = [
    { id: 'later', dueAt: '2026-12-08T10:00:00Z', state: 'todo' as const },
    { id: 'soon', dueAt: '2026-12-03T10:00:00Z', state: 'draft' as const },
    { id: 'done', dueAt: '2026-12-03T10:00:00Z', state: 'submitted' as const },
    { id: 'past', dueAt: '2026-12-01T10:00:00Z', state: 'overdue' as const },
    { id: 'next-month', dueAt: '2027-01-03T10:00:00Z', state: 'todo' as const },
    { id: 'undated', dueAt: null, state: 'todo' as const },
  ];
  expect(dueThisWeek(items, NOW).map((item) => item.id)).toEqual(['soon', 'later']);
});
