import { readingOrder, type OutlineLesson, type OutlineModule, type ReadingOptions } from './lesson-order';

interface PlacedModule<L extends OutlineLesson> extends OutlineModule<L> {
  id: string;
}

/**
 * Where a lesson sits, for "Week 2 · Lesson 3 of 5": its module's number in the course (locked
 * modules count, as the outline shows them) and its own number among the module's lessons.
 */
export function lessonPlace<L extends OutlineLesson, M extends PlacedModule<L>>(modules: readonly M[], lessonId: string) {
  const ordered = [...modules].sort((a, b) => a.position - b.position);
  for (const [index, module] of ordered.entries()) {
    const lessons = [...module.lessons].sort((a, b) => a.position - b.position);
    const at = lessons.findIndex((lesson) => lesson.id === lessonId);
    if (at >= 0) return { module, moduleNumber: index + 1, lessonNumber: at + 1, lessonsInModule: lessons.length };
  }
  return null;
}

/** The first lesson not yet completed, in reading order: the same rule as the API's `Enrollment.nextLesson`. */
export function firstUnread<L extends OutlineLesson & { completed: boolean }>(modules: readonly OutlineModule<L>[], options?: ReadingOptions): L | null {
  return readingOrder(modules, options).find((lesson) => !lesson.completed) ?? null;
}

/** When the next locked module opens (the earliest), or null when nothing is waiting to open. */
export function nextOpening(modules: readonly { locked: boolean; opensAt?: string | null }[]): string | null {
  const openings = modules.filter((module) => module.locked && module.opensAt).map((module) => module.opensAt!);
  return openings.sort((a, b) => new Date(a).getTime() - new Date(b).getTime())[0] ?? null;
}

/** What a learner is told to do next in a course they have not completed. */
export type ContinueState<L> =
  | { kind: 'next'; lesson: L; started: boolean }
  | { kind: 'waiting'; opensAt: string }
  | { kind: 'allDone' };

/**
 * "Continue: <lesson>" while a lesson is open and not done; once every open lesson is done, "waiting for
 * the next week" with its opening, or "all lessons done" when nothing more is coming.
 */
export function continueState<L>(
  nextLesson: L | null | undefined,
  course: { modules: readonly { locked: boolean; opensAt?: string | null }[] },
  progress: number,
): ContinueState<L> {
  if (nextLesson) return { kind: 'next', lesson: nextLesson, started: progress > 0 };
  const opensAt = nextOpening(course.modules);
  return opensAt ? { kind: 'waiting', opensAt } : { kind: 'allDone' };
}

interface DashboardEnrollment {
  role: string;
  status: string;
}

/**
 * The dashboard's three lists: courses being learned (to continue), courses completed (for their
 * certificates) and courses taught. Withdrawn enrolments are in none.
 */
export function groupEnrollments<E extends DashboardEnrollment>(enrollments: readonly E[]) {
  const current = enrollments.filter((enrollment) => enrollment.status !== 'WITHDRAWN');
  return {
    learning: current.filter((enrollment) => enrollment.role === 'LEARNER' && enrollment.status !== 'COMPLETED'),
    completed: current.filter((enrollment) => enrollment.role === 'LEARNER' && enrollment.status === 'COMPLETED'),
    teaching: current.filter((enrollment) => enrollment.role === 'TRAINER'),
  };
}
