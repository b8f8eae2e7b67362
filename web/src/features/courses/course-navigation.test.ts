import { describe, expect, test } from 'vitest';
import { continueState, firstUnread, groupEnrollments, lessonPlace, nextOpening } from './course-navigation';
import { lessonNeighbours } from './lesson-order';

const lesson = (id: string, position: number, completed = false) => ({ id, position, title: `Lesson ${id}`, completed });
// A four-week course as the API lists it to a learner: week 3 is locked (no lessons listed), out of order on purpose.
const weeks = [
  { id: 'w2', position: 2, locked: false, opensAt: '2027-02-08T02:30:00Z', lessons: [lesson('b2', 2), lesson('b1', 1)] },
  { id: 'w1', position: 1, locked: false, opensAt: null, lessons: [lesson('a1', 1, true), lesson('a2', 2, true), lesson('a3', 3)] },
  { id: 'w3', position: 3, locked: true, opensAt: '2027-02-15T02:30:00Z', lessons: [] },
  { id: 'w4', position: 4, locked: true, opensAt: '2027-02-22T02:30:00Z', lessons: [] },
];

describe('moving from lesson to lesson', () => {
  test('next from the last lesson of a week is the first of the following week, and back again', () => {
    expect(lessonNeighbours(weeks, 'a3').next?.id).toBe('b1');
    expect(lessonNeighbours(weeks, 'b1').previous?.id).toBe('a3');
  });

  test('a locked week ends the way forward for a learner: the last open lesson has no next', () => {
    expect(lessonNeighbours(weeks, 'b2').next).toBeNull();
  });

  test('locked weeks are skipped, so the lesson after one is reached from the lesson before it', () => {
    const withOpenWeekAfterLocked = [...weeks, { id: 'w5', position: 5, locked: false, opensAt: null, lessons: [lesson('e1', 1)] }];
    expect(lessonNeighbours(withOpenWeekAfterLocked, 'b2').next?.id).toBe('e1');
    expect(lessonNeighbours(withOpenWeekAfterLocked, 'e1').previous?.id).toBe('b2');
  });

  test('a trainer, who sees the lessons of locked weeks, moves through them too', () => {
    const asTrainer = weeks.map((week) => (week.id === 'w3' ? { ...week, lessons: [lesson('c1', 1)] } : week));
    expect(lessonNeighbours(asTrainer, 'b2', { includeLocked: true }).next?.id).toBe('c1');
    expect(lessonNeighbours(asTrainer, 'b2').next).toBeNull();
  });
});

describe('where a lesson sits', () => {
  test('its week counts every week before it, and its number counts within the week', () => {
    expect(lessonPlace(weeks, 'b2')).toMatchObject({ moduleNumber: 2, lessonNumber: 2, lessonsInModule: 2 });
    expect(lessonPlace(weeks, 'a3')).toMatchObject({ moduleNumber: 1, lessonNumber: 3, lessonsInModule: 3 });
    expect(lessonPlace(weeks, 'a3')?.module.id).toBe('w1');
  });

  test('a lesson not in the outline has no place', () => {
    expect(lessonPlace(weeks, 'nope')).toBeNull();
  });
});

describe('what a learner continues with', () => {
  test('the first lesson not done, in course order', () => {
    expect(firstUnread(weeks)?.id).toBe('a3');
  });

  test('a lesson to read: continue with it, saying "start" before anything is done', () => {
    const next = lesson('a3', 3);
    expect(continueState(next, { modules: weeks }, 0.4)).toEqual({ kind: 'next', lesson: next, started: true });
    expect(continueState(next, { modules: weeks }, 0)).toMatchObject({ kind: 'next', started: false });
  });

  test('every open lesson done and a week still locked: waiting for the earliest opening', () => {
    expect(nextOpening(weeks)).toBe('2027-02-15T02:30:00Z');
    expect(continueState(null, { modules: weeks }, 0.5)).toEqual({ kind: 'waiting', opensAt: '2027-02-15T02:30:00Z' });
  });

  test('every lesson done and nothing locked: all lessons done', () => {
    const open = weeks.map((week) => ({ ...week, locked: false }));
    expect(continueState(null, { modules: open }, 1)).toEqual({ kind: 'allDone' });
  });
});

test('the dashboard continues learners’ courses, lists completed ones apart, and forgets withdrawn ones', () => {
  const enrollments = [
    { id: 'active', role: 'LEARNER', status: 'ACTIVE' },
    { id: 'done', role: 'LEARNER', status: 'COMPLETED' },
    { id: 'left', role: 'LEARNER', status: 'WITHDRAWN' },
    { id: 'teach', role: 'TRAINER', status: 'ACTIVE' },
  ];
  const groups = groupEnrollments(enrollments);
  expect(groups.learning.map((e) => e.id)).toEqual(['active']);
  expect(groups.completed.map((e) => e.id)).toEqual(['done']);
  expect(groups.teaching.map((e) => e.id)).toEqual(['teach']);
});
