/**
 * Reordering the editor's outline, as the API does it: `moveModule(moduleId, position)` and
 * `moveLesson({ lessonId, moduleId, position })` take the item out of its list and put it back at
 * `position` (1 = first) in the list it goes to, which then counts 1..n again. A drag is one such move,
 * whatever the number of places it crosses, so the drop gives one position: the item's place in the
 * list as it reads after the drop.
 */

interface Positioned {
  id: string;
  position: number;
}

interface OutlineModule<L extends Positioned> extends Positioned {
  lessonCount?: number;
  lessons: readonly L[];
}

/** Module id → its lessons' ids, in order: the outline a drag rearranges as it goes. */
export type LessonPlaces = Record<string, string[]>;

const byPosition = <T extends Positioned>(items: readonly T[]) => [...items].sort((a, b) => a.position - b.position);

export function moduleOrder(modules: readonly Positioned[]): string[] {
  return byPosition(modules).map((module) => module.id);
}

export function lessonPlaces(modules: readonly OutlineModule<Positioned>[]): LessonPlaces {
  return Object.fromEntries(byPosition(modules).map((module) => [module.id, byPosition(module.lessons).map((lesson) => lesson.id)]));
}

/** The module whose list holds the lesson. */
export function moduleOfLesson(places: LessonPlaces, lessonId: string): string | undefined {
  return Object.keys(places).find((moduleId) => places[moduleId]!.includes(lessonId));
}

/** `ids` with `id` taken out and put back at `index` (0-based, clamped to the list). */
function placeAt(ids: readonly string[], id: string, index: number): string[] {
  const others = ids.filter((other) => other !== id);
  const at = Math.max(0, Math.min(index, others.length));
  return [...others.slice(0, at), id, ...others.slice(at)];
}

/** The modules after putting one at `index` (0-based) of the outline. */
export function placeModule(order: readonly string[], moduleId: string, index: number): string[] {
  return placeAt(order, moduleId, index);
}

/** The outline after putting a lesson at `index` (0-based) of a module's list, whichever list it was in. */
export function placeLesson(places: LessonPlaces, lessonId: string, to: { moduleId: string; index: number }): LessonPlaces {
  const next: LessonPlaces = {};
  for (const [moduleId, ids] of Object.entries(places)) {
    next[moduleId] = moduleId === to.moduleId ? placeAt(ids, lessonId, to.index) : ids.filter((id) => id !== lessonId);
  }
  return next;
}

/** Where the API must put the lesson so that it reads as in `places`; null when that is where it already was. */
export function lessonMoveFor(before: LessonPlaces, after: LessonPlaces, lessonId: string): { moduleId: string; position: number } | null {
  const moduleId = moduleOfLesson(after, lessonId);
  if (!moduleId) return null;
  const position = after[moduleId]!.indexOf(lessonId) + 1;
  const was = moduleOfLesson(before, lessonId);
  if (was === moduleId && before[was]!.indexOf(lessonId) + 1 === position) return null;
  return { moduleId, position };
}

/** Where the API must put the module so that the outline reads as `after`; null when it has not moved. */
export function moduleMoveFor(before: readonly string[], after: readonly string[], moduleId: string): number | null {
  const position = after.indexOf(moduleId) + 1;
  return position === 0 || before.indexOf(moduleId) + 1 === position ? null : position;
}

/**
 * The outline as the API will answer a module's move, for showing it at once (and undoing it if the
 * API refuses): modules renumbered 1..n.
 */
export function withModuleMoved<M extends Positioned>(modules: readonly M[], moduleId: string, position: number): M[] {
  const order = placeModule(moduleOrder(modules), moduleId, position - 1);
  return byPosition(modules).map((module) => ({ ...module, position: order.indexOf(module.id) + 1 }));
}

/** The outline as the API will answer a lesson's move: both lists renumbered 1..n, their counts updated. */
export function withLessonMoved<L extends Positioned, M extends OutlineModule<L>>(
  modules: readonly M[],
  lessonId: string,
  to: { moduleId: string; position: number },
): M[] {
  const lesson = modules.flatMap((module) => module.lessons).find((candidate) => candidate.id === lessonId);
  if (!lesson) return [...modules];
  const places = placeLesson(lessonPlaces(modules), lessonId, { moduleId: to.moduleId, index: to.position - 1 });
  const lessonsById = new Map(modules.flatMap((module) => module.lessons).map((candidate) => [candidate.id, candidate]));
  return byPosition(modules).map((module) => {
    const lessons = (places[module.id] ?? []).map((id, index) => ({ ...lessonsById.get(id)!, position: index + 1 }));
    return { ...module, lessons, ...(module.lessonCount !== undefined ? { lessonCount: lessons.length } : {}) };
  });
}
