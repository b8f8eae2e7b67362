import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LiveSessionsService } from '../live-sessions/live-sessions.service.js';
import { reminderJobId } from '../live-sessions/reminders.service.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { OutboxService } from '../platform/jobs/outbox.service.js';
import { buildCourse, completeLesson, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';

const ADD = `mutation($c: ID!, $u: ID!, $r: EnrollmentRole!) { addCourseMember(courseId: $c, userId: $u, role: $r) { id } }`;
const SCHEDULE = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id sequence } }`;
const MINUTE = 60_000;

let api: TestApi;
let admin: Person;
let trainer: Person;

const emailsTo = (person: Person) => sentNotices(api.config).filter((m) => m.to === person.email);
const stored = (person: Person, kind: string) =>
  api.sql<{ title: string; body: string; link: string | null }>(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = $2`, [
    person.id,
    kind,
  ]);
/** Lets any relay, sweep and delivery still under way finish, so a duplicate would have arrived by now. */
async function settle(): Promise<void> {
  await api.app.get(OutboxService).sweep();
  await new Promise((resolve) => setTimeout(resolve, 700));
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  await api.startWorker();
});
afterAll(() => api.close());

describe('being added to a course', () => {
  it('tells the person once, in the app and by email, in their language, with the course’s first day as the course has it', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    // Monday 7 December starts at midnight in Bangkok, which is still Sunday evening in Kathmandu.
    await api.sql(`UPDATE course SET starts_at = '2026-12-06T17:00:00Z', title = 'Digital safety' WHERE id = $1`, [course.id]);
    const english = await signUp(api, { displayName: 'Sita', timeZone: 'Asia/Kathmandu', locale: 'en' });
    const thai = await signUp(api, { displayName: 'Somsri', timeZone: 'Asia/Bangkok', locale: 'th' });

    // An admin adds them: a trainer adds by id only people already in one of their courses (the name policy).
    for (const person of [english, thai]) expect((await api.gql(ADD, { c: course.id, u: person.id, r: 'LEARNER' }, admin.token)).errors).toBeUndefined();
    await waitFor(() => emailsTo(english).length === 1 && emailsTo(thai).length === 1);

    expect(emailsTo(english)[0].subject).toBe('You have been added to Digital safety');
    expect(emailsTo(english)[0].text).toContain('It starts Mon, Dec 7, 2026 (Bangkok) — Sun, Dec 6, 2026, 22:45 Kathmandu.');
    expect(emailsTo(english)[0].text).toContain(`/courses/${course.slug}`);
    expect(emailsTo(thai)[0].subject).toBe('คุณได้รับการเพิ่มเข้าในหลักสูตร Digital safety');
    // In the course's own zone the date stands alone.
    expect(emailsTo(thai)[0].text).toMatch(/หลักสูตรเริ่ม .*7.*\(Bangkok\)/);
    expect(emailsTo(thai)[0].text).not.toContain(' — ');
    expect(await stored(english, 'COURSE_MEMBER_ADDED')).toEqual([
      expect.objectContaining({ title: 'You have been added to Digital safety', link: `/courses/${course.slug}` }),
    ]);

    // Adding again (a double click, a new group) is no new membership: nothing more is said.
    await api.gql(ADD, { c: course.id, u: english.id, r: 'LEARNER' }, trainer.token);
    await settle();
    expect(emailsTo(english)).toHaveLength(1);
    expect(await stored(english, 'COURSE_MEMBER_ADDED')).toHaveLength(1);
  });

  it('says nothing to a learner who enrols themselves', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const learner = await signUp(api, { displayName: 'Nima' });
    await enroll(api, learner, course.id);
    await settle();
    expect(await stored(learner, 'COURSE_MEMBER_ADDED')).toEqual([]);
    expect(emailsTo(learner)).toEqual([]);
  });

  it('tells a learner added to a draft when it is published, once, and not again when it reopens', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    const learner = await signUp(api, { displayName: 'Dawa' });
    expect((await api.gql(ADD, { c: course.id, u: learner.id, r: 'LEARNER' }, admin.token)).errors).toBeUndefined();
    await settle();
    // A link to a course they may not see yet would lead nowhere.
    expect(await stored(learner, 'COURSE_MEMBER_ADDED')).toEqual([]);
    expect(emailsTo(learner)).toEqual([]);

    const publish = `mutation($id: ID!) { publishCourse(courseId: $id) { id } }`;
    expect((await api.gql(publish, { id: course.id }, trainer.token)).errors).toBeUndefined();
    await waitFor(() => emailsTo(learner).length === 1);
    expect(await stored(learner, 'COURSE_MEMBER_ADDED')).toEqual([expect.objectContaining({ link: `/courses/${course.slug}` })]);
    // Its trainer, who published it, is told nothing.
    expect(await stored(trainer, 'COURSE_MEMBER_ADDED')).toEqual([]);

    await api.gql(`mutation($id: ID!) { archiveCourse(courseId: $id) { id } }`, { id: course.id }, trainer.token);
    await api.gql(publish, { id: course.id }, trainer.token);
    await settle();
    expect(emailsTo(learner)).toHaveLength(1);
    expect(await stored(learner, 'COURSE_MEMBER_ADDED')).toHaveLength(1);
  });
});

describe('live sessions', () => {
  it('a session scheduled is announced to every member, in their zone with the organiser’s beside', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await api.sql(`UPDATE course SET time_zone = 'Asia/Tokyo' WHERE id = $1`, [course.id]);
    const yangon = await signUp(api, { displayName: 'Aung', timeZone: 'Asia/Yangon' });
    await enroll(api, yangon, course.id);
    const res = await api.gql(
      SCHEDULE,
      { input: { courseId: course.id, title: 'Orientation', startsAt: '2030-11-20T02:30:00Z', durationMinutes: 60 } },
      trainer.token,
    );
    expect(res.errors).toBeUndefined();
    await waitFor(() => emailsTo(yangon).length === 1);
    expect(emailsTo(yangon)[0].subject).toBe('New session: Orientation');
    expect(emailsTo(yangon)[0].text).toMatch(/09:00 \(Yangon\) — 11:30 Tokyo/);
    expect(await stored(yangon, 'SESSION_SCHEDULED')).toEqual([expect.objectContaining({ link: `/courses/${course.slug}/sessions` })]);
    await settle();
    expect(emailsTo(yangon)).toHaveLength(1);
  });

  it('a session scheduled less than an hour ahead gets its reminder at once, and only once', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const learner = await signUp(api, { displayName: 'Thiri', timeZone: 'Asia/Bangkok' });
    await enroll(api, learner, course.id);
    const startsAt = new Date(Date.now() + 40 * MINUTE);
    const { id } = (
      await api.gql(SCHEDULE, { input: { courseId: course.id, title: 'Check-in', startsAt: startsAt.toISOString(), durationMinutes: 30 } }, trainer.token)
    ).data!.scheduleLiveSession;

    await waitFor(async () => (await stored(learner, 'SESSION_REMINDER')).length === 1);
    const [reminder] = await stored(learner, 'SESSION_REMINDER');
    expect(reminder.title).toBe('Starting soon: Check-in');
    await waitFor(() => emailsTo(learner).some((m) => m.subject === 'Starting soon: Check-in'));
    // The 24 h reminder's time is long gone: none was planned.
    expect(await api.app.get(JobsService).queue('reminders').getJob(reminderJobId(id, '24h', 0))).toBeUndefined();

    // The worker's sweep plans the reminders of sessions starting soon again: nothing is sent twice.
    await api.app.get(LiveSessionsService).planUpcomingReminders();
    await settle();
    expect(await stored(learner, 'SESSION_REMINDER')).toHaveLength(1);
    expect(emailsTo(learner).filter((m) => m.subject.includes('Check-in')).map((m) => m.subject).sort()).toEqual([
      'New session: Check-in',
      'Starting soon: Check-in',
    ]);
  });
});

describe('certificates', () => {
  it('the holder is told once, with a link to the certificate', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await api.sql(`UPDATE course SET title = 'Documentation basics' WHERE id = $1`, [course.id]);
    const learner = await signUp(api, { displayName: 'Mya', locale: 'th' });
    const { id: enrollmentId } = await enroll(api, learner, course.id);
    await completeLesson(api, learner, course.modules[0].lessons[0]);

    await waitFor(async () => (await stored(learner, 'CERTIFICATE_ISSUED')).length === 1);
    const [{ code }] = await api.sql<{ code: string }>(`SELECT code FROM certificate WHERE enrollment_id = $1`, [enrollmentId]);
    const [notice] = await stored(learner, 'CERTIFICATE_ISSUED');
    expect(notice).toMatchObject({ title: 'ประกาศนียบัตรของคุณสำหรับ Documentation basics', link: `/certificates/${code}` });
    await waitFor(() => emailsTo(learner).length === 1);
    expect(emailsTo(learner)[0].text).toContain(code);
    expect(emailsTo(learner)[0].text).toContain(`/certificates/${code}`);
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM outbox WHERE job_id = $1`, [`notify.certificate-issued.${enrollmentId}`]);
    expect(n).toBe(1);

    // The certificate job run again (a retry, a stall) issues nothing new and says nothing new.
    const certificates = api.app.get(JobsService).queue('certificates');
    const job = (await certificates.getJob(`certificate-${enrollmentId}`))!;
    await job.retry('completed');
    await waitFor(async () => (await job.getState()) === 'completed');
    await settle();
    expect(await stored(learner, 'CERTIFICATE_ISSUED')).toHaveLength(1);
    expect(emailsTo(learner)).toHaveLength(1);
  });
});
