import { expect, test } from 'vitest';
import { combineTexts } from './text-merge';

test('the combined text holds every line of both, common lines once, in order', () => {
  const theirs = 'Action plan\nVisit the provinces\nTrain focal points';
  const mine = 'Action plan\nMeet the ministry\nTrain focal points\nReport in June';
  expect(combineTexts(theirs, mine)).toBe('Action plan\nVisit the provinces\nMeet the ministry\nTrain focal points\nReport in June');
});

test('one side empty or both the same: that text, unchanged', () => {
  expect(combineTexts('', 'Mine')).toBe('Mine');
  expect(combineTexts('Theirs', '  ')).toBe('Theirs');
  expect(combineTexts('Same', 'Same')).toBe('Same');
});

test('nothing of either text is lost, whatever the edits', () => {
  const theirs = 'ក\nA\nB\nC\nD';
  const mine = 'B\nX\nD\nA\nE';
  const combined = combineTexts(theirs, mine).split('\n');
  for (const line of [...theirs.split('\n'), ...mine.split('\n')]) expect(combined).toContain(line);
});
