import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ical from 'node-ical';
import { buildCourse, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { startTestSmtpServer } from '../platform/testing/smtp-server.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';

/**
 * Titles written before today's input rules (or by any path that skips them) may hold line breaks.
 * Calendar files and email headers are line-based: such a title must stay one value, never start a
 * property, an event or a header of its own.
 */
const INJECTED = 'Orientation\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:phish@evil\r\nSUMMARY:Urgent: confirm your account\r\nURL:https://phish.example/login\r\nDTSTART:20300101T000000Z';
const INJECTED_HEADER = 'Orientation\r\nBcc: everyone@phish.example\r\nX-Injected: yes\nSubject: Verify your password';

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

let api: TestApi;
let trainer: Person;
let learner: Person;
let course: Awaited<ReturnType<typeof buildCourse>>;

const SCHEDULE = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id icsPath } }`;

async function scheduleWithStoredTitle(title: string): Promise<{ id: string; icsPath: string }> {
  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
  const res = await api.gql(SCHEDULE, { input: { courseId: course.id, title: 'Placeholder', startsAt, durationMinutes: 60, joinUrl: 'https://meet.example.org/room' } }, trainer.token);
  const session = res.data!.scheduleLiveSession;
  // Straight into the table, as legacy data would be: no input rule sees it.
  await api.sql(`UPDATE live_session SET title = $2 WHERE id = $1`, [session.id, title]);
  return session;
}

/** The file's logical lines (RFC 5545 folding undone). */
function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

async function calendarAt(path: string) {
  const res = await fetch(`${api.url}${path}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
  return { text, lines: contentLines(text), events };
}

function expectNoInjectedEvent(calendar: Awaited<ReturnType<typeof calendarAt>>) {
  expect(calendar.lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(calendar.events.length);
  // No property may begin with text from a stored value.
  expect(calendar.lines.filter((l) => /^(URL[:;](VALUE=URI:)?https:\/\/phish|UID:phish|SUMMARY:Urgent|DTSTART:2030)/.test(l))).toEqual([]);
  expect(calendar.events.map((e) => e.uid)).not.toContain('phish@evil');
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  api = await startTestApi({ SMTP_URL: smtp.url });
  const admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Ana' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await enroll(api, learner, course.id);
});
afterAll(async () => {
  await api.close();
  smtp.close();
});

describe('a stored title with line breaks', () => {
  it('stays one event with its own name in the public session file', async () => {
    const session = await scheduleWithStoredTitle(INJECTED);
    const calendar = await calendarAt(session.icsPath);

    expect(calendar.events).toHaveLength(1);
    expectNoInjectedEvent(calendar);
    const [event] = calendar.events;
    expect(event.uid).toBe(`${session.id}@kapwa`);
    expect(String(event.summary)).toContain('Orientation END:VEVENT BEGIN:VEVENT');
    // The calendar's name is one property line holding the whole title.
    for (const property of ['NAME', 'X-WR-CALNAME']) {
      const names = calendar.lines.filter((l) => l.startsWith(`${property}:`));
      expect(names).toHaveLength(1);
      expect(names[0]).toContain('Orientation END:VEVENT BEGIN:VEVENT');
      expect(names[0]).toContain('phish.example');
    }
  });

  it("stays one event in a member's feed, with a stored join link that cannot add lines either", async () => {
    const session = await scheduleWithStoredTitle(INJECTED);
    await api.sql(`UPDATE live_session SET join_url = $2 WHERE id = $1`, [session.id, 'https://meet.example.org/room\r\nURL:https://phish.example/join']);
    await api.sql(`UPDATE course SET title = $2 WHERE id = $1`, [course.id, 'Rights\r\nBEGIN:VEVENT\r\nURL:https://phish.example/course']);
    const path = (await api.gql(`{ myCalendarFeedPath }`, {}, learner.token)).data!.myCalendarFeedPath;
    const feed = await calendarAt(path);
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM live_session WHERE course_id = $1`, [course.id]);

    expect(feed.events).toHaveLength(n);
    expectNoInjectedEvent(feed);
    expect(feed.events.map((e) => e.uid)).toContain(`${session.id}@kapwa`);
  });

  it('gives an email subject that is one header, with no header of its own', async () => {
    const session = await scheduleWithStoredTitle(INJECTED_HEADER);
    await api.startWorker();
    const res = await api.gql(`mutation($id: ID!) { cancelLiveSession(sessionId: $id) { id } }`, { id: session.id }, trainer.token);
    expect(res.errors).toBeUndefined();
    // The session's announcement ("New session: Placeholder") was written before the title was; the cancellation carries it.
    const cancellation = () => smtp.received.find((m) => m.to.includes(learner.email) && m.raw.includes('Cancelled'));
    await waitFor(() => !!cancellation(), 15_000);

    const { raw } = cancellation()!;
    // RFC 5322 unfolding drops the CRLF and keeps the whitespace after it.
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '').split('\r\n');
    expect(headers.filter((h) => /^(Bcc|X-Injected):/i.test(h))).toEqual([]);
    const subjects = headers.filter((h) => /^Subject:/i.test(h));
    expect(subjects).toHaveLength(1);
    expect(decodeWords(subjects[0])).toBe('Subject: Cancelled: Orientation Bcc: everyone@phish.example X-Injected: yes Subject: Verify your password');
  });
});

/** Undoes RFC 2047 encoded words (nodemailer may Q-encode a subject with unusual characters). */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) =>
      Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}
