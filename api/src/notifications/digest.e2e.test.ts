import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../platform/common/clock.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { QUEUES } from '../platform/jobs/queues.js';
import { buildCourse, type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { queueDrained, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { DigestService } from './digest.service.js';

/**
 * Digests in each person's own morning, with the Clock set by the test (never the machine's zone or time).
 * Monday 7 December 2026: 07:00 in Auckland (UTC+13 in summer) is 18:00 UTC on Sunday the 6th;
 * 07:00 in Bangkok (UTC+7) is 00:00 UTC on Monday the 7th.
 */
const POSTED_AT = '2026-12-06T10:00:00Z';
const AUCKLAND_MORNING = '2026-12-06T18:05:00Z';
const BANGKOK_MORNING = '2026-12-07T00:05:00Z';

let api: TestApi;
let admin: Person;
let author: Person;
let bangkok: Person;
let auckland: Person;
let weekly: Person;
let quiet: Person;
let clock: Clock;
const realNow = () => new Date();

const ok = (res: { data?: any; errors?: unknown }) => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};
const digestsTo = (who: Person) => sentNotices(api.config).filter((m) => m.to === who.email && m.messageId.startsWith('<digest.'));
const at = (iso: string) => (clock.now = () => new Date(iso));

async function space(slug: string, kind: string, membersOnly = false): Promise<string> {
  const input = { slug, title: `Space ${slug}`, description: '', kind, membersOnly };
  return ok(await api.gql(`mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`, { input }, admin.token)).createSpace.id;
}
const join = async (who: Person, spaceId: string) => ok(await api.gql(`mutation($s: ID!) { joinSpace(spaceId: $s) { id } }`, { s: spaceId }, who.token));
const start = async (who: Person, spaceId: string, title: string) =>
  ok(await api.gql(`mutation($s: ID!, $t: String!) { startThread(spaceId: $s, title: $t, body: "Opening post.") { id posts { nodes { id } } } }`, { s: spaceId, t: title }, who.token)).startThread;
const reply = async (who: Person, threadId: string, body = 'A reply.') =>
  ok(await api.gql(`mutation($t: ID!, $b: String!) { reply(threadId: $t, body: $b) { id } }`, { t: threadId, b: body }, who.token)).reply;
const sweep = () => api.app.get(DigestService).sweep();
/** Runs the sweep and waits until the worker has sent what it queued. */
async function sweepAndSend(): Promise<number> {
  const sent = await sweep();
  await waitFor(async () => (await api.sql(`SELECT 1 FROM outbox WHERE dispatched_at IS NULL`)).length === 0);
  await queueDrained(api, QUEUES.notifications);
  return sent;
}

beforeAll(async () => {
  api = await startTestApi();
  clock = api.app.get(Clock);
  admin = await signUpAdmin(api);
  author = await signUp(api, { displayName: 'Arjun Author', timeZone: 'Asia/Kathmandu' });
  bangkok = await signUp(api, { displayName: 'Malee', timeZone: 'Asia/Bangkok', locale: 'th' });
  auckland = await signUp(api, { displayName: 'Aroha', timeZone: 'Pacific/Auckland', locale: 'en' });
  weekly = await signUp(api, { displayName: 'Weekly Wen', timeZone: 'Asia/Bangkok', locale: 'en' });
  quiet = await signUp(api, { displayName: 'Quiet Quinn', timeZone: 'Asia/Bangkok', locale: 'en' });
  await api.startWorker();
  // The worker's own sweep runs on real time; this test sweeps with the test's clock only.
  await api.app.get(JobsService).queue(QUEUES.notifications).removeJobScheduler('send-digests');
  ok(await api.gql(`mutation { updateNotificationPreference(input: { digest: WEEKLY }) { digest } }`, {}, weekly.token));
});
afterAll(async () => {
  clock.now = realNow;
  await api.close();
});

describe('community digests', () => {
  let followed: string;
  let thread: { id: string };

  it("each person's at their own 07:00 and in their language: only spaces they follow and read, no hidden post, none of their own", async () => {
    at(POSTED_AT);
    followed = await space('alumni', 'NETWORK');
    const unjoined = await space('unjoined', 'THEME');
    const secret = await space('secret', 'NETWORK', true);
    for (const who of [author, bangkok, auckland, weekly]) await join(who, followed);
    await join(author, unjoined);
    await api.gql(`mutation($s: ID!, $u: ID!) { addSpaceMember(spaceId: $s, userId: $u) { id } }`, { s: secret, u: author.id }, admin.token);

    thread = await start(author, followed, 'Monitoring reprisals');
    await reply(author, thread.id);
    await reply(auckland, thread.id, 'Aroha writes');
    const hiddenOnly = await start(author, followed, 'Hidden opening');
    ok(await api.gql(`mutation($p: ID!) { hidePost(postId: $p, hidden: true, reason: "Spam") { id } }`, { p: hiddenOnly.posts.nodes[0].id }, admin.token));
    await start(author, unjoined, 'Not followed');
    await start(author, secret, 'Members only talk');
    await start(bangkok, followed, 'Malee asks');
    // A course's space: read by its members only (the community's one read rule), and none of the readers is one.
    const course = await buildCourse(api, admin);
    const [courseSpace] = await api.sql<{ id: string }>(`SELECT id FROM space WHERE course_id = $1`, [course.id]);
    await start(admin, courseSpace.id, 'Course only talk');

    // 18:05 UTC: Auckland's Monday 07:05; Bangkok's 01:05. Only Auckland's digest goes, once however often the job runs.
    at(AUCKLAND_MORNING);
    expect(await sweepAndSend()).toBe(1);
    expect(await sweepAndSend()).toBe(0);
    expect(digestsTo(bangkok)).toEqual([]);
    const [aroha] = digestsTo(auckland);
    expect(digestsTo(auckland)).toHaveLength(1);
    expect(aroha.subject).toBe('Today in your community: 3 new posts');
    expect(aroha.text).toContain('New thread: "Monitoring reprisals" by Arjun Author');
    expect(aroha.text).toContain('1 new reply in "Monitoring reprisals"');
    expect(aroha.text).toContain('New thread: "Malee asks" by Malee');
    expect(aroha.text).toContain(`${api.config.appUrl}/community/threads/${thread.id}`);
    for (const never of ['Hidden opening', 'Not followed', 'Members only talk', 'Course only talk', 'Aroha writes']) expect(aroha.text).not.toContain(never);

    // 00:05 UTC: Bangkok's Monday 07:05. Malee's digest, in Thai, without her own thread; Auckland's is not sent again.
    at(BANGKOK_MORNING);
    expect(await sweepAndSend()).toBe(2);
    expect(digestsTo(auckland)).toHaveLength(1);
    const [malee] = digestsTo(bangkok);
    expect(malee.subject).toBe('วันนี้ในชุมชนของคุณ: โพสต์ใหม่ 3 รายการ');
    expect(malee.text).toContain('กระทู้ใหม่: "Monitoring reprisals" โดย Arjun Author');
    expect(malee.text).toContain('คำตอบใหม่ 2 รายการใน "Monitoring reprisals"');
    expect(malee.text).not.toContain('Malee asks');
    expect(malee.text).not.toContain('Hidden opening');
    expect(malee.text).not.toContain('Course only talk');
    // Weekly: Monday morning, the week's posts. Nobody with nothing new gets an email.
    const [wen] = digestsTo(weekly);
    expect(wen.subject).toBe('This week in your community: 4 new posts');
    expect(digestsTo(quiet)).toEqual([]);
    expect(await sweepAndSend()).toBe(0);
  });

  it('the next morning holds what is new since the last digest; nothing new, nothing sent; its unsubscribe link turns the digest off', async () => {
    at('2026-12-07T12:00:00Z');
    await reply(author, thread.id, 'Tuesday news');
    // Bangkok's Tuesday 07:05: only the new reply. Weekly Wen: not on a Tuesday.
    at('2026-12-08T00:05:00Z');
    expect(await sweepAndSend()).toBe(1);
    const latest = digestsTo(bangkok).at(-1)!;
    expect(digestsTo(bangkok)).toHaveLength(2);
    expect(latest.text).toContain('คำตอบใหม่ 1 รายการใน "Monitoring reprisals"');
    expect(latest.text).not.toContain('กระทู้ใหม่');
    expect(digestsTo(weekly)).toHaveLength(1);
    // Auckland's Wednesday 07:05 (its Tuesday morning was not swept): everything since its last digest.
    at('2026-12-08T18:05:00Z');
    expect(await sweepAndSend()).toBe(1);
    expect(digestsTo(auckland).at(-1)!.text).toContain('1 new reply in "Monitoring reprisals"');
    // Auckland's Thursday: nothing new, no email.
    at('2026-12-09T18:05:00Z');
    expect(await sweepAndSend()).toBe(0);
    expect(digestsTo(auckland)).toHaveLength(2);

    // The link (and the List-Unsubscribe address) turn this person's digest off, without signing in.
    const token = /\/unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(latest.text)![1];
    expect(latest.headers['List-Unsubscribe']).toBe(`<${api.config.appUrl}/email/unsubscribe?token=${token}>`);
    expect((await fetch(`${api.url}/email/unsubscribe?token=${token}`, { method: 'POST' })).status).toBe(200);
    expect(ok(await api.gql(`{ myNotificationPreferences { digest } }`, {}, bangkok.token)).myNotificationPreferences.digest).toBe('OFF');
    at('2026-12-09T20:00:00Z');
    await reply(author, thread.id, 'Thursday news');
    at('2026-12-10T00:05:00Z');
    expect(await sweepAndSend()).toBe(0);
    expect(digestsTo(bangkok)).toHaveLength(2);
  });
});
