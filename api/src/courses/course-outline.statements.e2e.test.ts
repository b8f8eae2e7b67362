import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { buildCourse, completeLesson, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';

const OUTLINE = `query($slug: String!) {
  course(slug: $slug) { modules { lessons { completed } } myEnrollment { progress } }
}`;
/** The trainer's editor reads every lesson's text too. */
const OUTLINE_WITH_TEXT = `query($slug: String!) {
  course(slug: $slug) { modules { lessons { completed body bodyHtml } } myEnrollment { progress } }
}`;

let api: TestApi;
let trainer: Person;
let learner: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  trainer = await signUpTrainer(api, await signUpAdmin(api));
  learner = await signUp(api);
});
afterAll(() => api.close());

/** SQL statements the API sends to answer the course outline for an enrolled learner. */
async function statementsForOutline(modules: number, lessonsPerModule: number, query = OUTLINE): Promise<{ statements: number; lessons: number }> {
  const course = await buildCourse(api, trainer, { lessonsPerModule: Array(modules).fill(lessonsPerModule) });
  await enroll(api, learner, course.id);
  await completeLesson(api, learner, course.modules[0].lessons[0]);
  queryCounter.count = 0;
  const res = await api.gql(query, { slug: course.slug }, learner.token);
  expect(res.errors).toBeUndefined();
  const statements = queryCounter.count;
  const lessons = res.data!.course.modules.flatMap((m: { lessons: unknown[] }) => m.lessons).length;
  return { statements, lessons };
}

describe('the course outline', () => {
  it('costs the same number of SQL statements for a course ten times larger', async () => {
    const small = await statementsForOutline(2, 3);
    const large = await statementsForOutline(20, 3);
    expect(small.lessons).toBe(6);
    expect(large.lessons).toBe(60);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  it('reads lesson texts only when asked for, in one more statement whatever their number', async () => {
    const outline = await statementsForOutline(2, 3);
    const small = await statementsForOutline(2, 3, OUTLINE_WITH_TEXT);
    const large = await statementsForOutline(20, 3, OUTLINE_WITH_TEXT);
    expect(small.statements).toBe(outline.statements + 1);
    expect(large.statements).toBe(small.statements);
  });
});
