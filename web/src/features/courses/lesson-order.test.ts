import { expect, test } from 'vitest';
import { lessonNeighbours, readingOrder } from './lesson-order';

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
