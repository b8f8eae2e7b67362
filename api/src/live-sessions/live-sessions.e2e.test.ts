import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Job } from 'bullmq';
import ical from 'node-ical';
import { Clock } from '../platform/common/clock.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { buildCourse, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentEmails, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { reminderJobId } from './reminders.service.js';

const SCHEDULE = `mutation($input: ScheduleLiveSessionInput!) {
  scheduleLiveSession(input: $input) { id title startsAt durationMinutes joinUrl icsPath breakoutGroups sequence }
}`;
const SESSIONS = `query($slug: String!) { course(slug: $slug) { liveSessions { id title joinUrl recordingUrl myAttendance cancelled } } }`;
const HOUR = 3600_000;

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;
let outsider: Person;
let course: Awaited<ReturnType<typeof buildCourse>>;

const inDays = (days: number, extraMs = 0) => new Date(Date.now() + days * 24 * HOUR + extraMs).toISOString();

async function schedule(input: Record<string, unknown>, who: Person = trainer) {
  return api.gql(SCHEDULE, { input: { courseId: course.id, title: 'Orientation', durationMinutes: 90, joinUrl: 'https://meet.example.org/kapwa-orientation', ...input } }, who.token);
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Min', timeZone: 'Asia/Yangon' });
  outsider = await signUp(api, { displayName: 'Outsider' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await enroll(api, learner, course.id);
});
afterAll(() => api.close());

describe('scheduling live sessions', () => {
  it("is for the course's trainers and admins", async () => {
    expect((await schedule({ startsAt: inDays(3) })).errors).toBeUndefined();
    expect((await schedule({ startsAt: inDays(3) }, admin)).errors).toBeUndefined();
    expect(errorOf(await schedule({ startsAt: inDays(3) }, learner)).code).toBe('FORBIDDEN');
    expect(errorOf(await schedule({ startsAt: inDays(3) }, outsider)).code).toBe('FORBIDDEN');
  });

  it.each([
    ['startsAt', { startsAt: new Date(Date.now() - 60_000).toISOString() }],
    ['durationMinutes', { startsAt: inDays(3), durationMinutes: 10 }],
    ['durationMinutes', { startsAt: inDays(3), durationMinutes: 601 }],
    ['joinUrl', { startsAt: inDays(3), joinUrl: 'javascript:alert(1)' }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, input) => {
    expect(errorOf(await schedule(input))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("draws breakout groups from the course's enrolment groups unless given", async () => {
    const grouped = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const ADD = `mutation($c: ID!, $u: ID!, $g: String) { addCourseMember(courseId: $c, userId: $u, role: LEARNER, group: $g) { id } }`;
    for (const [person, group] of [[learner, 'Myanmar'], [outsider, 'Nepal']] as const) {
      await api.gql(ADD, { c: grouped.id, u: person.id, g: group }, admin.token);
    }
    const res = await api.gql(SCHEDULE, { input: { courseId: grouped.id, title: 'Breakouts', startsAt: inDays(2), durationMinutes: 60 } }, trainer.token);
    expect(res.data!.scheduleLiveSession.breakoutGroups).toEqual(['Myanmar', 'Nepal']);
    const chosen = await api.gql(SCHEDULE, {
      input: { courseId: grouped.id, title: 'Plenary', startsAt: inDays(2), durationMinutes: 60, breakoutGroups: ['All'] },
    }, trainer.token);
    expect(chosen.data!.scheduleLiveSession.breakoutGroups).toEqual(['All']);
  });

  it('gives the join link to members only', async () => {
    await schedule({ title: 'Seminar 1', startsAt: inDays(4) });
    const joinUrlFor = async (who: Person | null) =>
      (await api.gql(SESSIONS, { slug: course.slug }, who?.token)).data!.course.liveSessions.find((s: { title: string }) => s.title === 'Seminar 1')
        .joinUrl;
    expect(await joinUrlFor(learner)).toBe('https://meet.example.org/kapwa-orientation');
    expect(await joinUrlFor(trainer)).toBe('https://meet.example.org/kapwa-orientation');
    expect(await joinUrlFor(outsider)).toBeNull();
    expect(await joinUrlFor(null)).toBeNull();
  });

  it("lists my upcoming sessions from my courses only, soonest first", async () => {
    const other = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await api.gql(SCHEDULE, { input: { courseId: other.id, title: 'Not mine', startsAt: inDays(1), durationMinutes: 60 } }, trainer.token);
    const res = await api.gql(`{ myUpcomingSessions { title startsAt course { slug } } }`, {}, learner.token);
    const sessions = res.data!.myUpcomingSessions;
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s: { title: string }) => s.title)).not.toContain('Not mine');
    expect(sessions.map((s: { course: { slug: string } }) => s.course.slug)).toContain(course.slug);
    const times = sessions.map((s: { startsAt: string }) => Date.parse(s.startsAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('attendance', () => {
  const RECORD = `mutation($s: ID!, $u: ID!, $st: AttendanceStatus!) { recordAttendance(sessionId: $s, userId: $u, status: $st) { id attendance { user { id } status } } }`;

  it('is taken by trainers, for members, and each member sees their own', async () => {
    const { id } = (await schedule({ title: 'Seminar 2', startsAt: inDays(5) })).data!.scheduleLiveSession;
    const res = await api.gql(RECORD, { s: id, u: learner.id, st: 'PRESENT' }, trainer.token);
    expect(res.data!.recordAttendance.attendance).toEqual([{ user: { id: learner.id }, status: 'PRESENT' }]);
    await api.gql(RECORD, { s: id, u: learner.id, st: 'EXCUSED' }, trainer.token);
    const mine = (await api.gql(SESSIONS, { slug: course.slug }, learner.token)).data!.course.liveSessions.find((s: { id: string }) => s.id === id);
    expect(mine.myAttendance).toBe('EXCUSED');
    expect(errorOf(await api.gql(RECORD, { s: id, u: learner.id, st: 'PRESENT' }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(RECORD, { s: id, u: outsider.id, st: 'PRESENT' }, trainer.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'userId',
    });
  });
});

describe('calendar files', () => {
  async function fetchCalendar(path: string) {
    const res = await fetch(`${api.url}${path}`);
    return { res, events: Object.values(ical.sync.parseICS(await res.text())).filter((c) => c?.type === "VEVENT") as ical.VEvent[] };
  }

  it('serve a valid event with a stable UID, UTC times, and a SEQUENCE that grows on reschedule', async () => {
    const startsAt = '2030-03-04T02:30:00.000Z';
    const session = (await schedule({ title: 'Calendar check', startsAt, durationMinutes: 90 })).data!.scheduleLiveSession;
    const first = await fetchCalendar(session.icsPath);
    expect(first.res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const [event] = first.events;
    expect(event.uid).toBe(`${session.id}@kapwa`);
    expect(event.start.toISOString()).toBe(startsAt);
    expect(event.end!.toISOString()).toBe('2030-03-04T04:00:00.000Z');
    expect(String(event.summary)).toContain('Calendar check');
    expect(textOf(event.url)).toContain(`/courses/${course.slug}/sessions`);
    expect(Number(event.sequence)).toBe(0);
    // A public file never carries the join link.
    expect(JSON.stringify(event)).not.toContain('meet.example.org');

    await api.gql(`mutation($id: ID!) { updateLiveSession(sessionId: $id, input: { startsAt: "2030-03-05T02:30:00Z" }) { sequence } }`, { id: session.id }, trainer.token);
    const [moved] = (await fetchCalendar(session.icsPath)).events;
    expect(moved.uid).toBe(event.uid);
    expect(moved.start.toISOString()).toBe('2030-03-05T02:30:00.000Z');
    expect(Number(moved.sequence)).toBe(1);
  });

  it('give each member a secret feed of their sessions, with join links, that can be replaced', async () => {
    const path = (await api.gql(`{ myCalendarFeedPath }`, {}, learner.token)).data!.myCalendarFeedPath;
    expect(path).toMatch(/^\/calendar\/feed\/[A-Za-z0-9_-]{32}\.ics$/);
    expect((await api.gql(`{ myCalendarFeedPath }`, {}, learner.token)).data!.myCalendarFeedPath).toBe(path);
    const feed = await fetchCalendar(path);
    expect(feed.events.length).toBeGreaterThan(0);
    expect(feed.events.map((e) => textOf(e.url))).toContain('https://meet.example.org/kapwa-orientation');

    const rotated = (await api.gql(`mutation { rotateCalendarFeed }`, {}, learner.token)).data!.rotateCalendarFeed;
    expect(rotated).not.toBe(path);
    expect((await fetch(`${api.url}${path}`)).status).toBe(404);
    expect((await fetch(`${api.url}${rotated}`)).status).toBe(200);
  });
});

describe('reminders', () => {
  const reminders = () => api.app.get(JobsService).queue('reminders');
  const ids = async () => (await reminders().getDelayed()).map((job: Job) => job.id!).sort();

  it('are planned 24 h and 1 h before, moved on reschedule and removed on cancel', async () => {
    const clock = api.app.get(Clock);
    const now = new Date('2029-06-01T00:00:00Z');
    clock.now = () => now;
    try {
      const startsAt = new Date('2029-06-03T02:30:00Z');
      const session = (await schedule({ title: 'Planned', startsAt: startsAt.toISOString() })).data!.scheduleLiveSession;
      const planned = await Promise.all(['24h', '1h'].map((o) => reminders().getJob(reminderJobId(session.id, o as '24h', 0))));
      expect(planned.map((job) => job!.opts.delay)).toEqual([startsAt.getTime() - 24 * HOUR - now.getTime(), startsAt.getTime() - HOUR - now.getTime()]);

      await api.gql(`mutation($id: ID!) { updateLiveSession(sessionId: $id, input: { startsAt: "2029-06-04T02:30:00Z" }) { id } }`, { id: session.id }, trainer.token);
      const mine = (await ids()).filter((id) => id.includes(session.id));
      expect(mine).toEqual([reminderJobId(session.id, '1h', 1), reminderJobId(session.id, '24h', 1)].sort());
      expect((await reminders().getJob(reminderJobId(session.id, '24h', 1)))!.opts.delay).toBe(
        Date.parse('2029-06-04T02:30:00Z') - 24 * HOUR - now.getTime(),
      );

      await api.gql(`mutation($id: ID!) { cancelLiveSession(sessionId: $id) { id } }`, { id: session.id }, trainer.token);
      expect((await ids()).filter((id) => id.includes(session.id))).toEqual([]);

      // Both announcements were written in the outbox by the changes' own transactions, one per member.
      const [{ members }] = await api.sql(`SELECT count(*)::int AS members FROM enrollment WHERE course_id = $1 AND status <> 'WITHDRAWN'`, [
        course.id,
      ]);
      const announced = await api.sql(`SELECT job_id FROM outbox WHERE job_name = 'deliver-notification' AND job_id LIKE $1`, [
        `notify.session-%.${session.id}.%`,
      ]);
      expect(members).toBeGreaterThan(0);
      expect(announced.map((row) => row.job_id.split('.')[0] + '.' + row.job_id.split('.')[1]).sort()).toEqual([
        ...Array(members).fill('notify.session-cancelled'),
        ...Array(members).fill('notify.session-rescheduled'),
        ...Array(members).fill('notify.session-scheduled'),
      ]);
    } finally {
      clock.now = () => new Date();
    }
  });

  it('are planned by the worker for sessions that arrived without them (imported from content files)', async () => {
    const startsAt = new Date(Date.now() + 5 * HOUR);
    const [{ id }] = await api.sql(
      `INSERT INTO live_session (course_id, title, starts_at, duration_minutes) VALUES ($1, 'Imported seminar', $2, 60) RETURNING id`,
      [course.id, startsAt],
    );
    const { LiveSessionsService } = await import('./live-sessions.service.js');
    await api.app.get(LiveSessionsService).planUpcomingReminders();
    await api.app.get(LiveSessionsService).planUpcomingReminders();
    const mine = (await ids()).filter((jobId) => jobId.includes(id));
    // 24 h before has passed already; 1 h before is still to come.
    expect(mine).toEqual([reminderJobId(id, '1h', 0)]);
  });

  it('reach every member once, by email and in the app, in their own zone with the organiser zone beside it', async () => {
    // Orientation at 11:30 in Tokyo: 09:00 in Yangon, 10:30 in Manila.
    const tokyo = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await api.gql(`mutation($id: ID!) { publishCourse(courseId: $id) { id } }`, { id: tokyo.id }, trainer.token);
    const manila = await signUp(api, { displayName: 'Ligaya', timeZone: 'Asia/Manila' });
    const yangon = await signUp(api, { displayName: 'Aung', timeZone: 'Asia/Yangon' });
    for (const person of [manila, yangon]) await enroll(api, person, tokyo.id);
    await api.sql(`UPDATE course SET time_zone = 'Asia/Tokyo' WHERE id = $1`, [tokyo.id]);
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    startsAt.setUTCHours(2, 30, 0, 0);
    const session = (
      await api.gql(SCHEDULE, { input: { courseId: tokyo.id, title: 'Orientation', startsAt: startsAt.toISOString(), durationMinutes: 60 } }, trainer.token)
    ).data!.scheduleLiveSession;

    const worker = await api.startWorker();
    const job = (await reminders().getJob(reminderJobId(session.id, '24h', 0)))!;
    await job.promote();
    // The announcement of the new session goes out too; these are the reminders.
    const emailsTo = (email: string) => sentEmails(api.config).filter((m) => m.to === email && m.subject === 'Tomorrow: Orientation');
    await waitFor(() => emailsTo(manila.email).length === 1 && emailsTo(yangon.email).length === 1 && emailsTo(trainer.email).length >= 1);

    expect(emailsTo(yangon.email)[0].text).toMatch(/09:00 \(Yangon\) — 11:30 Tokyo/);
    expect(emailsTo(manila.email)[0].text).toMatch(/10:30 \(Manila\) — 11:30 Tokyo/);
    expect(emailsTo(yangon.email)[0].subject).toBe('Tomorrow: Orientation');
    const inApp = await api.gql(`{ notifications { unreadCount nodes { kind title body } } }`, {}, yangon.token);
    expect(inApp.data!.notifications.unreadCount).toBe(2);
    expect(inApp.data!.notifications.nodes.map((n: { kind: string; title: string }) => [n.kind, n.title]).sort()).toEqual([
      ['SESSION_REMINDER', 'Tomorrow: Orientation'],
      ['SESSION_SCHEDULED', 'New session: Orientation'],
    ]);

    // A forced retry of the finished reminder, then a worker restart and another retry: still one each.
    const finished = (await reminders().getJob(reminderJobId(session.id, '24h', 0)))!;
    await finished.retry('completed');
    await waitFor(async () => (await finished.getState()) === 'completed');
    await worker.close();
    await api.startWorker();
    await (await reminders().getJob(reminderJobId(session.id, '24h', 0)))!.retry('completed');
    await waitFor(async () => (await reminders().getJob(reminderJobId(session.id, '24h', 0)))!.getState().then((s) => s === 'completed'));
    await new Promise((r) => setTimeout(r, 500));
    for (const person of [manila, yangon]) expect(emailsTo(person.email)).toHaveLength(1);
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'SESSION_REMINDER'`, [yangon.id]);
    expect(n).toBe(1);

    // Read: the bell goes back to zero.
    await api.gql(`mutation { markNotificationsRead }`, {}, yangon.token);
    expect((await api.gql(`{ notifications { unreadCount } }`, {}, yangon.token)).data!.notifications.unreadCount).toBe(0);
  });
});

/** node-ical gives some properties as { params, val }. */
function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'val' in value ? String((value as { val: unknown }).val) : String(value);
}
