import type { Person } from '../platform/testing/factories.js';
import type { TestApi } from '../platform/testing/test-app.js';

/** Test helpers for assignments, through the API as the web app calls it. */

export const RUBRIC = [
  { title: 'Evidence', description: 'Facts with sources.', maxPoints: 10 },
  { title: 'Analysis', maxPoints: 6 },
  { title: 'Recommendations', maxPoints: 4 },
];

export const CREATE = `mutation($input: CreateAssignmentInput!) {
  createAssignment(input: $input) { id title maxPoints groupWork shareWithCohort required passPoints locked rubric { id title maxPoints } }
}`;
export const SAVE = `mutation($a: ID!, $b: String!, $attachmentIds: [ID!], $v: Int) {
  saveSubmissionDraft(assignmentId: $a, body: $b, attachmentIds: $attachmentIds, expectedVersion: $v) { id status version body bodyHtml group late submittedAt }
}`;
export const SUBMIT = `mutation($a: ID!, $b: String!, $attachmentIds: [ID!], $v: Int) {
  submitAssignment(assignmentId: $a, body: $b, attachmentIds: $attachmentIds, expectedVersion: $v) { id status version body late submittedAt learner { id } }
}`;
export const GRADE = `mutation($input: GradeSubmissionInput!) {
  gradeSubmission(input: $input) { id status grade { version score feedback releasedAt criterionScores { points comment criterion { id title } } grader { id } } }
}`;
export const RELEASE = `mutation($a: ID!) { releaseGrades(assignmentId: $a) }`;
export const RETURN = `mutation($s: ID!, $c: String) { returnSubmission(submissionId: $s, comment: $c) { id status version returnedAt returnComment } }`;
export const MY_SUBMISSION = `query($id: ID!) {
  assignment(id: $id) { id mySubmission { id status version body group returnedAt returnComment lastEditor { id } contributors { id } grade { score feedback releasedAt } } }
}`;
export const ADD_MEMBER = `mutation($c: ID!, $u: ID!, $r: EnrollmentRole!, $g: String) { addCourseMember(courseId: $c, userId: $u, role: $r, group: $g) { id } }`;

export async function data<T = any>(api: TestApi, query: string, variables: Record<string, unknown>, who: Person): Promise<T> {
  const res = await api.gql(query, variables, who.token);
  if (res.errors) throw new Error(`${query.trim().split('\n')[0]} failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export async function createAssignment(api: TestApi, who: Person, courseId: string, input: Record<string, unknown> = {}) {
  return (
    await data(api, CREATE, { input: { courseId, title: 'Map the defenders', instructions: 'List *who* you protect.', rubric: RUBRIC, ...input } }, who)
  ).createAssignment as { id: string; maxPoints: number; rubric: { id: string; title: string; maxPoints: number }[] };
}

export async function addMember(api: TestApi, admin: Person, courseId: string, person: Person, group: string | null = null, role = 'LEARNER') {
  await data(api, ADD_MEMBER, { c: courseId, u: person.id, r: role, g: group }, admin);
}

/** Full marks minus `minus` on the first criterion. */
export function scores(rubric: { id: string; maxPoints: number }[], minus = 0) {
  return rubric.map((c, i) => ({ criterionId: c.id, points: i === 0 ? c.maxPoints - minus : c.maxPoints, comment: `On ${i + 1}` }));
}

export async function submitted(api: TestApi, learner: Person, assignmentId: string, body = 'My answer.') {
  return (await data(api, SUBMIT, { a: assignmentId, b: body }, learner)).submitAssignment as { id: string; version: number };
}
