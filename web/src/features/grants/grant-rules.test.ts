import { expect, test } from 'vitest';
import {
  budgetTotal,
  canDecide,
  countdown,
  countdownUnits,
  criteriaProblems,
  parseAmount,
  rankApplications,
  scoreProblem,
  sortCandidates,
  weightedScore,
} from './grant-rules';

const CLOSES = '2026-12-04T10:00:00.000Z';
const at = (iso: string) => new Date(iso).getTime();

test('the countdown to a call closing counts whole units, and is null from the closing instant on', () => {
  expect(countdown(at('2026-12-02T07:29:30.000Z'), CLOSES)).toEqual({ days: 2, hours: 2, minutes: 30, seconds: 30 });
  expect(countdown(at('2026-12-04T09:59:59.000Z'), CLOSES)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 1 });
  expect(countdown(at(CLOSES), CLOSES)).toBeNull();
  expect(countdown(at('2026-12-05T00:00:00.000Z'), CLOSES)).toBeNull();
});

test('the countdown says days and hours, then hours and minutes, then minutes and seconds in the last hour', () => {
  expect(countdownUnits({ days: 2, hours: 3, minutes: 4, seconds: 5 })).toEqual([{ unit: 'days', count: 2 }, { unit: 'hours', count: 3 }]);
  expect(countdownUnits({ days: 0, hours: 3, minutes: 4, seconds: 5 })).toEqual([{ unit: 'hours', count: 3 }, { unit: 'minutes', count: 4 }]);
  expect(countdownUnits({ days: 0, hours: 0, minutes: 4, seconds: 5 })).toEqual([{ unit: 'minutes', count: 4 }, { unit: 'seconds', count: 5 }]);
});

test('amounts as typed: figures with thousands separators and two decimals; anything else is not an amount', () => {
  expect(parseAmount('1,200.50')).toBe(1200.5);
  expect(parseAmount(' 300 ')).toBe(300);
  expect(parseAmount('12.345')).toBeNull();
  expect(parseAmount('-5')).toBeNull();
  expect(parseAmount('ten')).toBeNull();
  expect(parseAmount('')).toBeNull();
});

test('the budget total adds the lines that are amounts, without floating-point crumbs', () => {
  expect(budgetTotal([{ description: 'a', amount: '0.1' }, { description: 'b', amount: '0.2' }])).toBe(0.3);
  expect(budgetTotal([{ description: 'Camera', amount: '1,200.50' }, { description: 'Travel', amount: 'soon' }, { description: '', amount: '' }])).toBe(1200.5);
  expect(budgetTotal([])).toBe(0);
});

test('the weighted score is 100 × Σ(wᵢ·sᵢ/maxᵢ) / Σwᵢ, counting unscored criteria as 0', () => {
  const criteria = [
    { id: 'impact', weight: 3, maxScore: 10 },
    { id: 'feasibility', weight: 1, maxScore: 5 },
  ];
  expect(weightedScore(criteria, { impact: 10, feasibility: 5 })).toBe(100);
  expect(weightedScore(criteria, { impact: 5, feasibility: 5 })).toBe(62.5);
  expect(weightedScore(criteria, { impact: 8 })).toBeCloseTo(60);
  expect(weightedScore(criteria, {})).toBe(0);
  expect(weightedScore([{ id: 'x', weight: 0, maxScore: 5 }], { x: 5 })).toBeNull();
});

test('a score must be given and lie within 0..maxScore', () => {
  expect(scoreProblem('', 10)).toBe('missing');
  expect(scoreProblem('11', 10)).toBe('range');
  expect(scoreProblem('-1', 10)).toBe('range');
  expect(scoreProblem('7.5', 10)).toBeNull();
  expect(scoreProblem('0', 10)).toBeNull();
});

test('the ranking leaves drafts out and orders by raw average, unscored last, earlier submitted first on ties', () => {
  const ranked = rankApplications([
    { id: 'draft', status: 'DRAFT', averageScore: 99 },
    { id: 'unscored', status: 'SUBMITTED', averageScore: null, submittedAt: '2026-11-01T00:00:00Z' },
    { id: 'low', status: 'UNDER_REVIEW', averageScore: 40, normalizedScore: 1.2 },
    { id: 'high-late', status: 'UNDER_REVIEW', averageScore: 80, submittedAt: '2026-11-03T00:00:00Z' },
    { id: 'high-early', status: 'AWARDED', averageScore: 80, submittedAt: '2026-11-02T00:00:00Z' },
  ]);
  expect(ranked.map((a) => a.id)).toEqual(['high-early', 'high-late', 'low', 'unscored']);
});

test('reviewer candidates: free ones first, then assigned, then those the server would refuse, by name', () => {
  const person = (id: string, displayName: string) => ({ id, displayName });
  const sorted = sortCandidates(
    [
      { reviewer: person('1', 'Zaw'), assigned: false, conflict: 'SAME_ORGANIZATION' as const },
      { reviewer: person('2', 'Ana'), assigned: true, conflict: null },
      { reviewer: person('3', 'Bishnu'), assigned: false, conflict: null },
      { reviewer: person('4', 'Aye'), assigned: false, conflict: null },
    ],
    'en',
  );
  expect(sorted.map((c) => c.reviewer.displayName)).toEqual(['Aye', 'Bishnu', 'Ana', 'Zaw']);
});

test('decisions wait for the call to close, and for an application that is submitted and not yet decided', () => {
  expect(canDecide('CLOSED', 'UNDER_REVIEW')).toBe(true);
  expect(canDecide('CLOSED', 'SUBMITTED')).toBe(true);
  expect(canDecide('OPEN', 'UNDER_REVIEW')).toBe(false);
  expect(canDecide('CLOSED', 'AWARDED')).toBe(false);
  expect(canDecide('CLOSED', 'DRAFT')).toBe(false);
});

test('a call has 2 to 10 criteria, each with a title, a weight and a maximum above 0', () => {
  const row = { title: 'Impact', description: '', weight: '2', maxScore: '10' };
  expect(criteriaProblems([row, row])).toEqual({ count: false, rows: {} });
  expect(criteriaProblems([row]).count).toBe(true);
  expect(criteriaProblems(Array.from({ length: 11 }, () => row)).count).toBe(true);
  expect(criteriaProblems([row, { title: ' ', description: '', weight: '0', maxScore: '' }]).rows).toEqual({ 1: ['title', 'weight', 'maxScore'] });
});
