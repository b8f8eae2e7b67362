/** What the reader needs to know about the course's outline to move between lessons. */
export interface OutlineModule<L extends OutlineLesson = OutlineLesson> {
  position: number;
  locked: boolean;
  lessons: readonly L[];
}

export interface OutlineLesson {
  id: string;
  position: number;
  title: string;
}

export interface ReadingOptions {
  /** Those who run the course read locked modules too (the API lists their lessons to them alone). */
  includeLocked?: boolean;
}

/** Lessons in reading order: by module, then by lesson; lessons of locked modules are left out unless asked for. */
export function readingOrder<L extends OutlineLesson>(modules: readonly OutlineModule<L>[], { includeLocked = false }: ReadingOptions = {}): L[] {
  return [...modules]
    .filter((module) => includeLocked || !module.locked)
    .sort((a, b) => a.position - b.position)
    .flatMap((module) => [...module.lessons].sort((a, b) => a.position - b.position));
}

/** The lessons before and after `lessonId` across modules, skipping locked ones. */
export function lessonNeighbours<L extends OutlineLesson>(modules: readonly OutlineModule<L>[], lessonId: string, options: ReadingOptions = {}) {
  const order = readingOrder(modules, options);
  const index = order.findIndex((lesson) => lesson.id === lessonId);
  if (index < 0) return { previous: null, next: null };
  return { previous: order[index - 1] ?? null, next: order[index + 1] ?? null };
}

export type Direction = 'up' | 'down';

/** Where a module goes one place up or down (1 = first), or null at that end of the outline. */
export function moduleMoveTarget(modules: readonly { id: string; position: number }[], moduleId: string, direction: Direction): number | null {
  const order = [...modules].sort((a, b) => a.position - b.position);
  const index = order.findIndex((module) => module.id === moduleId);
  const target = direction === 'up' ? index - 1 : index + 1;
  return index < 0 || target < 0 || target >= order.length ? null : target + 1;
}

/**
 * Where a lesson goes one place up or down. At the edge of its module it crosses into the neighbouring
 * module, at its end going up and at its start going down; null at either end of the course.
 */
export function lessonMoveTarget(
  modules: readonly { id: string; position: number; lessons: readonly { id: string; position: number }[] }[],
  lessonId: string,
  direction: Direction,
): { moduleId: string; position: number } | null {
  const order = [...modules].sort((a, b) => a.position - b.position);
  const m = order.findIndex((module) => module.lessons.some((lesson) => lesson.id === lessonId));
  if (m < 0) return null;
  const lessons = [...order[m].lessons].sort((a, b) => a.position - b.position);
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (direction === 'up') {
    if (index > 0) return { moduleId: order[m].id, position: index };
    const previous = order[m - 1];
    return previous ? { moduleId: previous.id, position: previous.lessons.length + 1 } : null;
  }
  if (index < lessons.length - 1) return { moduleId: order[m].id, position: index + 2 };
  const next = order[m + 1];
  return next ? { moduleId: next.id, position: 1 } : null;
}
