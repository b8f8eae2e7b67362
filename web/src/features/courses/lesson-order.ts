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

/** Lessons in reading order: by module, then by lesson; lessons of locked modules are left out. */
export function readingOrder<L extends OutlineLesson>(modules: readonly OutlineModule<L>[]): L[] {
  return [...modules]
    .filter((module) => !module.locked)
    .sort((a, b) => a.position - b.position)
    .flatMap((module) => [...module.lessons].sort((a, b) => a.position - b.position));
}

/** The lessons before and after `lessonId` across modules, skipping locked ones. */
export function lessonNeighbours<L extends OutlineLesson>(modules: readonly OutlineModule<L>[], lessonId: string) {
  const order = readingOrder(modules);
  const index = order.findIndex((lesson) => lesson.id === lessonId);
  if (index < 0) return { previous: null, next: null };
  return { previous: order[index - 1] ?? null, next: order[index + 1] ?? null };
}
