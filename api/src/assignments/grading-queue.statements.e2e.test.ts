import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { buildCourse, type Person, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { createAssignment } from './assignment-fixtures.js';
import { GRADING_QUEUE_PAGE, seedGradingQueue } from './grading-queue.seed.js';

let api: TestApi;
let trainer: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  trainer = await signUpTrainer(api, await signUpAdmin(api));
});
afterAll(() => api.close());

/** SQL statements (and milliseconds) the API spends answering a grader's queue of `count` submissions. */
async function queueOf(count: number): Promise<{ statements: number; length: number; ms: number }> {
  const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  const assignment = await createAssignment(api, trainer, course.id);
  await seedGradingQueue({ query: (sql, params) => api.sql(sql, params) }, { courseId: course.id, assignmentId: assignment.id, graderId: trainer.id, count, tag: `${count}` });
  queryCounter.count = 0;
  const started = performance.now();
  const res = await api.gql(GRADING_QUEUE_PAGE, { courseId: course.id }, trainer.token);
  const ms = performance.now() - started;
  expect(res.errors).toBeUndefined();
  const queue = res.data!.gradingQueue;
  // Every per-row field answered: the count below covers them all.
  // Each attachment's address too: its grader may download it (the assignments rule of MediaAccess, asked once for the page).
  expect(queue.every((s: any) => s.learner && s.attachments.length === 1 && s.attachments[0].url?.startsWith(`/media/${s.attachments[0].id}/original?`) && s.contributors.length === 1 && s.grade.criterionScores.length === 3)).toBe(true);
  return { statements: queryCounter.count, length: queue.length, ms };
}

describe('the grading queue', () => {
  it('costs the same number of SQL statements for 10 and 1,000 submissions', async () => {
    const small = await queueOf(10);
    const large = await queueOf(1000);
    expect(small.length).toBe(10);
    expect(large.length).toBe(1000);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    // Figures for the notes: statements and time of each.
    console.log(`grading queue: 10 submissions ${small.statements} statements ${small.ms.toFixed(0)} ms; 1,000 submissions ${large.statements} statements ${large.ms.toFixed(0)} ms`);
  }, 120_000);
});
