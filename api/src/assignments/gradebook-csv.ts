import type { GradebookData } from './grading.service.js';

/**
 * The gradebook as rows of a spreadsheet: one row per learner (name, group), then two columns per
 * assignment: the score (or the status while there is none) and whether it was handed in late.
 */
export function gradebookTable(book: GradebookData, nameOf: (learnerId: string) => string): string[][] {
  const header = ['Learner', 'Group', ...book.assignments.flatMap((a) => [`${a.title} (of ${maxPointsOf(book, a.id)})`, `${a.title}: late`])];
  return [
    header,
    ...book.rows.map((row) => [
      nameOf(row.learnerId),
      row.group ?? '',
      ...row.cells.flatMap((cell) => [
        cell.score !== null ? `${cell.score}${cell.released ? '' : ' (not released)'}` : (cell.status ?? 'NOT STARTED'),
        cell.late ? 'late' : '',
      ]),
    ]),
  ];
}

function maxPointsOf(book: GradebookData, assignmentId: string): number {
  return book.maxPoints.get(assignmentId) ?? 0;
}
