import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/common/clock.js';
import { dataSourceOptions } from '../platform/database/data-source-options.js';
import { queryCounter } from '../platform/database/query-counter.js';
import { buildCourse, completeLesson, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { readCourseFiles } from './content/course-files.js';
import { importCourses } from './content/import-courses.js';
import { colorForSlug } from './course-content-rules.js';

/** What a catalogue card, a course's landing page and a learner's dashboard read about courses. */

const CONTENT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'content', 'courses');
const CARD = `query($slug: String!) {
  course(slug: $slug) {
    id slug outcomes audience color durationWeeks estimatedMinutes lessonCount enrollmentOpen
    cover { url width height alt }
    trainers { id displayName email country }
  }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(courseId: $id, input: $input) { outcomes audience color durationWeeks title } }`;
const DASHBOARD = `{ myEnrollments { id course { slug } nextLesson { id title position module { id title position } } } }`;

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Learner' });
});
afterAll(() => api.close());

/** A GET on the API, with a bearer token when given. */
const get = (path: string, token?: string) => fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function importShippedCourses() {
  const db = await new DataSource(dataSourceOptions({ databaseUrl: api.databaseUrl, databasePoolSize: 1 })).initialize();
  await importCourses(db, readCourseFiles(CONTENT));
  await db.destroy();
}

const card = async (slug: string, token?: string) => {
  const res = await api.gql(CARD, { slug }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.course;
};

describe("a course's card and landing page", () => {
  it('show what a trainer wrote, the length, the reading time and a colour even when none was chosen', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2, 3] }); // lessons of 10 minutes each
    expect(await card(course.slug)).toMatchObject({
      outcomes: [],
      audience: null,
      color: colorForSlug(course.slug),
      durationWeeks: null,
      estimatedMinutes: 50,
      lessonCount: 5,
      cover: null,
    });
    const input = {
      outcomes: ['  Explain the Paris Principles. ', 'Plan a protection visit.'],
      audience: 'NHRI staff.\nTheir partners.',
      color: '#2F5F6A',
      durationWeeks: 4,
    };
    const res = await api.gql(UPDATE, { id: course.id, input }, trainer.token);
    expect(res.data!.updateCourse).toEqual({
      outcomes: ['Explain the Paris Principles.', 'Plan a protection visit.'],
      audience: 'NHRI staff.\nTheir partners.',
      color: '#2f5f6a',
      durationWeeks: 4,
      title: `Course ${course.slug}`,
    });
    // Only what is given changes; null takes the chosen colour back to the slug's.
    await api.gql(UPDATE, { id: course.id, input: { color: null, outcomes: [] } }, admin.token);
    expect(await card(course.slug)).toMatchObject({ outcomes: [], audience: 'NHRI staff.\nTheir partners.', color: colorForSlug(course.slug), durationWeeks: 4 });
  });

  it('are changed only by its trainers and admins, with a clear reason for what is refused', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    expect(errorOf(await api.gql(UPDATE, { id: course.id, input: { audience: 'Me.' } }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(UPDATE, { id: course.id, input: { audience: 'Me.' } })).code).toBe('UNAUTHENTICATED');
    const refused = async (input: Record<string, unknown>) => errorOf(await api.gql(UPDATE, { id: course.id, input }, trainer.token));
    expect(await refused({ color: 'teal' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'color', message: expect.stringMatching(/six hexadecimal digits/) });
    expect(await refused({ outcomes: Array.from({ length: 13 }, (_, i) => `Outcome ${i}`) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'outcomes',
      message: 'List at most 12 outcomes.',
    });
    expect(await refused({ outcomes: ['One line\nand another'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcomes' });
    expect(await refused({ outcomes: ['x'.repeat(301)] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcomes' });
    expect(await refused({ outcomes: ['   '] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcomes' });
    expect(await refused({ audience: 'x'.repeat(2001) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'audience' });
    expect(await refused({ audience: 'Hidden \u202E text' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'audience' });
    expect(await refused({ durationWeeks: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'durationWeeks' });
    expect(await card(course.slug)).toMatchObject({ outcomes: [], audience: null, durationWeeks: null });
    // The same rules when a course is created.
    const create = await api.gql(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { outcomes audience color durationWeeks } }`,
      { input: { slug: 'with-outcomes', title: 'With outcomes', summary: 'S.', timeZone: 'Asia/Manila', outcomes: ['Act.'], color: '#123abc', durationWeeks: 2 } },
      trainer.token,
    );
    expect(create.data!.createCourse).toEqual({ outcomes: ['Act.'], audience: null, color: '#123abc', durationWeeks: 2 });
    const badCreate = await api.gql(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
      { input: { slug: 'bad-colour', title: 'Bad colour', summary: 'S.', timeZone: 'Asia/Manila', color: 'red' } },
      trainer.token,
    );
    expect(errorOf(badCreate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'color' });
  });

  it('name its trainers in the order they joined, as the name policy shows them, without its learners', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const second = await signUpTrainer(api, admin);
    await enroll(api, learner, course.id);
    const add = `mutation($c: ID!, $u: ID!) { addCourseMember(courseId: $c, userId: $u, role: TRAINER) { id } }`;
    expect((await api.gql(add, { c: course.id, u: second.id }, admin.token)).errors).toBeUndefined();
    const trainers = (await card(course.slug)).trainers;
    expect(trainers).toEqual([
      { id: trainer.id, displayName: 'Trainer', email: null, country: null },
      { id: second.id, displayName: 'Trainer', email: null, country: null },
    ]);
    // Their own entry shows a trainer their email, as everywhere else.
    expect((await card(course.slug, trainer.token)).trainers[0].email).toBe(trainer.email);
  });

  it('list the trainers of many courses in a constant number of statements', async () => {
    const statements = async () => {
      queryCounter.count = 0;
      const res = await api.gql(`{ courses { trainers { id displayName } estimatedMinutes color } }`);
      expect(res.errors).toBeUndefined();
      return { statements: queryCounter.count, courses: res.data!.courses.length };
    };
    // Each time after a first read, which puts any course this process has not read yet in its outline cache.
    await statements();
    const before = await statements();
    for (let i = 0; i < 3; i++) await buildCourse(api, await signUpTrainer(api, admin), { lessonsPerModule: [1] });
    await statements();
    const after = await statements();
    expect(after.courses).toBe(before.courses + 3);
    expect(after.statements).toBe(before.statements);
  });
});

describe('enrollmentOpen', () => {
  it('says what enroll then does, for a published, an archived and a draft course', async () => {
    const published = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const archived = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await api.gql(`mutation($id: ID!) { archiveCourse(courseId: $id) { id } }`, { id: archived.id }, trainer.token);
    const draft = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    // The admin sees the draft without being in it, so each course has a newcomer to ask.
    const newcomer = await signUp(api);
    const cases = [
      { course: published, person: newcomer, open: true },
      { course: archived, person: newcomer, open: false },
      { course: draft, person: admin, open: false },
    ];
    for (const { course, person, open } of cases) {
      expect((await card(course.slug, person.token)).enrollmentOpen).toBe(open);
      const res = await api.gql(`mutation($id: ID!) { enroll(courseId: $id) { role } }`, { id: course.id }, person.token);
      expect(res.errors === undefined).toBe(open);
      if (!open) expect(errorOf(res).code).toBe('CONFLICT');
    }
  });
});

describe('a cover image', () => {
  let withCover: { id: string; url: string };
  let draft: { id: string; slug: string };
  const coverFile = readFileSync(join(CONTENT, 'protecting-defenders-nhri', 'cover.png'));

  beforeAll(async () => {
    await importShippedCourses();
    const imported = await card('protecting-defenders-nhri');
    withCover = { id: imported.id, url: imported.cover.url };
    // A draft with the same picture, as an import of a draft course would store it.
    draft = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    await api.sql(
      `INSERT INTO course_cover (course_id, content_type, bytes, sha256, width, height, alt)
       SELECT $1, content_type, bytes, sha256, width, height, alt FROM course_cover WHERE course_id = $2`,
      [draft.id, imported.id],
    );
  });

  it('comes with its size and text, at an address on the API', async () => {
    const { cover } = await card('protecting-defenders-nhri');
    expect(cover).toEqual({
      url: expect.stringMatching(new RegExp(`^/course-covers/${withCover.id}/[0-9a-f]{16}\\.png$`)),
      width: 1200,
      height: 630,
      alt: expect.stringMatching(/hills/),
    });
  });

  it('is served to anyone for a published course, to be cached for ever', async () => {
    const res = await get(withCover.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), coverFile)).toBe(0);
  });

  it('is not found at an address that is not its own', async () => {
    const [, , , , file] = withCover.url.split('/');
    const wrong = [
      withCover.url.replace(/[0-9a-f]{16}\.png$/, '0000000000000000.png'),
      withCover.url.replace(/\.png$/, '.jpg'),
      `/course-covers/${withCover.id}/${file}.png`,
      `/course-covers/00000000-0000-4000-8000-000000000000/${file}`,
      `/course-covers/not-an-id/${file}`,
    ];
    for (const path of wrong) expect([path, (await get(path)).status]).toEqual([path, 404]);
  });

  it("of a draft is not found by visitors or learners, and is its trainers' own", async () => {
    const url = (await card(draft.slug, trainer.token)).cover.url;
    expect(url).toMatch(new RegExp(`^/course-covers/${draft.id}/`));
    expect((await get(url)).status).toBe(404);
    expect((await get(url, learner.token)).status).toBe(404);
    const res = await get(url, trainer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  });
});

describe('an image in a lesson', () => {
  const imageFile = readFileSync(join(CONTENT, 'protecting-defenders-nhri', 'images', 'three-roles.png'));
  const LESSON = `query($id: ID!) { lesson(id: $id) { bodyHtml } }`;
  const UPDATE_LESSON = `mutation($id: ID!, $input: UpdateLessonInput!) { updateLesson(lessonId: $id, input: $input) { bodyHtml } }`;
  let course: { id: string; slug: string };
  let lessonId: string;
  let url: string;
  const bodyOf = async (id: string, token?: string) => (await api.gql(LESSON, { id }, token)).data!.lesson.bodyHtml as string;

  beforeAll(async () => {
    await importShippedCourses();
    course = await card('protecting-defenders-nhri');
    [{ id: lessonId }] = await api.sql(
      `SELECT l.id FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = $1 AND l.title = 'The NHRI as monitor'`,
      [course.id],
    );
  });

  it('is in the lesson with its size and description, at an address on the API', async () => {
    const html = await bodyOf(lessonId, learner.token);
    const img = html.match(/<img [^>]*>/g);
    expect(img).toHaveLength(1);
    expect(img![0]).toMatch(new RegExp(`^<img src="/course-images/${course.id}/[0-9a-f]{16}\\.png" alt="Three overlapping circles: Monitor [^"]+" width="800" height="372" loading="lazy" decoding="async" />$`));
    url = img![0].match(/src="([^"]+)"/)![1];
  });

  it('is served to anyone who may see the course, to be cached for ever, and nowhere else', async () => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), imageFile)).toBe(0);
    const file = url.split('/').pop()!;
    const [other] = await api.sql(`SELECT id FROM course WHERE slug = 'digital-security-refresher'`);
    const wrong = [
      url.replace(/[0-9a-f]{16}\.png$/, '0000000000000000.png'),
      url.replace(/\.png$/, '.jpg'),
      `/course-images/${other.id}/${file}`,
      `/course-images/not-an-id/${file}`,
      `/course-images/${course.id}/${file.slice(0, 8)}.png`,
    ];
    for (const path of wrong) expect([path, (await get(path)).status]).toEqual([path, 404]);
  });

  it("of a draft is not found by visitors or learners, and is its trainers' own", async () => {
    const draft = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    await api.sql(
      `INSERT INTO course_image (course_id, path, content_type, bytes, sha256, width, height)
       SELECT $1, path, content_type, bytes, sha256, width, height FROM course_image WHERE course_id = $2`,
      [draft.id, course.id],
    );
    const res = await api.gql(UPDATE_LESSON, { id: draft.modules[0].lessons[0], input: { body: '![The three roles](../images/three-roles.png)' } }, trainer.token);
    expect(res.errors).toBeUndefined();
    const draftUrl = res.data!.updateLesson.bodyHtml.match(/src="([^"]+)"/)![1];
    expect(draftUrl).toBe(url.replace(course.id, draft.id));
    expect((await get(draftUrl)).status).toBe(404);
    expect((await get(draftUrl, learner.token)).status).toBe(404);
    const own = await get(draftUrl, trainer.token);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  });

  it("is in the editor's preview as learners will see it, when the preview names the course", async () => {
    const PREVIEW = `query($source: String!, $courseId: ID) { previewMarkdown(source: $source, courseId: $courseId) }`;
    const source = '![Three roles](../images/three-roles.png)';
    const preview = async (courseId?: string) => api.gql(PREVIEW, { source, courseId }, trainer.token);
    expect((await preview(course.id)).data!.previewMarkdown).toContain(`<img src="${url}" alt="Three roles" width="800" height="372"`);
    const [other] = await api.sql(`SELECT id FROM course WHERE slug = 'digital-security-refresher'`);
    expect((await preview(other.id)).data!.previewMarkdown).toBe('<p>Three roles</p>\n');
    expect((await preview()).data!.previewMarkdown).toBe('<p>Three roles</p>\n');
    expect(errorOf(await preview('00000000-0000-4000-8000-000000000000')).code).toBe('NOT_FOUND');
  });

  it("stays in a lesson edited in the app; an image the course lacks, or another site's, is shown as its description", async () => {
    const body = [
      'The roles: ![Three roles](../images/three-roles.png)',
      '',
      'Not imported: ![A missing chart](../images/missing.png). Elsewhere: ![A tracker](https://tracker.example/p.png)',
    ].join('\n');
    const res = await api.gql(UPDATE_LESSON, { id: lessonId, input: { body } }, admin.token);
    expect(res.errors).toBeUndefined();
    const html: string = res.data!.updateLesson.bodyHtml;
    expect(html.match(/<img [^>]*>/g)).toEqual([`<img src="${url}" alt="Three roles" width="800" height="372" loading="lazy" decoding="async" />`]);
    expect(html).toContain('Not imported: A missing chart. Elsewhere: A tracker</p>');
    expect(html).not.toContain('tracker.example');
  });
});

describe('where a learner continues', () => {
  const FUTURE = '2099-01-05T00:00:00.000Z';

  async function nextLessonOf(person: Person, slug: string) {
    const res = await api.gql(DASHBOARD, {}, person.token);
    expect(res.errors).toBeUndefined();
    const enrollment = res.data!.myEnrollments.find((e: { course: { slug: string } }) => e.course.slug === slug);
    return enrollment.nextLesson;
  }

  it('moves on as lessons are completed, passes over a module not open yet, and ends when all are done', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2, 1, 1], opensAt: [null, FUTURE, null] });
    const person = await signUp(api);
    await enroll(api, person, course.id);
    const [first, second] = course.modules[0].lessons;
    expect(await nextLessonOf(person, course.slug)).toEqual({
      id: first,
      title: 'Lesson 1.1',
      position: 1,
      module: { id: course.modules[0].id, title: 'Week 1', position: 1 },
    });
    await completeLesson(api, person, first);
    expect((await nextLessonOf(person, course.slug)).id).toBe(second);
    await completeLesson(api, person, second);
    // Week 2 opens in 2099: its lesson is locked, so the dashboard points at week 3.
    expect(await nextLessonOf(person, course.slug)).toMatchObject({ id: course.modules[2].lessons[0], module: { position: 3 } });
    await completeLesson(api, person, course.modules[2].lessons[0]);
    expect(await nextLessonOf(person, course.slug)).toBeNull();

    // Once week 2 opens, by the same rule that unlocks its lessons, it is next.
    const clock = api.app.get(Clock);
    const realNow = clock.now;
    clock.now = () => new Date(FUTURE);
    try {
      expect((await nextLessonOf(person, course.slug)).id).toBe(course.modules[1].lessons[0]);
    } finally {
      clock.now = realNow;
    }
  });

  it('costs the same number of statements for two enrolments as for six', async () => {
    const person = await signUp(api);
    const statementsFor = async (enrolments: number) => {
      const mine = (await api.gql(`{ myEnrollments { id } }`, {}, person.token)).data!.myEnrollments.length;
      for (let i = mine; i < enrolments; i++) {
        const course = await buildCourse(api, trainer, { lessonsPerModule: [2, 2] });
        await enroll(api, person, course.id);
        await completeLesson(api, person, course.modules[0].lessons[0]);
      }
      queryCounter.count = 0;
      const res = await api.gql(DASHBOARD, {}, person.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.myEnrollments).toHaveLength(enrolments);
      for (const enrollment of res.data!.myEnrollments) expect(enrollment.nextLesson.title).toBe('Lesson 1.2');
      return queryCounter.count;
    };
    const two = await statementsFor(2);
    expect(two).toBeGreaterThan(0);
    expect(await statementsFor(6)).toBe(two);
  });
});
