import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { buildCourse, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';

// No worker in this process: its jobs' statements would be counted too.
let api: TestApi;
let trainer: Person;
let reader: Person;
let spaceId: string;

const ok = (res: { data?: any; errors?: unknown }) => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};
const SET = `mutation($c: ID!, $s: [ID!]!) { setCourseNetworkSpaces(courseId: $c, spaceIds: $s) { id } }`;

async function addCourse() {
  const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  ok(await api.gql(SET, { c: course.id, s: [spaceId] }, trainer.token));
}
async function statements() {
  queryCounter.count = 0;
  const { courses } = ok(await api.gql(`{ courses { id networkSpaces { slug } } }`, {}, reader.token));
  return { statements: queryCounter.count, courses: courses.length, linked: courses.filter((c: { networkSpaces: unknown[] }) => c.networkSpaces.length).length };
}

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  const admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  reader = await signUp(api);
  const input = { slug: 'alumni', title: 'Alumni', description: '', kind: 'NETWORK' };
  spaceId = ok(await api.gql(`mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`, { input }, admin.token)).createSpace.id;
});
afterAll(() => api.close());

describe('SQL statements of Course.networkSpaces', () => {
  it('are the same for a list of 1 and of 6 courses', async () => {
    await addCourse();
    const one = await statements();
    for (let i = 0; i < 5; i++) await addCourse();
    const six = await statements();
    expect([one.courses, one.linked, six.courses, six.linked]).toEqual([1, 1, 6, 6]);
    expect(six.statements).toBe(one.statements);
  });
});
