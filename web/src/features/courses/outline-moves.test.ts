import { describe, expect, test } from 'vitest';
import { lessonMoveTarget, moduleMoveTarget } from './lesson-order';
import {
  lessonMoveFor,
  lessonPlaces,
  moduleMoveFor,
  moduleOrder,
  placeLesson,
  placeModule,
  withLessonMoved,
  withModuleMoved,
} from './outline-moves';

const lesson = (id: string, position: number) => ({ id, position });
// Out of order on purpose: the order is the positions', not the list's.
const outline = [
  { id: 'B', position: 2, lessonCount: 2, lessons: [lesson('b2', 2), lesson('b1', 1)] },
  { id: 'A', position: 1, lessonCount: 3, lessons: [lesson('a1', 1), lesson('a3', 3), lesson('a2', 2)] },
  { id: 'C', position: 3, lessonCount: 0, lessons: [] },
];
const places = lessonPlaces(outline);
const order = moduleOrder(outline);

/** The outline as titles read down the page: each module's lessons. */
const read = (modules: typeof outline) => modules.map((m) => [m.id, ...[...m.lessons].sort((x, y) => x.position - y.position).map((l) => l.id)]);

describe('the position a drop asks the API for', () => {
  test('a lesson dragged down over the last of its module goes last: one move to position 3', () => {
    const after = placeLesson(places, 'a1', { moduleId: 'A', index: 2 });
    expect(after.A).toEqual(['a2', 'a3', 'a1']);
    expect(lessonMoveFor(places, after, 'a1')).toEqual({ moduleId: 'A', position: 3 });
  });

  test('a lesson dragged up two places goes first', () => {
    const after = placeLesson(places, 'a3', { moduleId: 'A', index: 0 });
    expect(lessonMoveFor(places, after, 'a3')).toEqual({ moduleId: 'A', position: 1 });
  });

  test('a lesson dragged into another module takes the place it shows there, the end being one past its last lesson', () => {
    expect(lessonMoveFor(places, placeLesson(places, 'a2', { moduleId: 'B', index: 1 }), 'a2')).toEqual({ moduleId: 'B', position: 2 });
    expect(lessonMoveFor(places, placeLesson(places, 'a2', { moduleId: 'B', index: 2 }), 'a2')).toEqual({ moduleId: 'B', position: 3 });
    // An empty module takes it as its first.
    expect(lessonMoveFor(places, placeLesson(places, 'a2', { moduleId: 'C', index: 0 }), 'a2')).toEqual({ moduleId: 'C', position: 1 });
  });

  test('a place past the end of a list means its end', () => {
    expect(placeLesson(places, 'b1', { moduleId: 'A', index: 99 }).A).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  test('a lesson dropped where it started, even after a trip through other modules, moves nothing', () => {
    const away = placeLesson(places, 'a2', { moduleId: 'B', index: 0 });
    const back = placeLesson(away, 'a2', { moduleId: 'A', index: 1 });
    expect(lessonMoveFor(places, back, 'a2')).toBeNull();
  });

  test('a module dragged from third to first asks for position 1; dropped on itself, nothing', () => {
    const after = placeModule(order, 'C', 0);
    expect(after).toEqual(['C', 'A', 'B']);
    expect(moduleMoveFor(order, after, 'C')).toBe(1);
    expect(moduleMoveFor(order, placeModule(order, 'B', 1), 'B')).toBeNull();
  });
});

describe('the outline shown at once, as the API will answer', () => {
  test('a lesson moved to another module: both lists counted 1..n again, their counts updated', () => {
    const moved = withLessonMoved(outline, 'a1', { moduleId: 'B', position: 2 });
    expect(read(moved)).toEqual([
      ['A', 'a2', 'a3'],
      ['B', 'b1', 'a1', 'b2'],
      ['C'],
    ]);
    expect(moved.map((m) => m.lessons.map((l) => l.position))).toEqual([[1, 2], [1, 2, 3], []]);
    expect(moved.map((m) => m.lessonCount)).toEqual([2, 3, 0]);
  });

  test('a module moved: modules counted 1..n again, each keeping its lessons', () => {
    const moved = withModuleMoved(outline, 'C', 1);
    expect(moduleOrder(moved)).toEqual(['C', 'A', 'B']);
    expect(moved.find((m) => m.id === 'A')?.lessons).toHaveLength(3);
  });

  test('every ↑/↓ button move is the same single move when made by dragging', () => {
    for (const lessonId of Object.values(places).flat()) {
      for (const direction of ['up', 'down'] as const) {
        const target = lessonMoveTarget(outline, lessonId, direction);
        if (!target) continue;
        const after = lessonPlaces(withLessonMoved(outline, lessonId, target));
        expect(lessonMoveFor(places, after, lessonId)).toEqual(target);
      }
    }
    for (const moduleId of order) {
      for (const direction of ['up', 'down'] as const) {
        const position = moduleMoveTarget(outline, moduleId, direction);
        if (position === null) continue;
        expect(moduleMoveFor(order, moduleOrder(withModuleMoved(outline, moduleId, position)), moduleId)).toBe(position);
      }
    }
  });
});
