import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { buildCourse, completeLesson, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';

const OUTLINE = `query($slug: String!) {
  course(slug: $slug) { modules { title locked lessons { id title completed } lessonCount } myEnrollment { progress } lessonCount estimatedMinutes }
}`;
/** The trainer's editor reads every lesson's text too. */
const OUTLINE_WITH_TEXT = `query($slug: String!) {
  course(slug: $slug) { modules { lessons { completed body bodyHtml } } myEnrollment { progress } }
}`;
const CATALOGUE = `{ courses { id slug title estimatedMinutes cover { url } enrollmentOpen myEnrollment { id role status } } }`;

let api: TestApi;
let trainer: Person;
let learner: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  trainer = await signUpTrainer(api, await signUpAdmin(api));
  learner = await signUp(api);
});
afterAll(() => api.close());

/** The SQL statements the API sends to answer one operation (the viewer's own check included), and its answer. */
async function measured(query: string, variables: Record<string, unknown>, token?: string) {
  // A completion hands jobs to the outbox, which the API dispatches just after: let that finish first.
  while ((await api.sql(`SELECT 1 FROM outbox WHERE dispatched_at IS NULL LIMIT 1`)).length) await new Promise((r) => setTimeout(r, 20));
  queryCounter.count = 0;
  const res = await api.gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  return { statements: queryCounter.count, data: res.data! };
}

/** A course of the given size with the learner enrolled and one lesson completed. */
async function course(modules: number, lessonsPerModule: number) {
  const built = await buildCourse(api, trainer, { lessonsPerModule: Array(modules).fill(lessonsPerModule) });
  await enroll(api, learner, built.id);
  await completeLesson(api, learner, built.modules[0].lessons[0]);
  return built;
}

const lessonsIn = (data: any) => data.course.modules.flatMap((m: { lessons: unknown[] }) => m.lessons);

describe('the course outline', () => {
  it('takes at most three SQL statements whatever the course size, and two once this process has read it', async () => {
    for (const [modules, lessons] of [
      [2, 3],
      [20, 3],
    ]) {
      const { slug } = await course(modules, lessons);
      const first = await measured(OUTLINE, { slug }, learner.token);
      expect(lessonsIn(first.data)).toHaveLength(modules * lessons);
      expect(first.statements).toBeLessThanOrEqual(3);
      const again = await measured(OUTLINE, { slug }, learner.token);
      expect(again.data).toEqual(first.data);
      expect(again.statements).toBe(2);
    }
  });

  it('reads lesson texts only when asked for, in one more statement whatever their number', async () => {
    const small = await course(2, 3);
    const large = await course(20, 3);
    await measured(OUTLINE, { slug: small.slug }, learner.token);
    await measured(OUTLINE, { slug: large.slug }, learner.token);
    expect((await measured(OUTLINE_WITH_TEXT, { slug: small.slug }, trainer.token)).statements).toBe(3);
    expect((await measured(OUTLINE_WITH_TEXT, { slug: large.slug }, trainer.token)).statements).toBe(3);
  });

  it("answers each viewer with their own completions and progress from the outline every viewer shares", async () => {
    const { slug, id, modules } = await course(2, 2);
    const other = await signUp(api);
    await enroll(api, other, id);
    await completeLesson(api, other, modules[1].lessons[1]);
    const mine = await measured(OUTLINE, { slug }, learner.token);
    const theirs = await measured(OUTLINE, { slug }, other.token);
    expect(lessonsIn(mine.data).map((l: { completed: boolean }) => l.completed)).toEqual([true, false, false, false]);
    expect(lessonsIn(theirs.data).map((l: { completed: boolean }) => l.completed)).toEqual([false, false, false, true]);
    expect(mine.data.course.myEnrollment.progress).toBeCloseTo(0.25);
    expect(theirs.data.course.myEnrollment.progress).toBeCloseTo(0.25);
    const visitor = await api.gql(OUTLINE, { slug });
    expect(lessonsIn(visitor.data!).every((l: { completed: boolean }) => !l.completed)).toBe(true);
    expect(visitor.data!.course.myEnrollment).toBeNull();
  });

  it('shows a change at once, however it was made: through the API, or straight in the database as another process would', async () => {
    const { slug, modules } = await course(2, 2);
    await measured(OUTLINE, { slug }, learner.token);
    await api.gql(`mutation($id: ID!, $input: UpdateLessonInput!) { updateLesson(lessonId: $id, input: $input) { id } }`, { id: modules[0].lessons[1], input: { title: 'Renamed through the API' } }, trainer.token);
    expect(lessonsIn((await measured(OUTLINE, { slug }, learner.token)).data)[1].title).toBe('Renamed through the API');

    await api.sql(`UPDATE lesson SET title = 'Renamed elsewhere' WHERE id = $1`, [modules[1].lessons[0]]);
    await api.sql(`UPDATE course_module SET title = 'Week renamed elsewhere' WHERE id = $1`, [modules[1].id]);
    const seen = await measured(OUTLINE, { slug }, learner.token);
    expect(lessonsIn(seen.data)[2].title).toBe('Renamed elsewhere');
    expect(seen.data.course.modules[1].title).toBe('Week renamed elsewhere');
    expect(seen.statements).toBe(3);

    await api.sql(`DELETE FROM lesson WHERE id = $1`, [modules[1].lessons[1]]);
    const removed = await measured(OUTLINE, { slug }, learner.token);
    expect(lessonsIn(removed.data)).toHaveLength(3);
    expect(removed.data.course.lessonCount).toBe(3);
    expect(removed.data.course.myEnrollment.progress).toBeCloseTo(1 / 3);
  });

  it("answers a change with the outline after it, not the one kept from before", async () => {
    const { slug, modules } = await course(3, 1);
    await measured(OUTLINE, { slug }, learner.token);
    const moved = await api.gql(`mutation($id: ID!) { moveModule(moduleId: $id, position: 1) { modules { title } } }`, { id: modules[2].id }, trainer.token);
    expect(moved.data!.moveModule.modules.map((m: { title: string }) => m.title)).toEqual(['Week 3', 'Week 1', 'Week 2']);
    const removed = await api.gql(`mutation($id: ID!) { deleteModule(moduleId: $id) { modules { title } lessonCount } }`, { id: modules[0].id }, trainer.token);
    expect(removed.data!.deleteModule).toEqual({ modules: [{ title: 'Week 3' }, { title: 'Week 2' }], lessonCount: 2 });
  });

  it('locks a module that has not opened for learners but not for its trainers, from the same outline', async () => {
    const { slug, id } = await buildCourse(api, trainer, { lessonsPerModule: [1, 1], opensAt: [null, '2099-01-01T00:00:00Z'] });
    await enroll(api, learner, id);
    const asTrainer = await measured(OUTLINE, { slug }, trainer.token);
    const asLearner = await measured(OUTLINE, { slug }, learner.token);
    expect(asTrainer.data.course.modules.map((m: { lessons: unknown[] }) => m.lessons.length)).toEqual([1, 1]);
    expect(asLearner.data.course.modules.map((m: { locked: boolean; lessons: unknown[] }) => [m.locked, m.lessons.length])).toEqual([
      [false, 1],
      [true, 0],
    ]);
  });
});

describe('the catalogue', () => {
  it('takes at most three SQL statements whatever the number of courses, and shows changes at once', async () => {
    await course(1, 1);
    const before = await measured(CATALOGUE, {}, learner.token);
    expect(before.statements).toBeLessThanOrEqual(3);
    await course(3, 2);
    await course(2, 5);
    const after = await measured(CATALOGUE, {}, learner.token);
    expect(after.data.courses.length).toBe(before.data.courses.length + 2);
    expect(after.statements).toBeLessThanOrEqual(3);
    expect((await measured(CATALOGUE, {}, learner.token)).statements).toBe(2);

    const [newest] = after.data.courses.filter((c: { myEnrollment: unknown }) => c.myEnrollment);
    await api.sql(`UPDATE lesson SET estimated_minutes = 45 WHERE module_id IN (SELECT id FROM course_module WHERE course_id = $1)`, [newest.id]);
    const changed = (await measured(CATALOGUE, {}, learner.token)).data.courses.find((c: { id: string }) => c.id === newest.id);
    expect(changed.estimatedMinutes).toBeGreaterThan(newest.estimatedMinutes);
  });

  it('shows a draft only to those who manage it', async () => {
    const draft = await buildCourse(api, trainer, { publish: false });
    const slugs = async (token?: string) => (await api.gql(CATALOGUE, {}, token)).data!.courses.map((c: { slug: string }) => c.slug);
    expect(await slugs(trainer.token)).toContain(draft.slug);
    expect(await slugs(learner.token)).not.toContain(draft.slug);
    expect(await slugs()).not.toContain(draft.slug);
  });
});
