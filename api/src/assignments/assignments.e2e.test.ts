import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { addMember, CREATE, createAssignment, data, GRADE, MY_SUBMISSION, RUBRIC, SAVE, scores, SUBMIT, submitted } from './assignment-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
let otherTrainer: Person;
let learner: Person;
let anotherLearner: Person;
let outsider: Person;
let course: CourseOutline;

const UPDATE = `mutation($input: UpdateAssignmentInput!) { updateAssignment(input: $input) { id title required passPoints dueAt module { id } rubric { title } } }`;
const DELETE = `mutation($id: ID!) { deleteAssignment(id: $id) }`;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  otherTrainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Learner One' });
  anotherLearner = await signUp(api, { displayName: 'Learner Two' });
  outsider = await signUp(api, { displayName: 'Outsider' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1, 1] });
  await buildCourse(api, otherTrainer, { lessonsPerModule: [1] });
  await enroll(api, learner, course.id);
  await enroll(api, anotherLearner, course.id);
});
afterAll(() => api.close());

const create = (who: Person | null, input: Record<string, unknown> = {}) =>
  api.gql(CREATE, { input: { courseId: course.id, title: 'Map the defenders', instructions: 'Text', rubric: RUBRIC, ...input } }, who?.token);

describe('setting work', () => {
  it("is for the course's trainers and admins", async () => {
    expect((await create(trainer)).errors).toBeUndefined();
    expect((await create(admin)).errors).toBeUndefined();
    for (const who of [otherTrainer, learner, outsider]) expect(errorOf(await create(who)).code).toBe('FORBIDDEN');
    expect(errorOf(await create(null)).code).toBe('UNAUTHENTICATED');
  });

  it('sums the rubric into maxPoints and renders instructions as sanitized HTML', async () => {
    const made = await createAssignment(api, trainer, course.id, {
      instructions: '# Task\n\n<script>alert(1)</script> [x](javascript:alert(1)) **bold**',
      moduleId: course.modules[1].id,
      required: true,
      passPoints: 12,
    });
    expect(made.maxPoints).toBe(20);
    expect(made.rubric.map((c) => c.title)).toEqual(['Evidence', 'Analysis', 'Recommendations']);
    const res = await data(api, `query($id: ID!) { assignment(id: $id) { instructions instructionsHtml required passPoints module { id } course { id } } }`, { id: made.id }, learner);
    expect(res.assignment.instructionsHtml).toContain('<strong>bold</strong>');
    expect(res.assignment.instructionsHtml).not.toMatch(/<script|href="javascript:/);
    expect(res.assignment).toMatchObject({ required: true, passPoints: 12, module: { id: course.modules[1].id }, course: { id: course.id } });
  });

  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['title', { title: 'two\nlines' }],
    ['instructions', { instructions: '' }],
    ['instructions', { instructions: 'x'.repeat(50_001) }],
    ['rubric', { rubric: [] }],
    ['rubric', { rubric: Array.from({ length: 21 }, (_, i) => ({ title: `C${i}`, maxPoints: 1 })) }],
    ['rubric.0.maxPoints', { rubric: [{ title: 'Zero', maxPoints: 0 }] }],
    ['rubric.0.maxPoints', { rubric: [{ title: 'Huge', maxPoints: 1001 }] }],
    ['rubric.0.title', { rubric: [{ title: '', maxPoints: 1 }] }],
    ['passPoints', { passPoints: -1 }],
    ['passPoints', { passPoints: 21 }],
    ['courseId', { courseId: 'nope' }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, input) => {
    expect(errorOf(await create(trainer, input))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a week of another course', async () => {
    const other = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    expect(errorOf(await create(trainer, { moduleId: other.modules[0].id }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'moduleId' });
  });

  it('changes the fields given, for trainers and admins only', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const res = await data(api, UPDATE, { input: { id: made.id, title: 'Renamed', required: true, rubric: [{ title: 'Only', maxPoints: 5 }] } }, trainer);
    expect(res.updateAssignment).toMatchObject({ title: 'Renamed', required: true, rubric: [{ title: 'Only' }] });
    const cleared = await data(api, UPDATE, { input: { id: made.id, dueAt: null, passPoints: null } }, admin);
    expect(cleared.updateAssignment).toMatchObject({ title: 'Renamed', dueAt: null, passPoints: null });
    for (const who of [otherTrainer, learner, outsider]) expect(errorOf(await api.gql(UPDATE, { input: { id: made.id, title: 'X' } }, who.token)).code).toBe('FORBIDDEN');
  });

  it('keeps the rubric once work is graded (CONFLICT on rubric), and the assignment once work is handed in', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const { id } = await submitted(api, learner, made.id);
    expect(errorOf(await api.gql(DELETE, { id: made.id }, trainer.token)).code).toBe('CONFLICT');
    expect((await api.gql(UPDATE, { input: { id: made.id, rubric: [{ title: 'New', maxPoints: 3 }] } }, trainer.token)).errors).toBeUndefined();
    const rubric = (await data(api, `query($id: ID!) { assignment(id: $id) { rubric { id maxPoints } } }`, { id: made.id }, trainer)).assignment.rubric;
    await data(api, GRADE, { input: { submissionId: id, criterionScores: scores(rubric), feedback: 'Good.' } }, trainer);
    expect(errorOf(await api.gql(UPDATE, { input: { id: made.id, rubric: RUBRIC } }, trainer.token))).toMatchObject({ code: 'CONFLICT', field: 'rubric' });
    expect((await api.gql(UPDATE, { input: { id: made.id, title: 'Still fine' } }, trainer.token)).errors).toBeUndefined();
  });

  it('keeps work individual or group once learners have begun it (CONFLICT on groupWork)', async () => {
    const made = await createAssignment(api, trainer, course.id);
    await data(api, SAVE, { a: made.id, b: 'begun' }, learner);
    expect(errorOf(await api.gql(UPDATE, { input: { id: made.id, groupWork: true } }, trainer.token))).toMatchObject({ code: 'CONFLICT', field: 'groupWork' });
    expect(errorOf(await api.gql(UPDATE, { input: { id: made.id, passPoints: 99 } }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'passPoints' });
  });

  it('removes an assignment without handed-in work, drafts with it', async () => {
    const made = await createAssignment(api, trainer, course.id);
    await data(api, SAVE, { a: made.id, b: 'draft' }, learner);
    expect(errorOf(await api.gql(DELETE, { id: made.id }, learner.token)).code).toBe('FORBIDDEN');
    expect((await data(api, DELETE, { id: made.id }, trainer)).deleteAssignment).toBe(true);
    expect((await api.gql(`query($id: ID!) { assignment(id: $id) { id } }`, { id: made.id }, trainer.token)).data!.assignment).toBeNull();
  });

  it('lists assignments on the course in the order of its weeks', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1, 1] });
    const late = await createAssignment(api, trainer, fresh.id, { title: 'Week two', moduleId: fresh.modules[1].id });
    const early = await createAssignment(api, trainer, fresh.id, { title: 'Week one', moduleId: fresh.modules[0].id });
    const loose = await createAssignment(api, trainer, fresh.id, { title: 'Any time' });
    const res = await api.gql(`query($slug: String!) { course(slug: $slug) { assignments { id } } }`, { slug: fresh.slug });
    expect(res.data!.course.assignments.map((a: { id: string }) => a.id)).toEqual([early.id, late.id, loose.id]);
  });
});

describe('drafts and submitting', () => {
  it('saves drafts as often as wanted, then submits once; editing after submitting is CONFLICT', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const first = (await data(api, SAVE, { a: made.id, b: 'First *words*', v: 0 }, learner)).saveSubmissionDraft;
    expect(first).toMatchObject({ status: 'DRAFT', version: 1, body: 'First *words*', late: false, submittedAt: null });
    expect(first.bodyHtml).toContain('<em>words</em>');
    const second = (await data(api, SAVE, { a: made.id, b: 'Second ', v: 1 }, learner)).saveSubmissionDraft;
    expect(second).toMatchObject({ id: first.id, version: 2, body: 'Second ' });
    const done = (await data(api, SUBMIT, { a: made.id, b: 'Final', v: 2 }, learner)).submitAssignment;
    expect(done).toMatchObject({ id: first.id, status: 'SUBMITTED', version: 3, late: false, learner: { id: learner.id } });
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'More' }, learner.token)).code).toBe('CONFLICT');
    expect(errorOf(await api.gql(SUBMIT, { a: made.id, b: 'Again' }, learner.token)).code).toBe('CONFLICT');
  });

  it('refuses a stale version with CONFLICT on body, keeping the newer text', async () => {
    const made = await createAssignment(api, trainer, course.id);
    await data(api, SAVE, { a: made.id, b: 'From the laptop', v: 0 }, learner);
    const stale = await api.gql(SAVE, { a: made.id, b: 'From the phone', v: 0 }, learner.token);
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', field: 'body' });
    expect(errorOf(stale).message).toMatch(/merge/);
    const mine = (await data(api, MY_SUBMISSION, { id: made.id }, learner)).assignment.mySubmission;
    expect(mine).toMatchObject({ body: 'From the laptop', version: 1 });
  });

  it('marks work handed in after the due time late, and still takes it', async () => {
    const made = await createAssignment(api, trainer, course.id, { dueAt: new Date(Date.now() - 3600_000).toISOString() });
    expect((await data(api, SUBMIT, { a: made.id, b: 'Sorry, late' }, learner)).submitAssignment).toMatchObject({ status: 'SUBMITTED', late: true });
  });

  it('refuses an empty hand-in and over-long or broken text', async () => {
    const made = await createAssignment(api, trainer, course.id);
    expect(errorOf(await api.gql(SUBMIT, { a: made.id, b: '   ' }, learner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'x'.repeat(100_001) }, learner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'bidi \u202e trick' }, learner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });

  it('is for learners of the course: trainers, admins and outsiders are FORBIDDEN, the signed-out UNAUTHENTICATED', async () => {
    const made = await createAssignment(api, trainer, course.id);
    for (const who of [trainer, admin, otherTrainer, outsider]) expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'x' }, who.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'x' })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await api.gql(SAVE, { a: '00000000-0000-4000-8000-000000000000', b: 'x' }, learner.token)).code).toBe('NOT_FOUND');
  });

  it("keeps a locked week's assignment closed to learners (FORBIDDEN) and its instructions hidden, as lessons are", async () => {
    const future = new Date(Date.now() + 7 * 86400_000).toISOString();
    const timed = await buildCourse(api, trainer, { lessonsPerModule: [1, 1], opensAt: [null, future] });
    await enroll(api, learner, timed.id);
    const made = await createAssignment(api, trainer, timed.id, { moduleId: timed.modules[1].id, instructions: 'Secret task' });
    const READ = `query($id: ID!) { assignment(id: $id) { locked instructions instructionsHtml } }`;
    expect((await data(api, READ, { id: made.id }, learner)).assignment).toEqual({ locked: true, instructions: '', instructionsHtml: '' });
    expect((await data(api, READ, { id: made.id }, trainer)).assignment).toMatchObject({ locked: false, instructions: 'Secret task' });
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'early' }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SUBMIT, { a: made.id, b: 'early' }, learner.token)).code).toBe('FORBIDDEN');
  });

  it('attaches only media the writer uploaded; an empty list is fine', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const [mine] = await api.sql<{ id: string }>(
      `INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status)
       VALUES (gen_random_uuid(), $1, 'ASSIGNMENT_ATTACHMENT', 'map.pdf', 'application/pdf', 1234, 'READY') RETURNING id`,
      [learner.id],
    );
    const [theirs] = await api.sql<{ id: string }>(
      `INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status)
       VALUES (gen_random_uuid(), $1, 'ASSIGNMENT_ATTACHMENT', 'other.pdf', 'application/pdf', 1, 'READY') RETURNING id`,
      [anotherLearner.id],
    );
    expect((await api.gql(SAVE, { a: made.id, b: 'x', attachmentIds: [] }, learner.token)).errors).toBeUndefined();
    for (const attachmentIds of [[theirs.id], ['00000000-0000-4000-8000-000000000000'], ['not-an-id']]) {
      expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'x', attachmentIds }, learner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
    }
    await data(api, SAVE, { a: made.id, b: 'with file', attachmentIds: [mine.id] }, learner);
    const read = await data(api, `query($id: ID!) { assignment(id: $id) { mySubmission { attachments { id filename } } } }`, { id: made.id }, learner);
    expect(read.assignment.mySubmission.attachments).toEqual([{ id: mine.id, filename: 'map.pdf' }]);
    // Absent: the attachments stay.
    await data(api, SAVE, { a: made.id, b: 'still with file' }, learner);
    const again = await data(api, `query($id: ID!) { assignment(id: $id) { mySubmission { attachments { id } } } }`, { id: made.id }, learner);
    expect(again.assignment.mySubmission.attachments).toEqual([{ id: mine.id }]);
  });
});

describe('who sees what', () => {
  const ALL = `query($id: ID!) { assignment(id: $id) { submissions { id body grade { score } } } }`;
  const SHARED = `query($id: ID!) { assignment(id: $id) { sharedSubmissions { id body returnComment grade { score } learner { id displayName email } } } }`;

  it("shows everyone's work to the course's trainers and admins only", async () => {
    const made = await createAssignment(api, trainer, course.id);
    await submitted(api, learner, made.id, 'Mine');
    for (const who of [trainer, admin]) expect((await data(api, ALL, { id: made.id }, who)).assignment.submissions).toHaveLength(1);
    for (const who of [otherTrainer, learner, anotherLearner, outsider]) expect(errorOf(await api.gql(ALL, { id: made.id }, who.token)).code).toBe('FORBIDDEN');
  });

  it("never shows a learner another learner's work as their own", async () => {
    const made = await createAssignment(api, trainer, course.id);
    await submitted(api, learner, made.id, 'Mine only');
    expect((await data(api, MY_SUBMISSION, { id: made.id }, anotherLearner)).assignment.mySubmission).toBeNull();
    expect((await data(api, MY_SUBMISSION, { id: made.id }, outsider)).assignment.mySubmission).toBeNull();
  });

  it('shares submitted work with the cohort when asked, without grades, comments or drafts', async () => {
    const made = await createAssignment(api, trainer, course.id, { shareWithCohort: true });
    const { id } = await submitted(api, learner, made.id, 'Country report');
    await data(api, SAVE, { a: made.id, b: 'Unfinished' }, anotherLearner);
    await data(api, GRADE, { input: { submissionId: id, criterionScores: scores(made.rubric), feedback: 'Private', release: true } }, trainer);
    for (const who of [anotherLearner, learner, trainer, admin]) {
      const shared = (await data(api, SHARED, { id: made.id }, who)).assignment.sharedSubmissions;
      expect(shared).toEqual([{ id, body: 'Country report', returnComment: null, grade: null, learner: { id: learner.id, displayName: 'Learner One', email: who === learner || who === admin ? learner.email : null } }]);
    }
    for (const who of [otherTrainer, outsider]) expect(errorOf(await api.gql(SHARED, { id: made.id }, who.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SHARED, { id: made.id })).code).toBe('FORBIDDEN');
    const unshared = await createAssignment(api, trainer, course.id);
    await submitted(api, learner, unshared.id);
    expect((await data(api, SHARED, { id: unshared.id }, anotherLearner)).assignment.sharedSubmissions).toEqual([]);
  });

  it('hides a draft course and its assignments from everyone but those who run it', async () => {
    const draft = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    const made = await createAssignment(api, trainer, draft.id);
    const READ = `query($id: ID!) { assignment(id: $id) { id } }`;
    expect((await data(api, READ, { id: made.id }, trainer)).assignment).toEqual({ id: made.id });
    for (const who of [learner, otherTrainer]) expect((await data(api, READ, { id: made.id }, who)).assignment).toBeNull();
    expect((await api.gql(READ, { id: made.id })).data!.assignment).toBeNull();
    expect(errorOf(await api.gql(SAVE, { a: made.id, b: 'x' }, learner.token)).code).toBe('NOT_FOUND');
  });
});
