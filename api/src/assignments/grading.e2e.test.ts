import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, completeLesson, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { addMember, createAssignment, data, GRADE, MY_SUBMISSION, RELEASE, RETURN, SAVE, scores, SUBMIT, submitted } from './assignment-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
let otherTrainer: Person;
let learner: Person;
let anotherLearner: Person;
let outsider: Person;
let course: CourseOutline;

const QUEUE = `query($c: ID!, $g: String) { gradingQueue(courseId: $c, group: $g) { id submittedAt group late learner { id } assignment { id } } }`;
const grade = (who: Person, submissionId: string, criterionScores: unknown, extra: Record<string, unknown> = {}) =>
  api.gql(GRADE, { input: { submissionId, criterionScores, feedback: 'Well argued.', ...extra } }, who.token);
const emailsTo = (person: Person) => sentNotices(api.config).filter((m) => m.to === person.email);
const stored = (person: Person, kind: string) =>
  api.sql<{ title: string; body: string; link: string }>(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = $2`, [person.id, kind]);

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  otherTrainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Somchai', locale: 'th' });
  anotherLearner = await signUp(api, { displayName: 'Anna' });
  outsider = await signUp(api);
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await buildCourse(api, otherTrainer, { lessonsPerModule: [1] });
  await addMember(api, admin, course.id, learner, 'Thailand');
  await addMember(api, admin, course.id, anotherLearner, 'Nepal');
  await api.startWorker();
});
afterAll(() => api.close());

describe('grading', () => {
  it("is for the course's trainers and admins; score = sum of the criteria", async () => {
    const made = await createAssignment(api, trainer, course.id);
    const { id } = await submitted(api, learner, made.id);
    for (const who of [otherTrainer, learner, anotherLearner, outsider]) expect(errorOf(await grade(who, id, scores(made.rubric))).code).toBe('FORBIDDEN');
    const res = await grade(trainer, id, scores(made.rubric, 3));
    expect(res.errors).toBeUndefined();
    expect(res.data!.gradeSubmission).toMatchObject({ status: 'GRADED', grade: { version: 1, score: 17, feedback: 'Well argued.', releasedAt: null, grader: { id: trainer.id } } });
    expect(res.data!.gradeSubmission.grade.criterionScores).toEqual(made.rubric.map((c, i) => ({ points: i === 0 ? 7 : c.maxPoints, comment: `On ${i + 1}`, criterion: { id: c.id, title: c.title } })));
    const again = await grade(admin, id, scores(made.rubric));
    expect(again.data!.gradeSubmission.grade).toMatchObject({ version: 2, score: 20, grader: { id: admin.id } });
  });

  it('needs every criterion scored exactly once within 0..maxPoints', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const { id } = await submitted(api, learner, made.id);
    const full = scores(made.rubric);
    for (const bad of [
      full.slice(1),
      [...full, full[0]],
      [...full.slice(1), { criterionId: '00000000-0000-4000-8000-000000000000', points: 1 }],
      [{ ...full[0], points: 11 }, ...full.slice(1)],
      [{ ...full[0], points: -1 }, ...full.slice(1)],
    ]) {
      expect(errorOf(await grade(trainer, id, bad))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'criterionScores' });
    }
    expect(errorOf(await grade(trainer, id, full, { feedback: 'x'.repeat(20_001) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feedback' });
    expect((await api.sql(`SELECT 1 FROM grade WHERE submission_id = $1`, [id])).length).toBe(0);
  });

  it('grades handed-in work only (a draft is CONFLICT)', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const draft = (await data(api, SAVE, { a: made.id, b: 'not yet' }, learner)).saveSubmissionDraft;
    expect(errorOf(await grade(trainer, draft.id, scores(made.rubric))).code).toBe('CONFLICT');
  });

  it('lets exactly one of two graders who saw the same version save (expectedGradeVersion)', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const { id } = await submitted(api, learner, made.id);
    const results = await Promise.all([
      grade(trainer, id, scores(made.rubric, 1), { expectedGradeVersion: 0, feedback: 'From the trainer' }),
      grade(admin, id, scores(made.rubric, 2), { expectedGradeVersion: 0, feedback: 'From the admin' }),
    ]);
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.map((r) => errorOf(r).code).filter(Boolean)).toEqual(['CONFLICT']);
    const [{ feedback, version }] = await api.sql(`SELECT feedback, version FROM grade WHERE submission_id = $1`, [id]);
    expect(version).toBe(1);
    expect(feedback).toBe(winners[0].data!.gradeSubmission.grade.feedback);
    expect((await grade(trainer, id, scores(made.rubric), { expectedGradeVersion: 1 })).errors).toBeUndefined();
    expect(errorOf(await grade(admin, id, scores(made.rubric), { expectedGradeVersion: 1 })).code).toBe('CONFLICT');
  });

  it('opens handed-in work again for its graders only, with the grade to change (submissionToGrade)', async () => {
    const OPEN = `query($id: ID!) { submissionToGrade(id: $id) { id status grade { version score feedback } } }`;
    const made = await createAssignment(api, trainer, course.id);
    const { id } = await submitted(api, learner, made.id);
    await grade(trainer, id, scores(made.rubric, 3));
    expect((await data(api, OPEN, { id }, admin)).submissionToGrade).toEqual({ id, status: 'GRADED', grade: { version: 1, score: 17, feedback: 'Well argued.' } });
    const opened = (await data(api, OPEN, { id }, trainer)).submissionToGrade;
    const again = await grade(trainer, id, scores(made.rubric), { expectedGradeVersion: opened.grade.version, feedback: 'Regraded.' });
    expect(again.data!.gradeSubmission.grade).toMatchObject({ version: 2, score: 20, feedback: 'Regraded.' });
    // Nobody else opens it; the course of another trainer is not theirs to grade.
    for (const who of [otherTrainer, learner, anotherLearner]) expect(errorOf(await api.gql(OPEN, { id }, who.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(OPEN, { id }, outsider.token)).code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    // A draft stays its writer's own; a broken id is said to be one.
    const draft = (await data(api, SAVE, { a: made.id, b: 'still writing' }, anotherLearner)).saveSubmissionDraft;
    expect((await data(api, OPEN, { id: draft.id }, trainer)).submissionToGrade).toBeNull();
    expect(errorOf(await api.gql(OPEN, { id: 'not-an-id' }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('is audited, save and release', async () => {
    const made = await createAssignment(api, trainer, course.id, { title: 'Audited work' });
    const { id } = await submitted(api, learner, made.id);
    await grade(trainer, id, scores(made.rubric, 4));
    expect((await data(api, RELEASE, { a: made.id }, trainer)).releaseGrades).toBe(1);
    const events = await api.sql(`SELECT actor_id, action, subject_id, data FROM audit_event WHERE subject_id IN ($1, $2) ORDER BY created_at`, [id, made.id]);
    expect(events).toMatchObject([
      { actor_id: trainer.id, action: 'GRADE_SAVED', subject_id: id, data: { score: 16, maxPoints: 20, version: 1, released: false } },
      { actor_id: trainer.id, action: 'GRADES_RELEASED', subject_id: made.id, data: { count: 1 } },
    ]);
    const log = await data(api, `{ auditLog(first: 5) { nodes { action details } } }`, {}, admin);
    expect(log.auditLog.nodes).toEqual(expect.arrayContaining([{ action: 'GRADES_RELEASED', details: 'Audited work: 1 released' }]));
  });
});

describe('releasing grades', () => {
  it('shows the learner their grade only once released, tells them in the app and by email in their language', async () => {
    const made = await createAssignment(api, trainer, course.id, { title: 'Release check' });
    const { id } = await submitted(api, learner, made.id);
    await grade(trainer, id, scores(made.rubric, 2));
    expect((await data(api, MY_SUBMISSION, { id: made.id }, learner)).assignment.mySubmission.grade).toBeNull();
    for (const who of [otherTrainer, learner, anotherLearner, outsider]) expect(errorOf(await api.gql(RELEASE, { a: made.id }, who.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(RELEASE, { a: made.id })).code).toBe('UNAUTHENTICATED');
    expect((await data(api, RELEASE, { a: made.id }, trainer)).releaseGrades).toBe(1);
    expect((await data(api, RELEASE, { a: made.id }, trainer)).releaseGrades).toBe(0);
    const mine = (await data(api, MY_SUBMISSION, { id: made.id }, learner)).assignment.mySubmission;
    expect(mine.grade).toMatchObject({ score: 18, feedback: 'Well argued.' });
    expect(mine.grade.releasedAt).not.toBeNull();
    const released = async () => (await stored(learner, 'GRADE_RELEASED')).filter((n) => n.link.endsWith(made.id));
    await waitFor(async () => (await released()).length === 1);
    const [notice] = await released();
    expect(notice).toEqual({ title: 'ผลคะแนนของคุณสำหรับ Release check', body: expect.stringContaining('Release check'), link: `/courses/${course.slug}/assignments/${made.id}` });
    await waitFor(() => emailsTo(learner).some((m) => m.subject === 'ผลคะแนนของคุณสำหรับ Release check'));
  });

  it('releases with the grade when asked (release: true)', async () => {
    const made = await createAssignment(api, trainer, course.id);
    const { id } = await submitted(api, anotherLearner, made.id);
    await grade(trainer, id, scores(made.rubric), { release: true });
    expect((await data(api, MY_SUBMISSION, { id: made.id }, anotherLearner)).assignment.mySubmission.grade.score).toBe(20);
    expect((await data(api, RELEASE, { a: made.id }, trainer)).releaseGrades).toBe(0);
  });
});

describe('returning work for revision', () => {
  it('puts it back to a draft with the comment, tells the learner, and takes it again', async () => {
    const made = await createAssignment(api, trainer, course.id, { title: 'Revise me' });
    const { id } = await submitted(api, anotherLearner, made.id, 'First go');
    for (const who of [otherTrainer, learner, anotherLearner]) expect(errorOf(await api.gql(RETURN, { s: id, c: 'no' }, who.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(RETURN, { s: id, c: 'x'.repeat(5001) }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const back = (await data(api, RETURN, { s: id, c: 'Add sources for section 2.' }, trainer)).returnSubmission;
    expect(back).toMatchObject({ status: 'DRAFT', returnComment: 'Add sources for section 2.' });
    expect(back.returnedAt).not.toBeNull();
    expect(errorOf(await api.gql(RETURN, { s: id }, trainer.token)).code).toBe('CONFLICT');
    const mine = (await data(api, MY_SUBMISSION, { id: made.id }, anotherLearner)).assignment.mySubmission;
    expect(mine).toMatchObject({ status: 'DRAFT', body: 'First go', returnComment: 'Add sources for section 2.' });
    await data(api, SAVE, { a: made.id, b: 'Second go', v: mine.version }, anotherLearner);
    expect((await data(api, SUBMIT, { a: made.id, b: 'Second go, with sources' }, anotherLearner)).submitAssignment.status).toBe('SUBMITTED');
    await waitFor(async () => (await stored(anotherLearner, 'SUBMISSION_RETURNED')).length === 1);
    expect((await stored(anotherLearner, 'SUBMISSION_RETURNED'))[0].body).toContain('Add sources for section 2.');
    await waitFor(() => emailsTo(anotherLearner).some((m) => m.subject === 'Returned for revision: Revise me'));
  });
});

describe('the grading queue', () => {
  it('lists submitted, ungraded work oldest first, filterable by group, for trainers and admins', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await addMember(api, admin, fresh.id, learner, 'Thailand');
    await addMember(api, admin, fresh.id, anotherLearner, 'Nepal');
    const made = await createAssignment(api, trainer, fresh.id);
    const first = await submitted(api, anotherLearner, made.id);
    const second = await submitted(api, learner, made.id);
    const later = await createAssignment(api, trainer, fresh.id);
    await data(api, SAVE, { a: later.id, b: 'draft only' }, learner);
    const queue = (await data(api, QUEUE, { c: fresh.id }, trainer)).gradingQueue;
    expect(queue.map((s: { id: string }) => s.id)).toEqual([first.id, second.id]);
    expect((await data(api, QUEUE, { c: fresh.id, g: 'Thailand' }, admin)).gradingQueue.map((s: { id: string }) => s.id)).toEqual([second.id]);
    await grade(trainer, first.id, scores(made.rubric));
    expect((await data(api, QUEUE, { c: fresh.id }, trainer)).gradingQueue.map((s: { id: string }) => s.id)).toEqual([second.id]);
    for (const who of [otherTrainer, learner, outsider]) expect(errorOf(await api.gql(QUEUE, { c: fresh.id }, who.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(QUEUE, { c: fresh.id })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await api.gql(QUEUE, { c: fresh.id, g: 'bad\ngroup' }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'group' });
  });
});

describe('the gradebook', () => {
  const BOOK = `query($c: ID!) { gradebook(courseId: $c) { course { id } assignments { id } rows { learner { id displayName } group cells { assignmentId submissionId status score late released } } } }`;

  it('shows learners × assignments with status, score, late and released, to trainers and admins only', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await addMember(api, admin, fresh.id, learner, 'Thailand');
    await addMember(api, admin, fresh.id, anotherLearner, 'Nepal');
    const onTime = await createAssignment(api, trainer, fresh.id, { dueAt: new Date(Date.now() + 7 * 86400_000).toISOString() });
    const overdue = await createAssignment(api, trainer, fresh.id, { dueAt: new Date(Date.now() - 60_000).toISOString() });
    const { id } = await submitted(api, learner, onTime.id);
    await grade(trainer, id, scores(onTime.rubric, 5), { release: true });
    const late = await submitted(api, anotherLearner, overdue.id);
    const book = (await data(api, BOOK, { c: fresh.id }, trainer)).gradebook;
    // In the order of the outline: by due time within a week.
    expect(book.assignments.map((a: { id: string }) => a.id)).toEqual([overdue.id, onTime.id]);
    expect(book.rows).toEqual([
      {
        learner: { id: anotherLearner.id, displayName: 'Anna' },
        group: 'Nepal',
        cells: [
          { assignmentId: overdue.id, submissionId: late.id, status: 'SUBMITTED', score: null, late: true, released: false },
          { assignmentId: onTime.id, submissionId: null, status: null, score: null, late: false, released: false },
        ],
      },
      {
        learner: { id: learner.id, displayName: 'Somchai' },
        group: 'Thailand',
        cells: [
          { assignmentId: overdue.id, submissionId: null, status: null, score: null, late: false, released: false },
          { assignmentId: onTime.id, submissionId: id, status: 'GRADED', score: 15, late: false, released: true },
        ],
      },
    ]);
    expect((await data(api, BOOK, { c: fresh.id }, admin)).gradebook.rows).toHaveLength(2);
    for (const who of [otherTrainer, learner, outsider]) expect(errorOf(await api.gql(BOOK, { c: fresh.id }, who.token)).code).toBe('FORBIDDEN');
  });

  it('downloads as CSV with a byte-order mark, non-Latin names intact, for trainers and admins only', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const burmese = await signUp(api, { displayName: 'အောင်ဆန်း' });
    const nepali = await signUp(api, { displayName: '=HYPERLINK("x") सीता' });
    await addMember(api, admin, fresh.id, burmese, 'Myanmar');
    await addMember(api, admin, fresh.id, nepali, 'Nepal');
    const made = await createAssignment(api, trainer, fresh.id, { title: 'แผนปฏิบัติการ', dueAt: new Date(Date.now() - 60_000).toISOString() });
    const { id } = await submitted(api, burmese, made.id);
    await grade(trainer, id, scores(made.rubric, 1));
    const download = (who: Person | null, courseId = fresh.id) =>
      fetch(`${api.url}/courses/${courseId}/gradebook.csv`, { headers: who ? { authorization: `Bearer ${who.token}` } : {} });
    const res = await download(trainer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${fresh.slug}-gradebook.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('Learner,Group,แผนปฏิบัติการ (of 20),แผนปฏิบัติการ: late');
    expect(lines[1]).toBe('အောင်ဆန်း,Myanmar,19 (not released),late');
    // A name that looks like a formula is written as text, not run by the spreadsheet.
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"") सीता",Nepal,NOT STARTED,`);
    expect((await download(admin)).status).toBe(200);
    expect((await download(otherTrainer)).status).toBe(403);
    expect((await download(burmese)).status).toBe(403);
    expect((await download(outsider)).status).toBe(403);
    expect((await download(null)).status).toBe(401);
    expect((await download(trainer, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const draft = await buildCourse(api, trainer, { publish: false });
    expect((await download(otherTrainer, draft.id)).status).toBe(404);
  });
});

describe('download my data', () => {
  it("carries the learner's work, with a grade only once released", async () => {
    const made = await createAssignment(api, trainer, course.id, { title: 'In my data' });
    const { id } = await submitted(api, anotherLearner, made.id, 'My own words');
    await grade(trainer, id, scores(made.rubric, 1));
    const mine = async () =>
      ((await (await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${anotherLearner.token}` } })).json()).submissions as any[]).find(
        (s) => s.assignment === 'In my data',
      );
    expect(await mine()).toMatchObject({ body: 'My own words', status: 'GRADED', score: null, feedback: null });
    await data(api, RELEASE, { a: made.id }, trainer);
    expect(await mine()).toMatchObject({ score: 19, feedback: 'Well argued.' });
  });
});

describe('completion', () => {
  const PROGRESS = `query($slug: String!) { course(slug: $slug) { myEnrollment { status progress } } }`;
  const progressOf = async (who: Person, slug: string) => (await data(api, PROGRESS, { slug }, who)).course.myEnrollment;

  it('waits for every required assignment to pass; releasing a passing grade completes and certifies', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const person = await signUp(api);
    const { id: enrollmentId } = await enroll(api, person, fresh.id);
    const required = await createAssignment(api, trainer, fresh.id, { required: true, passPoints: 15 });
    await createAssignment(api, trainer, fresh.id, { title: 'Optional' });
    await completeLesson(api, person, fresh.modules[0].lessons[0]);
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'ACTIVE', progress: 0.5 });

    // A released grade under the pass mark does not pass.
    const { id } = await submitted(api, person, required.id);
    await grade(trainer, id, scores(required.rubric, 6), { release: true });
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'ACTIVE', progress: 0.5 });

    // Returned and revised: its released grade, changed to the pass mark, passes at once.
    await data(api, RETURN, { s: id }, trainer);
    await submitted(api, person, required.id, 'Better');
    await grade(trainer, id, scores(required.rubric, 5));
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'COMPLETED', progress: 1 });
    await waitFor(async () => (await api.sql(`SELECT 1 FROM certificate WHERE enrollment_id = $1`, [enrollmentId])).length === 1);
  });

  it('completes learners when their passing grades are released, not before', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const person = await signUp(api);
    const { id: enrollmentId } = await enroll(api, person, fresh.id);
    const required = await createAssignment(api, trainer, fresh.id, { required: true, passPoints: 15 });
    await completeLesson(api, person, fresh.modules[0].lessons[0]);
    const { id } = await submitted(api, person, required.id);
    await grade(trainer, id, scores(required.rubric, 5));
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'ACTIVE', progress: 0.5 });
    expect((await data(api, RELEASE, { a: required.id }, trainer)).releaseGrades).toBe(1);
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'COMPLETED', progress: 1 });
    await waitFor(async () => (await api.sql(`SELECT 1 FROM certificate WHERE enrollment_id = $1`, [enrollmentId])).length === 1);
  });

  it('passes with any released grade when there is no pass mark', async () => {
    const fresh = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const person = await signUp(api);
    await enroll(api, person, fresh.id);
    const required = await createAssignment(api, trainer, fresh.id, { required: true });
    const { id } = await submitted(api, person, required.id);
    await grade(trainer, id, scores(required.rubric, 10), { release: true });
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'ACTIVE', progress: 0.5 });
    await completeLesson(api, person, fresh.modules[0].lessons[0]);
    expect(await progressOf(person, fresh.slug)).toEqual({ status: 'COMPLETED', progress: 1 });
  });
});
