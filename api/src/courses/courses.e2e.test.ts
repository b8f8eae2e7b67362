import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, completeLesson, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { executableMarkup } from '../platform/testing/html.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';

const COURSE = `query($slug: String!) {
  course(slug: $slug) {
    id slug status lessonCount
    modules { id title part locked lessonCount opensAt lessons { id title bodyHtml completed } }
    myEnrollment { role status progress }
  }
}`;
const CATALOGUE = `{ courses { slug status } }`;

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;
let outsider: Person;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Learner' });
  outsider = await signUp(api, { displayName: 'Outsider' });
});
afterAll(() => api.close());

describe('creating courses', () => {
  const CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id slug status kind language myEnrollment { role } } }`;
  const input = (slug: string) => ({ slug, title: 'Defenders 101', summary: 'Basics.', timeZone: 'Asia/Bangkok' });

  it('is for trainers and admins, and makes the creator a trainer of a draft course', async () => {
    const res = await api.gql(CREATE, { input: input('defenders-101') }, trainer.token);
    expect(res.data!.createCourse).toMatchObject({ slug: 'defenders-101', status: 'DRAFT', kind: 'COURSE', language: 'en', myEnrollment: { role: 'TRAINER' } });
    expect((await api.gql(CREATE, { input: input('by-admin') }, admin.token)).errors).toBeUndefined();
    expect(errorOf(await api.gql(CREATE, { input: input('by-learner') }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(CREATE, { input: input('by-nobody') })).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a taken slug with CONFLICT and a malformed one with BAD_USER_INPUT', async () => {
    await api.gql(CREATE, { input: input('taken-slug') }, trainer.token);
    expect(errorOf(await api.gql(CREATE, { input: input('taken-slug') }, admin.token))).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    expect(errorOf(await api.gql(CREATE, { input: input('Not A Slug') }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await api.gql(CREATE, { input: input('new') }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await api.gql(CREATE, { input: { ...input('bad-zone'), timeZone: 'Bangkok' } }, admin.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timeZone',
    });
    const backwards = { ...input('backwards'), startsAt: '2027-02-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' };
    expect(errorOf(await api.gql(CREATE, { input: backwards }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
  });

  it("lets only the course's trainers and admins add modules and lessons", async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    const other = await signUpTrainer(api, admin);
    const ADD_MODULE = `mutation($input: AddModuleInput!) { addModule(input: $input) { id position } }`;
    // Another trainer cannot even see the draft.
    expect(errorOf(await api.gql(ADD_MODULE, { input: { courseId: course.id, title: 'Extra' } }, other.token)).code).toBe('NOT_FOUND');
    expect((await api.gql(ADD_MODULE, { input: { courseId: course.id, title: 'Week 2' } }, trainer.token)).data!.addModule.position).toBe(2);
    expect((await api.gql(ADD_MODULE, { input: { courseId: course.id, title: 'Week 3' } }, admin.token)).data!.addModule.position).toBe(3);
    const ADD_LESSON = `mutation($input: AddLessonInput!) { addLesson(input: $input) { id position } }`;
    const lesson = { moduleId: course.modules[0].id, title: 'Sneaky', body: 'x' };
    expect(errorOf(await api.gql(ADD_LESSON, { input: lesson }, learner.token)).code).toBe('NOT_FOUND');
    await api.gql(`mutation($id: ID!) { publishCourse(courseId: $id) { id } }`, { id: course.id }, trainer.token);
    expect(errorOf(await api.gql(ADD_LESSON, { input: lesson }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(ADD_LESSON, { input: { ...lesson, estimatedMinutes: 0 } }, trainer.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'estimatedMinutes',
    });
  });

  it('gives concurrent additions distinct positions', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [0], publish: false });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.gql(`mutation($input: AddLessonInput!) { addLesson(input: $input) { position } }`, {
          input: { moduleId: course.modules[0].id, title: `L${i}`, body: 'x' },
        }, trainer.token),
      ),
    );
    expect(results.map((r) => r.data!.addLesson.position).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('renders lesson Markdown to sanitized HTML', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [0], publish: false });
    const body = '## Safety\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) and <img src=x onerror=alert(1)>';
    const res = await api.gql(`mutation($input: AddLessonInput!) { addLesson(input: $input) { bodyHtml body } }`, {
      input: { moduleId: course.modules[0].id, title: 'Unsafe', body },
    }, trainer.token);
    const { bodyHtml } = res.data!.addLesson;
    expect(bodyHtml).toContain('<h2>Safety</h2>');
    expect(executableMarkup(bodyHtml)).toEqual([]);
    expect(bodyHtml).toContain("&lt;script&gt;");
    expect(res.data!.addLesson.body).toBe(body);
  });

  it('accepts a long lesson, and refuses one over the limit with BAD_USER_INPUT', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [0], publish: false });
    const ADD = `mutation($input: AddLessonInput!) { addLesson(input: $input) { id } }`;
    const long = 'ส'.repeat(150_000);
    expect((await api.gql(ADD, { input: { moduleId: course.modules[0].id, title: 'Long read', body: long } }, trainer.token)).errors).toBeUndefined();
    const tooLong = 'x'.repeat(200_001);
    expect(errorOf(await api.gql(ADD, { input: { moduleId: course.modules[0].id, title: 'Too long', body: tooLong } }, trainer.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'body',
    });
  });

  it('publishes only a course with lessons', async () => {
    const empty = await buildCourse(api, trainer, { lessonsPerModule: [0], publish: false });
    expect(errorOf(await api.gql(`mutation($id: ID!) { publishCourse(courseId: $id) { id } }`, { id: empty.id }, trainer.token)).code).toBe('CONFLICT');
  });
});

describe('editing a course', () => {
  const UPDATE_LESSON = `mutation($id: ID!, $input: UpdateLessonInput!) { updateLesson(lessonId: $id, input: $input) { title body bodyHtml estimatedMinutes } }`;
  const UPDATE_MODULE = `mutation($id: ID!, $input: UpdateModuleInput!) { updateModule(moduleId: $id, input: $input) { title part opensAt } }`;
  const DELETE_LESSON = `mutation($id: ID!) { deleteLesson(lessonId: $id) { lessons { title position } } }`;

  it("lets the course's trainers fix a lesson, re-rendering its text, and nobody else", async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const id = course.modules[0].lessons[0];
    const res = await api.gql(UPDATE_LESSON, { id, input: { title: 'Fixed title', body: '## New\n\n<script>x</script>' } }, trainer.token);
    expect(res.data!.updateLesson).toMatchObject({ title: 'Fixed title', estimatedMinutes: 10 });
    expect(res.data!.updateLesson.bodyHtml).toContain('<h2>New</h2>');
    expect(executableMarkup(res.data!.updateLesson.bodyHtml)).toEqual([]);
    expect(errorOf(await api.gql(UPDATE_LESSON, { id, input: { title: 'Mine now' } }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(UPDATE_LESSON, { id, input: { title: '' } }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  it("changes a module's opening time, or opens it at once with null", async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1], opensAt: ['2030-01-01T00:00:00Z'] });
    const moved = await api.gql(UPDATE_MODULE, { id: course.modules[0].id, input: { opensAt: '2031-01-01T00:00:00Z', part: 'Part Two' } }, trainer.token);
    expect(moved.data!.updateModule).toEqual({ title: 'Week 1', part: 'Part Two', opensAt: '2031-01-01T00:00:00.000Z' });
    const opened = await api.gql(UPDATE_MODULE, { id: course.modules[0].id, input: { opensAt: null } }, trainer.token);
    expect(opened.data!.updateModule.opensAt).toBeNull();
  });

  it('removes a lesson, moves the later ones up, and completes learners who had done all the rest', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [3] });
    const finisher = await signUp(api, { displayName: 'Finisher' });
    await enroll(api, finisher, course.id);
    await completeLesson(api, finisher, course.modules[0].lessons[0]);
    await completeLesson(api, finisher, course.modules[0].lessons[2]);
    const res = await api.gql(DELETE_LESSON, { id: course.modules[0].lessons[1] }, trainer.token);
    expect(res.data!.deleteLesson.lessons).toEqual([
      { title: 'Lesson 1.1', position: 1 },
      { title: 'Lesson 1.3', position: 2 },
    ]);
    const view = await api.gql(COURSE, { slug: course.slug }, finisher.token);
    expect(view.data!.course.myEnrollment).toMatchObject({ status: 'COMPLETED', progress: 1 });
    expect(errorOf(await api.gql(DELETE_LESSON, { id: course.modules[0].lessons[0] }, finisher.token)).code).toBe('FORBIDDEN');
  });
});

describe('archiving a course', () => {
  const ARCHIVE = `mutation($id: ID!) { archiveCourse(courseId: $id) { status } }`;
  const PUBLISH = `mutation($id: ID!) { publishCourse(courseId: $id) { status } }`;
  const ENROLL = `mutation($id: ID!) { enroll(courseId: $id) { status } }`;

  it('closes it to new learners while its members keep reading and finishing it', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
    const member = await signUp(api, { displayName: 'Member' });
    await enroll(api, member, course.id);
    await completeLesson(api, member, course.modules[0].lessons[0]);

    expect(errorOf(await api.gql(ARCHIVE, { id: course.id }, member.token)).code).toBe('FORBIDDEN');
    expect((await api.gql(ARCHIVE, { id: course.id }, trainer.token)).data!.archiveCourse).toEqual({ status: 'ARCHIVED' });
    expect((await api.gql(ARCHIVE, { id: course.id }, admin.token)).data!.archiveCourse).toEqual({ status: 'ARCHIVED' });

    const newcomer = await signUp(api, { displayName: 'Newcomer' });
    expect(errorOf(await api.gql(ENROLL, { id: course.id }, newcomer.token))).toMatchObject({
      code: 'CONFLICT',
      message: 'This course is not open for enrolment.',
    });
    expect((await api.gql(CATALOGUE, {}, newcomer.token)).data!.courses).toContainEqual({ slug: course.slug, status: 'ARCHIVED' });
    const view = await api.gql(COURSE, { slug: course.slug }, member.token);
    expect(view.data!.course.modules[0].lessons[1].bodyHtml).toContain('<h2>');
    expect(await completeLesson(api, member, course.modules[0].lessons[1])).toMatchObject({ status: 'COMPLETED', progress: 1 });

    expect((await api.gql(PUBLISH, { id: course.id }, trainer.token)).data!.publishCourse).toEqual({ status: 'PUBLISHED' });
    expect((await api.gql(ENROLL, { id: course.id }, newcomer.token)).data!.enroll).toEqual({ status: 'ACTIVE' });
  });

  it('leaves a draft a draft', async () => {
    const draft = await buildCourse(api, trainer, { publish: false });
    expect(errorOf(await api.gql(ARCHIVE, { id: draft.id }, trainer.token)).code).toBe('CONFLICT');
    expect((await api.sql(`SELECT status FROM course WHERE id = $1`, [draft.id]))[0].status).toBe('DRAFT');
  });
});

describe('who sees a course', () => {
  it('keeps drafts to their trainers and admins, in the catalogue and by slug', async () => {
    const draft = await buildCourse(api, trainer, { publish: false });
    const published = await buildCourse(api, trainer);
    for (const viewer of [learner, outsider, null]) {
      const catalogue = await api.gql(CATALOGUE, {}, viewer?.token);
      const slugs = catalogue.data!.courses.map((c: { slug: string }) => c.slug);
      expect(slugs).toContain(published.slug);
      expect(slugs).not.toContain(draft.slug);
      expect((await api.gql(COURSE, { slug: draft.slug }, viewer?.token)).data!.course).toBeNull();
    }
    for (const viewer of [trainer, admin]) {
      expect((await api.gql(COURSE, { slug: draft.slug }, viewer.token)).data!.course.status).toBe('DRAFT');
    }
  });

  it("shows a course's members only to its trainers and admins", async () => {
    const course = await buildCourse(api, trainer);
    await enroll(api, learner, course.id);
    const MEMBERS = `query($slug: String!) { course(slug: $slug) { enrollments { role user { displayName email } } } }`;
    const asTrainer = await api.gql(MEMBERS, { slug: course.slug }, trainer.token);
    expect(asTrainer.data!.course.enrollments).toEqual(
      expect.arrayContaining([{ role: 'LEARNER', user: { displayName: 'Learner', email: null } }]),
    );
    expect(errorOf(await api.gql(MEMBERS, { slug: course.slug }, learner.token)).code).toBe('FORBIDDEN');
  });

  it('locks the lessons of a module that has not opened, for learners only', async () => {
    const future = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1, 2], opensAt: [null, future] });
    await enroll(api, learner, course.id);
    const asLearner = (await api.gql(COURSE, { slug: course.slug }, learner.token)).data!.course;
    expect(asLearner.modules[1]).toMatchObject({ title: 'Week 2', locked: true, lessonCount: 2, lessons: [] });
    expect(asLearner.modules[0].lessons).toHaveLength(1);
    const asTrainer = (await api.gql(COURSE, { slug: course.slug }, trainer.token)).data!.course;
    expect(asTrainer.modules[1].lessons).toHaveLength(2);

    const locked = course.modules[1].lessons[0];
    expect((await api.gql(`query($id: ID!) { lesson(id: $id) { id } }`, { id: locked }, learner.token)).data!.lesson).toBeNull();
    const res = await api.gql(`mutation($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: locked }, learner.token);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(errorOf(res).message).toMatch(/opens on/);
  });
});

describe('enrolment and progress', () => {
  it('enrols once however often a learner asks', async () => {
    const course = await buildCourse(api, trainer);
    const first = await enroll(api, learner, course.id);
    const again = await enroll(api, learner, course.id);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'ACTIVE', progress: 0 });
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM enrollment WHERE course_id = $1 AND user_id = $2`, [course.id, learner.id]);
    expect(n).toBe(1);
  });

  it('refuses enrolment in drafts (as not found) and needs a signed-in person', async () => {
    const draft = await buildCourse(api, trainer, { publish: false });
    expect(errorOf(await api.gql(`mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: draft.id }, learner.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: draft.id })).code).toBe('UNAUTHENTICATED');
  });

  it('counts each lesson once and reports progress as completed over all lessons', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2, 2] });
    await enroll(api, learner, course.id);
    expect((await completeLesson(api, learner, course.modules[0].lessons[0])).progress).toBe(0.25);
    expect((await completeLesson(api, learner, course.modules[0].lessons[0])).progress).toBe(0.25);
    const view = (await api.gql(COURSE, { slug: course.slug }, learner.token)).data!.course;
    expect(view.modules[0].lessons.map((l: { completed: boolean }) => l.completed)).toEqual([true, false]);
    expect(view.myEnrollment.progress).toBe(0.25);
  });

  it('needs an enrolment to record progress', async () => {
    const course = await buildCourse(api, trainer);
    const res = await api.gql(`mutation($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: course.modules[0].lessons[0] }, outsider.token);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });

  it('lets admins add anyone and trainers the people they train, with a group, and nobody else', async () => {
    const course = await buildCourse(api, trainer);
    const ADD = `mutation($c: ID!, $u: ID!, $r: EnrollmentRole!, $g: String) { addCourseMember(courseId: $c, userId: $u, role: $r, group: $g) { role group user { id } } }`;
    // A stranger's id answers as no id at all: strangers come in by invitation.
    expect(errorOf(await api.gql(ADD, { c: course.id, u: outsider.id, r: 'LEARNER', g: 'Nepal' }, trainer.token)).code).toBe('NOT_FOUND');
    const res = await api.gql(ADD, { c: course.id, u: outsider.id, r: 'LEARNER', g: 'Nepal' }, admin.token);
    expect(res.data!.addCourseMember).toEqual({ role: 'LEARNER', group: 'Nepal', user: { id: outsider.id } });
    const moved = await api.gql(ADD, { c: course.id, u: outsider.id, r: 'LEARNER', g: 'Sri Lanka' }, trainer.token);
    expect(moved.data!.addCourseMember.group).toBe('Sri Lanka');
    expect(errorOf(await api.gql(ADD, { c: course.id, u: learner.id, r: 'TRAINER' }, outsider.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(ADD, { c: course.id, u: '00000000-0000-4000-8000-000000000000', r: 'LEARNER' }, trainer.token)).code).toBe('NOT_FOUND');
  });
});

describe('certificates', () => {
  const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code holderName course { slug } } }`;

  it('completes the enrolment at 100% and queues exactly one certificate job', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1, 1] });
    const enrolment = await enroll(api, learner, course.id);
    await completeLesson(api, learner, course.modules[0].lessons[0]);
    const done = await completeLesson(api, learner, course.modules[1].lessons[0]);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 1 });
    expect(Date.parse(done.completedAt)).toBeGreaterThan(Date.now() - 60_000);
    await completeLesson(api, learner, course.modules[1].lessons[0]);

    const { JobsService } = await import('../platform/jobs/jobs.service.js');
    const queue = api.app.get(JobsService).queue('certificates');
    const jobsOf = async () =>
      (await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter((job) => job.data.enrollmentId === enrolment.id);
    // The job is relayed to the queue just after the commit.
    await waitFor(async () => (await jobsOf()).length > 0);
    expect((await jobsOf()).map((job) => job.id)).toEqual([`certificate-${enrolment.id}`]);
  });

  it('are verified publicly by code, in whatever case it is typed', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const enrolment = await enroll(api, learner, course.id);
    await completeLesson(api, learner, course.modules[0].lessons[0]);
    const { CertificatesService } = await import('../certificates/certificates.service.js');
    const certificate = await api.app.get(CertificatesService).issue(enrolment.id);
    expect(certificate!.code).toMatch(/^KPW-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const res = await api.gql(VERIFY, { code: certificate!.code.toLowerCase().replaceAll('-', ' ') });
    expect(res.data!.verifyCertificate).toEqual({ code: certificate!.code, holderName: 'Learner', course: { slug: course.slug } });
    expect((await api.gql(VERIFY, { code: 'KPW-0000-0000-0000' })).data!.verifyCertificate).toBeNull();

    const mine = await api.gql(`query($slug: String!) { course(slug: $slug) { myEnrollment { certificate { code } } } }`, { slug: course.slug }, learner.token);
    expect(mine.data!.course.myEnrollment.certificate.code).toBe(certificate!.code);
  });

  it('are issued once per enrolment however often the job runs', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const enrolment = await enroll(api, learner, course.id);
    await completeLesson(api, learner, course.modules[0].lessons[0]);
    const { CertificatesService } = await import('../certificates/certificates.service.js');
    const service = api.app.get(CertificatesService);
    const results = await Promise.all([service.issue(enrolment.id), service.issue(enrolment.id), service.issue(enrolment.id)]);
    expect(new Set(results.map((c) => c!.code)).size).toBe(1);
    expect(await api.sql(`SELECT 1 FROM certificate WHERE enrollment_id = $1`, [enrolment.id])).toHaveLength(1);
  });

  it('are not issued before completion', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
    const enrolment = await enroll(api, outsider, course.id);
    const { CertificatesService } = await import('../certificates/certificates.service.js');
    expect(await api.app.get(CertificatesService).issue(enrolment.id)).toBeNull();
  });
});

describe('course evaluation', () => {
  const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) }`;
  const SUMMARY = `query($id: ID!) { evaluationSummary(courseId: $id) { responses relevance usefulness comments } }`;

  it('takes one answer per learner after completion, the second replacing the first, summarised for trainers', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const other = await signUp(api);
    for (const person of [learner, other]) {
      await enroll(api, person, course.id);
      await completeLesson(api, person, course.modules[0].lessons[0]);
    }
    await api.gql(SUBMIT, { input: { courseId: course.id, relevance: 2, usefulness: 2, comment: 'First thoughts' } }, learner.token);
    await api.gql(SUBMIT, { input: { courseId: course.id, relevance: 5, usefulness: 4, comment: 'Changed my mind' } }, learner.token);
    await api.gql(SUBMIT, { input: { courseId: course.id, relevance: 4, usefulness: 3 } }, other.token);
    const mine = await api.gql(`query($slug: String!) { course(slug: $slug) { myEvaluation { relevance usefulness comment } } }`, { slug: course.slug }, learner.token);
    expect(mine.data!.course.myEvaluation).toEqual({ relevance: 5, usefulness: 4, comment: 'Changed my mind' });
    const summary = await api.gql(SUMMARY, { id: course.id }, trainer.token);
    expect(summary.data!.evaluationSummary).toEqual({ responses: 2, relevance: 4.5, usefulness: 3.5, comments: ['Changed my mind'] });
    expect(errorOf(await api.gql(SUMMARY, { id: course.id }, learner.token)).code).toBe('FORBIDDEN');
    expect((await api.gql(SUMMARY, { id: course.id }, admin.token)).data!.evaluationSummary.responses).toBe(2);
  });

  it('refuses ratings outside 1..5, and learners who have not finished', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
    await enroll(api, learner, course.id);
    expect(errorOf(await api.gql(SUBMIT, { input: { courseId: course.id, relevance: 6, usefulness: 3 } }, learner.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'relevance',
    });
    expect(errorOf(await api.gql(SUBMIT, { input: { courseId: course.id, relevance: 3, usefulness: 3 } }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SUBMIT, { input: { courseId: course.id, relevance: 3, usefulness: 3 } }, outsider.token)).code).toBe('FORBIDDEN');
  });
});
