import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { ageAccount, courseSpace, createSpace, ok, REPLY, reply, startThread, THREAD } from './community-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;
let classmate: Person;
let outsider: Person;
let course: CourseOutline;

const stored = (person: Person, kind: string) => api.sql<{ title: string; body: string; link: string }>(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = $2`, [person.id, kind]);
const emailsTo = (person: Person) => sentNotices(api.config).filter((m) => m.to === person.email);
const audit = (action: string, subjectId: string) => api.sql(`SELECT actor_id, data FROM audit_event WHERE action = $1 AND subject_id = $2`, [action, subjectId]);

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Somchai Dee' });
  classmate = await signUp(api, { displayName: 'Sita Sharma', locale: 'th' });
  outsider = await signUp(api, { displayName: 'Sam Outsider' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await enroll(api, learner, course.id);
  await enroll(api, classmate, course.id);
  await ageAccount(api, admin, trainer, learner, classmate, outsider);
  await api.startWorker();
});
afterAll(() => api.close());

describe('mentions', () => {
  it('each mentioned person who can see the space is notified once, in the app and by email; never someone who cannot', async () => {
    const space = await courseSpace(api, course.id);
    const thread = await startThread(api, learner, space.id, 'Action plans', 'Hello @Sita and @Sam', [classmate.id, outsider.id, classmate.id]);
    await waitFor(async () => (await stored(classmate, 'MENTIONED')).length === 1 && emailsTo(classmate).length === 1);
    const [notice] = await stored(classmate, 'MENTIONED');
    expect(notice.title).toContain('Somchai Dee');
    expect(notice.link).toBe(`/community/threads/${thread.id}#post-${ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread.posts.nodes[0].id}`);
    // The outsider cannot read the course's space: no notification, no email, nothing queued for them.
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored(outsider, 'MENTIONED')).toEqual([]);
    expect(emailsTo(outsider)).toEqual([]);
    expect(await api.sql(`SELECT 1 FROM outbox WHERE payload->>'userId' = $1`, [outsider.id])).toEqual([]);
    // A repeated delivery (a retried job) changes nothing.
    const [row] = await api.sql<{ job_name: string; payload: unknown; job_id: string }>(`SELECT job_name, payload, job_id FROM outbox WHERE payload->>'userId' = $1`, [classmate.id]);
    await api.sql(`INSERT INTO outbox (job_name, payload, job_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [row.job_name, row.payload, row.job_id]);
    expect(await stored(classmate, 'MENTIONED')).toHaveLength(1);
  });

  it('the thread author hears of replies; mention candidates are only people who read the space', async () => {
    const space = await courseSpace(api, course.id);
    const thread = await startThread(api, learner, space.id, 'Replies', 'Opening');
    await reply(api, classmate, thread.id, 'A reply');
    await waitFor(async () => (await stored(learner, 'THREAD_REPLY')).length === 1);
    const CANDIDATES = `query($s: ID!, $q: String!) { mentionCandidates(spaceId: $s, search: $q) { id displayName } }`;
    const names = async (q: string, who = learner) => ok(await api.gql(CANDIDATES, { s: space.id, q }, who.token)).mentionCandidates.map((u: { displayName: string }) => u.displayName);
    expect(await names('S')).toEqual(['Sita Sharma']);
    expect(await names('sha')).toEqual(['Sita Sharma']);
    expect(await names('Sam')).toEqual([]);
    const open = await createSpace(api, admin, 'THEME');
    expect(ok(await api.gql(CANDIDATES, { s: open.id, q: 'Sam' }, learner.token)).mentionCandidates).toEqual([{ id: outsider.id, displayName: 'Sam Outsider' }]);
    expect(errorOf(await api.gql(REPLY, { t: thread.id, b: 'x', m: ['not-an-id'] }, learner.token)).code).toBe('BAD_USER_INPUT');
  });
});

describe('moderation', () => {
  const REPORT = `mutation($p: ID!, $r: String!) { reportPost(postId: $p, reason: $r) }`;
  const HIDE = `mutation($p: ID!, $h: Boolean!, $r: String) { hidePost(postId: $p, hidden: $h, reason: $r) { id hidden body bodyHtml } }`;
  const QUEUE = `{ moderationQueue { id reason post { id } } }`;

  it('reports go to the queue once per person; admins hide a post (empty for all but admins), its author is told why; all audited', async () => {
    const space = await createSpace(api, admin, 'NETWORK');
    const thread = await startThread(api, learner, space.id, 'Moderated', 'Rude words here');
    const postId = ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread.posts.nodes[0].id;
    expect(ok(await api.gql(REPORT, { p: postId, r: 'Insulting' }, outsider.token)).reportPost).toBe(true);
    expect(errorOf(await api.gql(REPORT, { p: postId, r: 'Again' }, outsider.token)).code).toBe('CONFLICT');
    // A course's trainer moderates its space only: this NETWORK space's reports are not theirs; a learner has no queue.
    expect(ok(await api.gql(QUEUE, {}, trainer.token)).moderationQueue).toEqual([]);
    expect(errorOf(await api.gql(QUEUE, {}, learner.token)).code).toBe('FORBIDDEN');
    expect(ok(await api.gql(QUEUE, {}, admin.token)).moderationQueue).toEqual([expect.objectContaining({ reason: 'Insulting', post: { id: postId } })]);

    expect(errorOf(await api.gql(HIDE, { p: postId, h: true }, trainer.token)).code).toBe('FORBIDDEN');
    const hidden = ok(await api.gql(HIDE, { p: postId, h: true, r: 'Insults break the space rules' }, admin.token)).hidePost;
    expect(hidden).toMatchObject({ hidden: true, body: 'Rude words here' });
    const seen = async (who: Person) => ok(await api.gql(THREAD, { id: thread.id }, who.token)).thread.posts.nodes[0];
    expect(await seen(outsider)).toMatchObject({ hidden: true, body: '', bodyHtml: '', hiddenReason: null });
    expect(await seen(learner)).toMatchObject({ hidden: true, body: '', bodyHtml: '', hiddenReason: 'Insults break the space rules' });
    expect(await seen(admin)).toMatchObject({ hidden: true, body: 'Rude words here' });
    expect(ok(await api.gql(QUEUE, {}, admin.token)).moderationQueue).toEqual([]);
    await waitFor(async () => (await stored(learner, 'POST_HIDDEN')).length === 1);
    expect((await stored(learner, 'POST_HIDDEN'))[0].body).toContain('Insults break the space rules');
    expect(await audit('POST_HIDDEN', postId)).toEqual([{ actor_id: admin.id, data: { threadId: thread.id, reason: 'Insults break the space rules' } }]);
    // Hidden posts are not found by search, except by admins.
    const SEARCH = `query($q: String!) { searchPosts(query: $q) { totalCount } }`;
    expect(ok(await api.gql(SEARCH, { q: 'Rude' }, outsider.token)).searchPosts.totalCount).toBe(0);
    expect(ok(await api.gql(SEARCH, { q: 'Rude' }, admin.token)).searchPosts.totalCount).toBe(1);

    expect(ok(await api.gql(HIDE, { p: postId, h: false }, admin.token)).hidePost.hidden).toBe(false);
    expect((await seen(outsider)).body).toBe('Rude words here');
    expect(await audit('POST_RESTORED', postId)).toHaveLength(1);
  });

  it('admins dismiss the reports of a post that is fine: they leave the queue, the post stays shown; audited', async () => {
    const DISMISS = `mutation($p: ID!) { dismissReports(postId: $p) }`;
    const space = await createSpace(api, admin, 'NETWORK');
    const thread = await startThread(api, learner, space.id, 'Reported but fine', 'A strong opinion');
    const postId = ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread.posts.nodes[0].id;
    expect(ok(await api.gql(REPORT, { p: postId, r: 'I disagree' }, outsider.token)).reportPost).toBe(true);
    expect(errorOf(await api.gql(DISMISS, { p: postId }, trainer.token)).code).toBe('FORBIDDEN');
    expect(ok(await api.gql(QUEUE, {}, admin.token)).moderationQueue.map((r: { post: { id: string } }) => r.post.id)).toContain(postId);
    expect(ok(await api.gql(DISMISS, { p: postId }, admin.token)).dismissReports).toBe(1);
    expect(ok(await api.gql(QUEUE, {}, admin.token)).moderationQueue.map((r: { post: { id: string } }) => r.post.id)).not.toContain(postId);
    expect((ok(await api.gql(THREAD, { id: thread.id }, outsider.token)).thread.posts.nodes[0])).toMatchObject({ hidden: false, body: 'A strong opinion' });
    // Nothing left to dismiss; the person who reported cannot report the same post again.
    expect(ok(await api.gql(DISMISS, { p: postId }, admin.token)).dismissReports).toBe(0);
    expect(errorOf(await api.gql(REPORT, { p: postId, r: 'Again' }, outsider.token)).code).toBe('CONFLICT');
    expect(await audit('REPORTS_DISMISSED', postId)).toEqual([{ actor_id: admin.id, data: { threadId: thread.id, count: 1 } }]);
  });

  it('a locked thread refuses replies with CONFLICT until unlocked; locking is audited', async () => {
    const space = await createSpace(api, admin, 'THEME');
    const thread = await startThread(api, learner, space.id, 'Heated', 'Opening');
    const LOCK = `mutation($t: ID!, $l: Boolean!) { lockThread(threadId: $t, locked: $l) { id locked } }`;
    expect(errorOf(await api.gql(LOCK, { t: thread.id, l: true }, learner.token)).code).toBe('FORBIDDEN');
    expect(ok(await api.gql(LOCK, { t: thread.id, l: true }, admin.token)).lockThread.locked).toBe(true);
    expect(errorOf(await api.gql(REPLY, { t: thread.id, b: 'More' }, learner.token)).code).toBe('CONFLICT');
    expect(await audit('THREAD_LOCKED', thread.id)).toHaveLength(1);
    ok(await api.gql(LOCK, { t: thread.id, l: false }, admin.token));
    expect((await reply(api, learner, thread.id, 'More')).body).toBe('More');
    expect(await audit('THREAD_UNLOCKED', thread.id)).toHaveLength(1);
  });
});
