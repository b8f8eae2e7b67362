import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';
import { buildCourse, completeLesson, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, type GraphQLResponse, startTestApi, type TestApi } from '../platform/testing/test-app.js';

/**
 * "Continue where you left off" says how far a person got in a course: `Enrollment.nextLesson` hangs
 * off the enrolment, so it reaches only those who may read that enrolment (its owner, the course's
 * trainers and admins). The walk finds every road from a query to an Enrollment in the running API's
 * schema and asks each one as people who are none of those; every enrolment that comes back must be
 * their own.
 */

const MAX_DEPTH = 6;
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

let api: TestApi;
let schema: GraphQLSchema;
let trainer: Person;
let ana: Person;
let ben: Person;
let outsider: Person;
let otherTrainer: Person;
let course: CourseOutline;
const CERTIFICATE = 'KPW-NEXT-0000-0001';
/** Shared with the cohort, with Ana's and Ben's work handed in: roads through submissions lead to enrolments too. */
let assignmentId: string;
/** Ana's handed-in work, which the course's graders open again. */
let submissionId: string;
/** An open grant call requiring the course. */
let grantCallId: string;
/** A thread in the course's space: roads through the community lead to the course, and so to enrolments. */
let threadId: string;

/** The arguments each query that leads to enrolments is asked with. */
const RECIPES: Record<string, () => Record<string, unknown>> = {
  course: () => ({ slug: course.slug }),
  courses: () => ({}),
  lesson: () => ({ id: course.modules[0].lessons[0] }),
  myEnrollments: () => ({}),
  myUpcomingSessions: () => ({}),
  verifyCertificate: () => ({ code: CERTIFICATE }),
  assignment: () => ({ id: assignmentId }),
  gradingQueue: () => ({ courseId: course.id }),
  gradebook: () => ({ courseId: course.id }),
  submissionToGrade: () => ({ id: submissionId }),
  // A grant call may require this course: its requiredCourse is a road to the viewer's enrolment too.
  grantCalls: () => ({}),
  grantCall: () => ({ id: grantCallId }),
  grantApplication: () => ({ id: grantCallId }),
  myGrantApplications: () => ({}),
  myReviewQueue: () => ({}),
  spaces: () => ({}),
  space: () => ({ slug: `course-${course.slug}` }),
  thread: () => ({ id: threadId }),
  searchPosts: () => ({ query: 'walk' }),
  moderationQueue: () => ({}),
  // Invitations name spaces, and a space its course: the viewer's own invitations only.
  mySpaceInvitations: () => ({}),
};

/** Every field path from `typeName` to an Enrollment, visiting no type twice on one path. */
function pathsToEnrollment(typeName: string, seen: string[], depth: number): string[][] {
  if (typeName === 'Enrollment') return [[]];
  const type = schema.getType(typeName);
  if (!isObjectType(type) || depth >= MAX_DEPTH || seen.includes(typeName)) return [];
  return Object.values(type.getFields()).flatMap((field) =>
    pathsToEnrollment(getNamedType(field.type).name, [...seen, typeName], depth + 1).map((rest) => [field.name, ...rest]),
  );
}

/** Every enrolment in a response: the objects carrying the selection the walk asks of an Enrollment. */
function enrollmentsIn(value: unknown, found: { id: string; user: { id: string }; nextLesson: { id: string } | null }[] = []) {
  if (Array.isArray(value)) value.forEach((v) => enrollmentsIn(v, found));
  else if (value && typeof value === 'object') {
    if ('nextLesson' in value) found.push(value as (typeof found)[number]);
    else Object.values(value).forEach((v) => enrollmentsIn(v, found));
  }
  return found;
}

beforeAll(async () => {
  api = await startTestApi();
  schema = api.app.get(GraphQLSchemaHost).schema;
  const admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  otherTrainer = await signUpTrainer(api, admin);
  ana = await signUp(api, { displayName: 'Ana' });
  ben = await signUp(api, { displayName: 'Ben' });
  outsider = await signUp(api, { displayName: 'Olga' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [3] });
  await enroll(api, ana, course.id);
  await enroll(api, ben, course.id);
  // Ana is further on than Ben: her next lesson is the second, his the first.
  await completeLesson(api, ana, course.modules[0].lessons[0]);
  const schedule = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`;
  const startsAt = new Date(Date.now() + 10 * 24 * 3600_000).toISOString();
  expect((await api.gql(schedule, { input: { courseId: course.id, title: 'Seminar', startsAt, durationMinutes: 60 } }, trainer.token)).errors).toBeUndefined();
  await api.sql(
    `INSERT INTO certificate (enrollment_id, course_id, code, issued_at, holder_name) SELECT id, course_id, $2, now(), 'Ana' FROM enrollment WHERE user_id = $1`,
    [ana.id, CERTIFICATE],
  );
  const created = await api.gql(
    `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
    { input: { courseId: course.id, title: 'Shared work', instructions: 'Write.', rubric: [{ title: 'All', maxPoints: 5 }], shareWithCohort: true } },
    trainer.token,
  );
  assignmentId = created.data!.createAssignment.id;
  const call = await api.gql(
    `mutation($input: CreateGrantCallInput!) { createGrantCall(input: $input) { id } }`,
    {
      input: {
        title: 'Grants',
        description: 'For alumni.',
        opensAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
        criteria: [{ title: 'Impact', weight: 1, maxScore: 10 }, { title: 'Plan', weight: 1, maxScore: 10 }],
        requiredCourseId: course.id,
      },
    },
    admin.token,
  );
  grantCallId = call.data!.createGrantCall.id;
  expect((await api.gql(`mutation($id: ID!) { openGrantCall(callId: $id) { id } }`, { id: grantCallId }, admin.token)).errors).toBeUndefined();
  for (const person of [ana, ben]) {
    const res = await api.gql(`mutation($a: ID!) { submitAssignment(assignmentId: $a, body: "Mine.") { id } }`, { a: assignmentId }, person.token);
    expect(res.errors).toBeUndefined();
    if (person === ana) submissionId = res.data!.submitAssignment.id;
  }
  const [space] = await api.sql<{ id: string }>(`SELECT id FROM space WHERE course_id = $1`, [course.id]);
  const started = await api.gql(`mutation($s: ID!) { startThread(spaceId: $s, title: "A walk question", body: "A walk post.") { id } }`, { s: space.id }, ana.token);
  threadId = started.data!.startThread.id;
});
afterAll(() => api.close());

describe("a person's next lesson", () => {
  it('is what their own enrolment says', async () => {
    const mine = async (person: Person) => (await api.gql(`{ myEnrollments { nextLesson { id } } }`, {}, person.token)).data!.myEnrollments;
    expect(await mine(ana)).toEqual([{ nextLesson: { id: course.modules[0].lessons[1] } }]);
    expect(await mine(ben)).toEqual([{ nextLesson: { id: course.modules[0].lessons[0] } }]);
  });

  it("reaches nobody else on any road from a query, whoever asks", async () => {
    const roads = Object.values(schema.getQueryType()!.getFields()).flatMap((field) =>
      pathsToEnrollment(getNamedType(field.type).name, [], 1).map((path) => ({ root: field.name, path })),
    );
    // A new road to enrolments must be walked: give it a recipe.
    expect([...new Set(roads.map((r) => r.root))].filter((root) => !(root in RECIPES))).toEqual([]);

    const viewers: [string, Person | null][] = [
      ['a visitor', null],
      ['another learner of the course', ben],
      ['someone outside it', outsider],
      ['a trainer of another course', otherTrainer],
    ];
    const wrong: string[] = [];
    const sawOwn = new Set<string>();
    for (const { root, path } of roads) {
      const road = [root, ...path].join('.');
      const args = Object.keys(RECIPES[root]());
      const field = schema.getQueryType()!.getFields()[root];
      const variables = field.args.filter((a) => args.includes(a.name));
      const query = `query${variables.length ? `(${variables.map((a) => `$${a.name}: ${a.type}`).join(', ')})` : ''} {
        ${root}${variables.length ? `(${variables.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}
        ${path.reduceRight((inner, name) => `{ ${name} ${inner} }`, '{ id user { id } nextLesson { id } }')}
      }`;
      for (const [who, viewer] of viewers) {
        const res: GraphQLResponse = await api.gql(query, RECIPES[root](), viewer?.token);
        for (const error of res.errors ?? []) {
          if (!REFUSALS.has(error.extensions?.code)) wrong.push(`${road} as ${who}: ${error.extensions?.code} ${error.message}`);
        }
        for (const enrollment of enrollmentsIn(res.data)) {
          if (enrollment.user.id !== viewer?.id) wrong.push(`${road} as ${who} showed the enrolment of ${enrollment.user.id}`);
          else sawOwn.add(road);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The walk proves something only if its roads led to enrolments: Ben's own, at least.
    expect([...sawOwn]).toEqual(expect.arrayContaining(['myEnrollments', 'course.myEnrollment', 'lesson.module.course.myEnrollment', 'grantCalls.requiredCourse.myEnrollment']));
  }, 120_000);

  it('lies behind the few doors to enrolments, each of which answers only to the owner or the course\'s trainers and admins', () => {
    const doors = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.values((type as GraphQLObjectType).getFields())
          .filter((field) => getNamedType(field.type).name === 'Enrollment')
          .map((field) => `${type.name}.${field.name}`),
      )
      .sort();
    // A new door to enrolments must be judged here first (and walked, for queries, above).
    expect(doors).toEqual([
      'Course.enrollments', // trainers and admins (courses.resolver.ts)
      'Course.myEnrollment', // the viewer's own
      'Mutation.acceptCourseInvitation', // the one who accepts, now a member
      'Mutation.addCourseMember', // trainers and admins
      'Mutation.completeLesson', // the viewer's own
      'Mutation.enroll', // the viewer's own
      'Query.myEnrollments', // the viewer's own
    ]);
  });

  it("is not reached through a change either: changes answer with the changer's own enrolment, or are refused", async () => {
    const SELECT = `{ id user { id } nextLesson { id } }`;
    const completed = await api.gql(`mutation($id: ID!) { completeLesson(lessonId: $id) ${SELECT} }`, { id: course.modules[0].lessons[0] }, ben.token);
    expect(completed.data!.completeLesson).toMatchObject({ user: { id: ben.id }, nextLesson: { id: course.modules[0].lessons[1] } });
    const enrolled = await api.gql(`mutation($id: ID!) { enroll(courseId: $id) ${SELECT} }`, { id: course.id }, ben.token);
    expect(enrolled.data!.enroll.user.id).toBe(ben.id);
    const added = await api.gql(
      `mutation($c: ID!, $u: ID!) { addCourseMember(courseId: $c, userId: $u, role: LEARNER) ${SELECT} }`,
      { c: course.id, u: ana.id },
      ben.token,
    );
    expect(errorOf(added).code).toBe('FORBIDDEN');
    expect(added.data).toBeNull();
  });

  it("shows the course's trainer where each of its learners is", async () => {
    const res = await api.gql(`query($slug: String!) { course(slug: $slug) { enrollments { user { id } nextLesson { id } } } }`, { slug: course.slug }, trainer.token);
    const byUser = Object.fromEntries(res.data!.course.enrollments.map((e: { user: { id: string }; nextLesson: { id: string } | null }) => [e.user.id, e.nextLesson?.id]));
    expect(byUser[ana.id]).toBe(course.modules[0].lessons[1]);
  });
});
