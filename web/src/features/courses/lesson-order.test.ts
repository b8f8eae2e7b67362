import { describe, expect, test } from 'vitest';
import { lessonMoveTarget, lessonNeighbours, moduleMoveTarget, readingOrder } from './lesson-order';

const lesson = (id: string, position: number) => ({ id, position, title: `Lesson ${id}` });
// Out of order on purpose: the API's order is not trusted.
const modules = [
  { position: 2, locked: false, lessons: [lesson('b2', 2), lesson('b1', 1)] },
  { position: 1, locked: false, lessons: [lesson('a1', 1), lesson('a2', 2)] },
  { position: 3, locked: true, lessons: [lesson('c1', 1)] },
  { position: 4, locked: false, lessons: [lesson('d1', 1)] },
];

test('lessons are read module by module, in position order, without locked modules', () => {
  expect(readingOrder(modules).map((l) => l.id)).toEqual(['a1', 'a2', 'b1', 'b2', 'd1']);
});

test('the next lesson crosses into the next module', () => {
  const { previous, next } = lessonNeighbours(modules, 'a2');
  expect(previous?.id).toBe('a1');
  expect(next?.id).toBe('b1');
});

test('a locked module is skipped in both directions', () => {
  expect(lessonNeighbours(modules, 'b2').next?.id).toBe('d1');
  expect(lessonNeighbours(modules, 'd1').previous?.id).toBe('b2');
});

test('the first lesson has no previous and the last no next', () => {
  expect(lessonNeighbours(modules, 'a1').previous).toBeNull();
  expect(lessonNeighbours(modules, 'd1').next).toBeNull();
});

describe('moving in the editor', () => {
  // The editor sees locked modules too; ids stand for modules here.
  const outline = modules.map((module, i) => ({ ...module, id: ['B', 'A', 'C', 'D'][i] }));

  test('a module moves one place, and not past either end', () => {
    expect(moduleMoveTarget(outline, 'B', 'up')).toBe(1);
    expect(moduleMoveTarget(outline, 'B', 'down')).toBe(3);
    expect(moduleMoveTarget(outline, 'A', 'up')).toBeNull();
    expect(moduleMoveTarget(outline, 'D', 'down')).toBeNull();
  });

  test('a lesson moves within its module, then across into the neighbouring one', () => {
    expect(lessonMoveTarget(outline, 'a2', 'up')).toEqual({ moduleId: 'A', position: 1 });
    expect(lessonMoveTarget(outline, 'a1', 'down')).toEqual({ moduleId: 'A', position: 2 });
    expect(lessonMoveTarget(outline, 'a2', 'down')).toEqual({ moduleId: 'B', position: 1 });
    expect(lessonMoveTarget(outline, 'b1', 'up')).toEqual({ moduleId: 'A', position: 3 });
    expect(lessonMoveTarget(outline, 'a1', 'up')).toBeNull();
    expect(lessonMoveTarget(outline, 'd1', 'down')).toBeNull();
  });
});
