import { randomBytes } from 'node:crypto';
import type { TestApi } from './test-app.js';

export const PASSWORD = 'correct horse battery';

export interface Person {
  id: string;
  token: string;
  email: string;
  displayName: string;
}

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token user { id email displayName roles } }
  }
`;

/** Signs up a new person through the API; overrides change any input field. */
export async function signUp(api: TestApi, overrides: Record<string, unknown> = {}): Promise<Person & { roles: string[] }> {
  const email = `person-${randomBytes(4).toString('hex')}@example.org`;
  const input = { email, password: PASSWORD, displayName: 'Test Person', ...overrides };
  const res = await api.gql(SIGN_UP, { input });
  if (res.errors) throw new Error(`sign-up failed: ${JSON.stringify(res.errors)}`);
  const { token, user } = res.data!.signUp;
  return { id: user.id, token, email: user.email, displayName: user.displayName, roles: user.roles };
}

/** The first account of a fresh database, which is the admin. */
export const signUpAdmin = (api: TestApi) => signUp(api, { displayName: 'First Admin' });

export async function grantRoles(api: TestApi, admin: Person, user: Person, roles: string[]): Promise<void> {
  const res = await api.gql(
    `mutation($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id } }`,
    { userId: user.id, roles },
    admin.token,
  );
  if (res.errors) throw new Error(`setUserRoles failed: ${JSON.stringify(res.errors)}`);
}

export interface CourseOutline {
  id: string;
  slug: string;
  modules: { id: string; lessons: string[] }[];
}

async function ok<T = any>(api: TestApi, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await api.gql(query, variables, token);
  if (res.errors) throw new Error(`${query.trim().split('\n')[0]} failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/**
 * A course built through the API by `trainer`: `lessonsPerModule[i]` lessons in module i.
 * `opensAt[i]` optionally sets when module i opens.
 */
export async function buildCourse(
  api: TestApi,
  trainer: Person,
  { lessonsPerModule = [2], opensAt = [], publish = true }: { lessonsPerModule?: number[]; opensAt?: (string | null)[]; publish?: boolean } = {},
): Promise<CourseOutline> {
  const slug = `course-${randomBytes(4).toString('hex')}`;
  const { createCourse } = await ok(
    api,
    `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id slug } }`,
    { input: { slug, title: `Course ${slug}`, summary: 'A course for tests.', timeZone: 'Asia/Bangkok' } },
    trainer.token,
  );
  const modules = [];
  for (const [i, count] of lessonsPerModule.entries()) {
    const { addModule } = await ok(
      api,
      `mutation($input: AddModuleInput!) { addModule(input: $input) { id } }`,
      { input: { courseId: createCourse.id, title: `Week ${i + 1}`, part: i < 2 ? 'Part One' : 'Part Two', opensAt: opensAt[i] ?? null } },
      trainer.token,
    );
    const lessons = [];
    for (let j = 0; j < count; j++) {
      const { addLesson } = await ok(
        api,
        `mutation($input: AddLessonInput!) { addLesson(input: $input) { id } }`,
        { input: { moduleId: addModule.id, title: `Lesson ${i + 1}.${j + 1}`, body: `## Lesson ${j + 1}\n\nText.`, estimatedMinutes: 10 } },
        trainer.token,
      );
      lessons.push(addLesson.id);
    }
    modules.push({ id: addModule.id, lessons });
  }
  if (publish) await ok(api, `mutation($id: ID!) { publishCourse(courseId: $id) { id } }`, { id: createCourse.id }, trainer.token);
  return { id: createCourse.id, slug, modules };
}

export async function enroll(api: TestApi, person: Person, courseId: string) {
  return (await ok(api, `mutation($id: ID!) { enroll(courseId: $id) { id status progress } }`, { id: courseId }, person.token)).enroll;
}

export async function completeLesson(api: TestApi, person: Person, lessonId: string) {
  return (await ok(api, `mutation($id: ID!) { completeLesson(lessonId: $id) { id status progress completedAt } }`, { id: lessonId }, person.token))
    .completeLesson;
}

/** A trainer: signed up, then given the TRAINER role by the admin. */
export async function signUpTrainer(api: TestApi, admin: Person): Promise<Person> {
  const trainer = await signUp(api, { displayName: 'Trainer' });
  await grantRoles(api, admin, trainer, ['TRAINER']);
  return trainer;
}
