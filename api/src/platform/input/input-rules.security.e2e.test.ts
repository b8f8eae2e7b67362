import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, type CourseOutline, type Person, signUp, signUpAdmin, signUpTrainer } from '../testing/factories.js';
import { errorOf, type GraphQLResponse, startTestApi, type TestApi } from '../testing/test-app.js';

/**
 * Bad input of every kind is refused with BAD_USER_INPUT naming the field, before anything is written:
 * dates that are not real instants, text PostgreSQL cannot store, ids and cursors that are not ours,
 * and names that lie about what they are.
 */

let api: TestApi;
let admin: Person;
let trainer: Person;
let course: CourseOutline;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
});
afterAll(() => api.close());

function expectRefused(res: GraphQLResponse, field?: string) {
  expect(res.errors?.length).toBe(1);
  const error = errorOf(res);
  expect({ code: error.code, ...(field ? { field: error.field } : {}) }).toEqual({ code: 'BAD_USER_INPUT', ...(field ? { field } : {}) });
  expect(error.message).not.toMatch(/something went wrong/i);
  return error;
}

describe('dates', () => {
  const SCHEDULE = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id startsAt } }`;
  const schedule = (startsAt: unknown) =>
    api.gql(SCHEDULE, { input: { courseId: course.id, title: 'Orientation', startsAt, durationMinutes: 60 } }, trainer.token);

  it.each([
    ['a year past 2100', '+275760-09-13T00:00:00Z'],
    ['words', 'not a date'],
    ['a thirteenth month', '2027-13-01T09:00:00Z'],
    ['the 30th of February', '2027-02-30T09:00:00Z'],
    ['a number', 12],
    ['a date without a time', '2027-02-01'],
    ['a time without an offset', '2027-02-01T09:00:00'],
    ['a year before 2000', '1999-12-31T09:00:00Z'],
    ['the 25th hour', '2027-02-01T25:00:00Z'],
  ])('%s is refused as the session start, and nothing is scheduled', async (_what, startsAt) => {
    const error = expectRefused(await schedule(startsAt), 'startsAt');
    expect(error.message?.length).toBeGreaterThan(10);
    expect(await api.sql(`SELECT id FROM live_session WHERE course_id = $1`, [course.id])).toEqual([]);
  });

  it('a date written in the document itself is held to the same rule', async () => {
    const res = await api.gql(
      `mutation { addModule(input: { courseId: "${course.id}", title: "Week 9", opensAt: "garbage" }) { id } }`,
      {},
      trainer.token,
    );
    expectRefused(res);
    expect(await api.sql(`SELECT id FROM course_module WHERE title = 'Week 9'`)).toEqual([]);
  });

  it('a real instant with any offset is kept as that instant', async () => {
    const res = await schedule('2030-02-01T09:00:00+07:00');
    expect(res.errors).toBeUndefined();
    expect(res.data!.scheduleLiveSession.startsAt).toBe('2030-02-01T02:00:00.000Z');
  });
});

describe('text PostgreSQL cannot store', () => {
  const NUL = 'a\u0000b';
  const cases: [string, string, Record<string, unknown>, () => string | undefined, string][] = [
    ['sign-up email', `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: `x${NUL}@example.org`, password: 'long enough password', displayName: 'X' } }, () => undefined, 'email'],
    ['sign-up display name', `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: 'nul-name@example.org', password: 'long enough password', displayName: NUL } }, () => undefined, 'displayName'],
    ['log-in email', `mutation($e: String!) { logIn(email: $e, password: "whatever it is") { token } }`, { e: NUL }, () => undefined, 'e'],
    ['profile name', `mutation($input: UpdateMeInput!) { updateMe(input: $input) { id } }`, { input: { displayName: NUL } }, () => trainer.token, 'displayName'],
    ['course slug', `query($s: String!) { course(slug: $s) { id } }`, { s: NUL }, () => trainer.token, 's'],
    ['course title', `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`, { input: { slug: 'nul-title', title: `Title ${NUL}`, summary: 'S', timeZone: 'UTC' } }, () => trainer.token, 'title'],
    ['course summary', `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`, { input: { slug: 'nul-summary', title: 'Title', summary: NUL, timeZone: 'UTC' } }, () => trainer.token, 'summary'],
    ['lesson body', `mutation($input: AddLessonInput!) { addLesson(input: $input) { id } }`, { input: { moduleId: '00000000-0000-4000-8000-000000000000', title: 'T', body: NUL } }, () => trainer.token, 'body'],
    ['member group', `mutation($c: ID!, $u: ID!, $g: String) { addCourseMember(courseId: $c, userId: $u, role: LEARNER, group: $g) { id } }`, { c: '00000000-0000-4000-8000-000000000000', u: '00000000-0000-4000-8000-000000000000', g: NUL }, () => trainer.token, 'g'],
    ['certificate code', `query($c: String!) { verifyCertificate(code: $c) { code } }`, { c: `KPW-${NUL}` }, () => undefined, 'c'],
    ['people search', `query($s: String) { users(search: $s) { totalCount } }`, { s: NUL }, () => admin.token, 's'],
    ['Markdown preview', `query($s: String!) { previewMarkdown(source: $s) }`, { s: NUL }, () => trainer.token, 's'],
    ['half of a surrogate pair', `mutation($input: UpdateMeInput!) { updateMe(input: $input) { id } }`, { input: { displayName: 'broken \uD83D' } }, () => trainer.token, 'displayName'],
    ['a NUL written in the document', `query { course(slug: "a\\u0000b") { id } }`, {}, () => trainer.token, 'slug'],
  ];

  it.each(cases)('%s: refused, naming the field', async (_what, query, variables, token, field) => {
    expectRefused(await api.gql(query, variables, token()), field);
  });

  it('text longer than any field takes is refused before it is read', async () => {
    expectRefused(await api.gql(`query($s: String!) { course(slug: $s) { id } }`, { s: 'x'.repeat(200_001) }, trainer.token), 's');
  });
});

describe('ids and cursors', () => {
  it.each([
    ['a lesson', `query { lesson(id: "not-an-id") { id } }`, {}, 'id'],
    ['notifications to mark read', `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: ['1', "'; DROP TABLE x; --"] }, 'ids'],
    ['a course to enrol in', `mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: '12' }, 'id'],
    ['a lesson to move, inside an input', `mutation($input: MoveLessonInput!) { moveLesson(input: $input) { id } }`, { input: { lessonId: 'x', position: 1 } }, 'lessonId'],
  ])('%s: an id that is not one of ours is refused', async (_what, query, variables, field) => {
    expectRefused(await api.gql(query, variables, trainer.token), field);
  });

  it('a well-formed id of nothing is still "not found", not an input error', async () => {
    const res = await api.gql(`query { lesson(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, trainer.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.lesson).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['an id that is not an id', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url')],
    ['a date that is not a date', Buffer.from(JSON.stringify(['yesterday', '00000000-0000-4000-8000-000000000000'])).toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
  ])('a forged page cursor (%s) is refused', async (_what, after) => {
    expectRefused(await api.gql(`query($after: String) { users(after: $after) { totalCount } }`, { after }, admin.token), 'after');
  });
});

describe('names that lie', () => {
  const UPDATE = `mutation($input: UpdateMeInput!) { updateMe(input: $input) { displayName } }`;
  let person: Person;
  beforeAll(async () => {
    person = await signUp(api, { displayName: 'Honest Name' });
  });

  it.each([
    ['a right-to-left override', 'evil\u202Egnp.exe'],
    ['isolates', 'a\u2066b\u2069'],
    ['zero-width characters only', '\u200B\u200B'],
    ['combining marks only', '\u0301\u0302'],
    ['a bell', 'ring\u0007'],
    ['an escape sequence', 'red\u001B[31m'],
    ['a newline', 'two\nlines'],
    ['a line separator', 'two\u2028lines'],
  ])('a display name with %s is refused, and the old name stays', async (_what, displayName) => {
    expectRefused(await api.gql(UPDATE, { input: { displayName } }, person.token), 'displayName');
    expect((await api.sql(`SELECT display_name FROM app_user WHERE id = $1`, [person.id]))[0].display_name).toBe('Honest Name');
  });

  it('titles follow the same rule', async () => {
    const res = await api.gql(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
      { input: { slug: 'lying-title', title: 'Course\u202E fdp.exe', summary: 'S', timeZone: 'UTC' } },
      trainer.token,
    );
    expectRefused(res, 'title');
    const session = await api.gql(
      `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`,
      { input: { courseId: course.id, title: 'Call\r\nEND:VEVENT', startsAt: '2030-01-01T00:00:00Z', durationMinutes: 30 } },
      trainer.token,
    );
    expectRefused(session, 'title');
  });

  it('names in any script are kept, in NFC', async () => {
    const res = await api.gql(UPDATE, { input: { displayName: ' Jose\u0301 सीता ' } }, person.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMe.displayName).toBe('José सीता');
  });
});
