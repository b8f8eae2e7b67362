import { expect, test } from 'vitest';
import { ASSIGNMENT_LIMITS, checkRubric, checkScores, parsePoints, rubricInput, rubricIsValid, rubricTotal, scoreTotal, type CriterionDraft } from './grading-rules';

const row = (key: string, title: string, maxPoints: string, description = ''): CriterionDraft => ({ key, title, description, maxPoints });

test('points are read as people type them, and nothing else', () => {
  expect(parsePoints('2.5')).toBe(2.5);
  expect(parsePoints(' 10 ')).toBe(10);
  expect(parsePoints('2,5')).toBe(2.5);
  expect(parsePoints('.5')).toBe(0.5);
  for (const text of ['', 'ten', '-1', '1e3', '2.', '1/2', 'Infinity']) expect(parsePoints(text), text).toBeNull();
});

test('the rubric total adds the valid points without binary noise, ignoring rows not finished yet', () => {
  expect(rubricTotal([row('a', 'A', '0.1'), row('b', 'B', '0.2')])).toBe(0.3);
  expect(rubricTotal([row('a', 'A', '10'), row('b', 'B', ''), row('c', 'C', 'x'), row('d', 'D', '5.5')])).toBe(15.5);
  expect(rubricTotal([])).toBe(0);
});

test('each criterion needs a title and points more than 0 and at most 1000', () => {
  const problems = checkRubric([
    row('ok', 'Evidence', '10'),
    row('zero', 'Zero', '0'),
    row('big', 'Too big', '1000.5'),
    row('max', 'Exactly the maximum', '1000'),
    row('untitled', '   ', '5'),
    row('long', 'x'.repeat(ASSIGNMENT_LIMITS.criterionTitleMax + 1), '5'),
  ]);
  expect(problems.count).toBeNull();
  expect(problems.rows).toEqual({
    zero: { maxPoints: 'pointsRange' },
    big: { maxPoints: 'pointsRange' },
    untitled: { title: 'titleMissing' },
    long: { title: 'titleTooLong' },
  });
  expect(rubricIsValid(problems)).toBe(false);
});

test('a rubric has 1 to 20 criteria', () => {
  expect(checkRubric([]).count).toBe('tooFew');
  const twenty = Array.from({ length: 20 }, (_, i) => row(`k${i}`, `C${i}`, '1'));
  expect(rubricIsValid(checkRubric(twenty))).toBe(true);
  expect(checkRubric([...twenty, row('k20', 'One more', '1')]).count).toBe('tooMany');
});

test('what is sent: trimmed titles, numbers, no empty descriptions', () => {
  expect(rubricInput([row('a', '  Evidence ', '2,5', '  '), row('b', 'Clarity', '10', 'Plain words')])).toEqual([
    { title: 'Evidence', description: null, maxPoints: 2.5 },
    { title: 'Clarity', description: 'Plain words', maxPoints: 10 },
  ]);
});

test('every criterion is scored within 0..its maximum; the score is the sum', () => {
  const rubric = [
    { id: 'c1', maxPoints: 10 },
    { id: 'c2', maxPoints: 5 },
    { id: 'c3', maxPoints: 2.5 },
  ];
  expect(checkScores(rubric, { c1: '10', c2: '0', c3: '2.5' })).toEqual([]);
  expect(checkScores(rubric, { c1: '10.5', c2: '', c3: '-1' })).toEqual(['c1', 'c2', 'c3']);
  expect(scoreTotal({ c1: '7.5', c2: '0.1', c3: '0.2' })).toBe(7.8);
});
