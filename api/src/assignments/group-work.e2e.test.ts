import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, type CourseOutline, enroll, PASSWORD, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { addMember, createAssignment, data, GRADE, MY_SUBMISSION, RELEASE, SAVE, scores, SUBMIT } from './assignment-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
let nepalOne: Person;
let nepalTwo: Person;
let thai: Person;
let loner: Person;
let course: CourseOutline;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  nepalOne = await signUp(api, { displayName: 'Sita' });
  nepalTwo = await signUp(api, { displayName: 'Ram' });
  thai = await signUp(api, { displayName: 'Malee' });
  loner = await signUp(api, { displayName: 'No Group' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await addMember(api, admin, course.id, nepalOne, 'Nepal');
  await addMember(api, admin, course.id, nepalTwo, 'Nepal');
  await addMember(api, admin, course.id, thai, 'Thailand');
  await enroll(api, loner, course.id);
  await api.startWorker();
});
afterAll(() => api.close());

const plan = () => createAssignment(api, trainer, course.id, { title: "Your country's action plan", groupWork: true, shareWithCohort: true });

describe('group work', () => {
  it('is one submission per enrolment group, written by all its members, with who wrote last and who contributed', async () => {
    const made = await plan();
    const first = (await data(api, SAVE, { a: made.id, b: 'Sita: priorities', v: 0 }, nepalOne)).saveSubmissionDraft;
    expect(first).toMatchObject({ group: 'Nepal', version: 1 });
    const second = (await data(api, SAVE, { a: made.id, b: 'Sita: priorities\nRam: budget', v: 1 }, nepalTwo)).saveSubmissionDraft;
    expect(second).toMatchObject({ id: first.id, version: 2 });
    const seen = (await data(api, MY_SUBMISSION, { id: made.id }, nepalOne)).assignment.mySubmission;
    expect(seen).toMatchObject({ id: first.id, body: 'Sita: priorities\nRam: budget', lastEditor: { id: nepalTwo.id }, contributors: [{ id: nepalOne.id }, { id: nepalTwo.id }] });
    // Another country's group has its own.
    expect((await data(api, MY_SUBMISSION, { id: made.id }, thai)).assignment.mySubmission).toBeNull();
    const theirs = (await data(api, SAVE, { a: made.id, b: 'Thai plan', v: 0 }, thai)).saveSubmissionDraft;
    expect(theirs).toMatchObject({ group: 'Thailand', version: 1 });
    expect(theirs.id).not.toBe(first.id);
  });

  it('refuses a learner without a group (BAD_USER_INPUT on group)', async () => {
    const made = await plan();
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'x' }, loner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'group' });
    expect(errorOf(await api.gql(SUBMIT, { a: made.id, b: 'x' }, loner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'group' });
  });

  it('lets exactly one of two members saving from the same version at once win; the other gets CONFLICT and loses no text', async () => {
    const made = await plan();
    await data(api, SAVE, { a: made.id, b: 'Start', v: 0 }, nepalOne);
    for (let round = 0; round < 5; round++) {
      const { version } = (await data(api, MY_SUBMISSION, { id: made.id }, nepalOne)).assignment.mySubmission;
      const texts = [`Sita's paragraph ${round}`, `Ram's paragraph ${round}`];
      const results = await Promise.all([
        api.gql(SAVE, { a: made.id, b: texts[0], v: version }, nepalOne.token),
        api.gql(SAVE, { a: made.id, b: texts[1], v: version }, nepalTwo.token),
      ]);
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => r.errors)!;
      expect(errorOf(loser)).toMatchObject({ code: 'CONFLICT', field: 'body' });
      // What the server kept is the winner's text, one version on; the loser still holds theirs to merge.
      const now = (await data(api, MY_SUBMISSION, { id: made.id }, nepalTwo)).assignment.mySubmission;
      expect(now.version).toBe(version + 1);
      expect(now.body).toBe(winners[0].data!.saveSubmissionDraft.body);
      expect(texts).toContain(now.body);
    }
  });

  it("creates one submission when two members' first saves race", async () => {
    const made = await plan();
    const results = await Promise.all([
      api.gql(SAVE, { a: made.id, b: 'One', v: 0 }, nepalOne.token),
      api.gql(SAVE, { a: made.id, b: 'Two', v: 0 }, nepalTwo.token),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT', field: 'body' });
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM submission WHERE assignment_id = $1`, [made.id]);
    expect(n).toBe(1);
  });

  it('is submitted by one member for the group, graded once, and released to every member', async () => {
    const made = await plan();
    await data(api, SAVE, { a: made.id, b: 'Draft', v: 0 }, nepalOne);
    const handedIn = (await data(api, SUBMIT, { a: made.id, b: 'Our plan', v: 1 }, nepalTwo)).submitAssignment;
    expect(handedIn).toMatchObject({ status: 'SUBMITTED', learner: { id: nepalTwo.id } });
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'late edit' }, nepalOne.token)).code).toBe('CONFLICT');
    await data(api, GRADE, { input: { submissionId: handedIn.id, criterionScores: scores(made.rubric), feedback: 'Strong plan.' } }, trainer);
    expect((await data(api, RELEASE, { a: made.id }, trainer)).releaseGrades).toBe(1);
    for (const member of [nepalOne, nepalTwo]) {
      expect((await data(api, MY_SUBMISSION, { id: made.id }, member)).assignment.mySubmission.grade).toMatchObject({ score: 20, feedback: 'Strong plan.' });
    }
    const told = async (who: Person) => api.sql(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'GRADE_RELEASED' AND link LIKE $2`, [who.id, `%${made.id}`]);
    await waitFor(async () => (await told(nepalOne)).length === 1 && (await told(nepalTwo)).length === 1);
    await waitFor(() => [nepalOne, nepalTwo].every((p) => sentNotices(api.config).some((m) => m.to === p.email && m.subject.includes('action plan'))));
    expect(await told(thai)).toHaveLength(0);
  });

  it("keeps a group's work when a member deletes their account, and removes a member's own work", async () => {
    const leaving = await signUp(api, { displayName: 'Leaving' });
    await addMember(api, admin, course.id, leaving, 'Nepal');
    const groupPlan = await plan();
    const own = await createAssignment(api, trainer, course.id);
    const group = (await data(api, SUBMIT, { a: groupPlan.id, b: 'Written together' }, leaving)).submitAssignment;
    const mine = (await data(api, SUBMIT, { a: own.id, b: 'Mine alone' }, leaving)).submitAssignment;
    expect((await data(api, `mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaving)).deleteMyAccount).toBe(true);
    expect(await api.sql(`SELECT body FROM submission WHERE id = ANY($1::uuid[])`, [[group.id, mine.id]])).toEqual([{ body: 'Written together' }]);
    const seen = (await data(api, MY_SUBMISSION, { id: groupPlan.id }, nepalOne)).assignment.mySubmission;
    expect(seen).toMatchObject({ body: 'Written together', status: 'SUBMITTED' });
  });

  it("shares the groups' submitted plans with the cohort, never the grade", async () => {
    const made = await plan();
    const { id } = (await data(api, SUBMIT, { a: made.id, b: 'Thai plan' }, thai)).submitAssignment;
    await data(api, GRADE, { input: { submissionId: id, criterionScores: scores(made.rubric), feedback: 'Private.', release: true } }, trainer);
    const shared = await data(api, `query($id: ID!) { assignment(id: $id) { sharedSubmissions { id group body grade { score } } } }`, { id: made.id }, nepalOne);
    expect(shared.assignment.sharedSubmissions).toEqual([{ id, group: 'Thailand', body: 'Thai plan', grade: null }]);
  });
});
