import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { buildCourse, completeLesson, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';

const OUTLINE = `query($slug: String!) {
  course(slug: $slug) {
    modules { id title position lessons { id title position completed } }
    myEnrollment { status progress }
  }
}`;
const MOVE_MODULE = `mutation($id: ID!, $position: Int!) { moveModule(moduleId: $id, position: $position) { modules { title position } } }`;
const MOVE_LESSON = `mutation($input: MoveLessonInput!) { moveLesson(input: $input) { id } }`;
const DELETE_MODULE = `mutation($id: ID!) { deleteModule(moduleId: $id) { modules { title position lessonCount } } }`;

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Learner' });
});
afterAll(() => api.close());

type Outline = { modules: { id: string; title: string; position: number; lessons: { id: string; title: string; position: number; completed: boolean }[] }[] };

async function outline(slug: string, person: Person = trainer): Promise<Outline & { myEnrollment: { status: string; progress: number } | null }> {
  return (await api.gql(OUTLINE, { slug }, person.token)).data!.course;
}

/** Each module's lesson titles, in the order the outline gives them. */
const titles = (o: Outline) => o.modules.map((m) => [m.title, ...m.lessons.map((l) => l.title)]);

describe('moving modules', () => {
  it('puts a module at a new place and renumbers the others 1..n', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1, 1, 1] });
    const res = await api.gql(MOVE_MODULE, { id: course.modules[2].id, position: 1 }, trainer.token);
    expect(res.data!.moveModule.modules).toEqual([
      { title: 'Week 3', position: 1 },
      { title: 'Week 1', position: 2 },
      { title: 'Week 2', position: 3 },
    ]);
    await api.gql(MOVE_MODULE, { id: course.modules[2].id, position: 3 }, admin.token);
    expect(titles(await outline(course.slug)).map((m) => m[0])).toEqual(['Week 1', 'Week 2', 'Week 3']);
  });

  it('refuses other people and places outside the outline, changing nothing', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1, 1] });
    const before = titles(await outline(course.slug));
    await enroll(api, learner, course.id);
    expect(errorOf(await api.gql(MOVE_MODULE, { id: course.modules[1].id, position: 1 }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(MOVE_MODULE, { id: course.modules[1].id, position: 1 })).code).toBe('UNAUTHENTICATED');
    for (const position of [0, 3, -1]) {
      const refused = errorOf(await api.gql(MOVE_MODULE, { id: course.modules[1].id, position }, trainer.token));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position', message: 'Choose a position from 1 to 2.' });
    }
    expect(errorOf(await api.gql(MOVE_MODULE, { id: '00000000-0000-4000-8000-000000000000', position: 1 }, trainer.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(MOVE_MODULE, { id: 'not-an-id', position: 1 }, trainer.token)).code).toBe('BAD_USER_INPUT');
    expect(titles(await outline(course.slug))).toEqual(before);
  });

  it('keeps a draft course hidden: people outside it are told it does not exist', async () => {
    const draft = await buildCourse(api, trainer, { lessonsPerModule: [1, 1], publish: false });
    expect(errorOf(await api.gql(MOVE_MODULE, { id: draft.modules[1].id, position: 1 }, learner.token)).code).toBe('NOT_FOUND');
  });
});

describe('moving lessons', () => {
  it('reorders lessons in a module; a learner’s progress stays with the lesson', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [3] });
    const mover = await signUp(api, { displayName: 'Mover' });
    await enroll(api, mover, course.id);
    await completeLesson(api, mover, course.modules[0].lessons[0]);
    const res = await api.gql(MOVE_LESSON, { input: { lessonId: course.modules[0].lessons[0], position: 3 } }, trainer.token);
    expect(res.errors).toBeUndefined();
    const view = await outline(course.slug, mover);
    expect(view.modules[0].lessons).toEqual([
      { id: course.modules[0].lessons[1], title: 'Lesson 1.2', position: 1, completed: false },
      { id: course.modules[0].lessons[2], title: 'Lesson 1.3', position: 2, completed: false },
      { id: course.modules[0].lessons[0], title: 'Lesson 1.1', position: 3, completed: true },
    ]);
    expect(view.myEnrollment!.progress).toBeCloseTo(1 / 3);
  });

  it('moves a lesson to another module of the course, closing the gap it leaves', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [3, 2] });
    await api.gql(MOVE_LESSON, { input: { lessonId: course.modules[0].lessons[1], moduleId: course.modules[1].id, position: 2 } }, trainer.token);
    const view = await outline(course.slug);
    expect(titles(view)).toEqual([
      ['Week 1', 'Lesson 1.1', 'Lesson 1.3'],
      ['Week 2', 'Lesson 2.1', 'Lesson 1.2', 'Lesson 2.2'],
    ]);
    expect(view.modules.map((m) => m.lessons.map((l) => l.position))).toEqual([[1, 2], [1, 2, 3]]);
    // The end of the other module is one past its last lesson.
    await api.gql(MOVE_LESSON, { input: { lessonId: course.modules[0].lessons[0], moduleId: course.modules[1].id, position: 4 } }, trainer.token);
    expect(titles(await outline(course.slug))[1]).toEqual(['Week 2', 'Lesson 2.1', 'Lesson 1.2', 'Lesson 2.2', 'Lesson 1.1']);
  });

  it('refuses a module of another course and a place past the end, changing nothing', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
    const other = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const before = [titles(await outline(course.slug)), titles(await outline(other.slug))];
    const elsewhere = await api.gql(MOVE_LESSON, { input: { lessonId: course.modules[0].lessons[0], moduleId: other.modules[0].id, position: 1 } }, trainer.token);
    expect(errorOf(elsewhere)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'moduleId' });
    const pastEnd = await api.gql(MOVE_LESSON, { input: { lessonId: course.modules[0].lessons[0], position: 3 } }, trainer.token);
    expect(errorOf(pastEnd)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    const notAnId = await api.gql(MOVE_LESSON, { input: { lessonId: 'lesson-1', position: 1 } }, trainer.token);
    expect(errorOf(notAnId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lessonId' });
    expect(errorOf(await api.gql(MOVE_LESSON, { input: { lessonId: course.modules[0].lessons[0], position: 2 } }, learner.token)).code).toBe('FORBIDDEN');
    expect([titles(await outline(course.slug)), titles(await outline(other.slug))]).toEqual(before);
  });

  it('keeps positions whole when many moves arrive at once', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [4, 4] });
    const lessons = course.modules.flatMap((m) => m.lessons);
    const moves = lessons.map((lessonId, i) =>
      api.gql(MOVE_LESSON, { input: { lessonId, moduleId: course.modules[i % 2].id, position: 1 } }, trainer.token),
    );
    for (const res of await Promise.all(moves)) expect(res.errors).toBeUndefined();
    const view = await outline(course.slug);
    expect(view.modules.flatMap((m) => m.lessons.map((l) => l.id)).sort()).toEqual([...lessons].sort());
    for (const module of view.modules) expect(module.lessons.map((l) => l.position)).toEqual(module.lessons.map((_, i) => i + 1));
  });
});

describe('removing modules', () => {
  it('removes a module with its lessons, moves the later ones up, and completes learners who had done the rest', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1, 2, 1] });
    const finisher = await signUp(api, { displayName: 'Finisher' });
    const enrolment = await enroll(api, finisher, course.id);
    await completeLesson(api, finisher, course.modules[0].lessons[0]);
    await completeLesson(api, finisher, course.modules[2].lessons[0]);

    expect(errorOf(await api.gql(DELETE_MODULE, { id: course.modules[1].id }, finisher.token)).code).toBe('FORBIDDEN');
    const res = await api.gql(DELETE_MODULE, { id: course.modules[1].id }, trainer.token);
    expect(res.data!.deleteModule.modules).toEqual([
      { title: 'Week 1', position: 1, lessonCount: 1 },
      { title: 'Week 3', position: 2, lessonCount: 1 },
    ]);
    expect(await api.sql(`SELECT 1 FROM lesson WHERE id = ANY($1::uuid[])`, [course.modules[1].lessons])).toHaveLength(0);
    expect((await outline(course.slug, finisher)).myEnrollment).toEqual({ status: 'COMPLETED', progress: 1 });

    const jobsOf = async () =>
      (await api.app.get(JobsService).queue('certificates').getJobs(['waiting', 'delayed', 'active', 'completed'])).filter(
        (job) => job.data.enrollmentId === enrolment.id,
      );
    await waitFor(async () => (await jobsOf()).length > 0);
    expect(await jobsOf()).toHaveLength(1);
    expect(errorOf(await api.gql(DELETE_MODULE, { id: course.modules[1].id }, trainer.token)).code).toBe('NOT_FOUND');
  });
});
