import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ageAccount, courseSpace, createSpace, ok, REPLY, startThread, THREAD } from './community-fixtures.js';

let api: TestApi;
let admin: Person;
let trainerA: Person;
let trainerB: Person;
let learner: Person;
let courseA: CourseOutline;
let courseB: CourseOutline;

const REPORT = `mutation($p: ID!, $r: String!) { reportPost(postId: $p, reason: $r) }`;
const HIDE = `mutation($p: ID!, $h: Boolean!, $r: String) { hidePost(postId: $p, hidden: $h, reason: $r) { id hidden body hiddenReason } }`;
const DISMISS = `mutation($p: ID!) { dismissReports(postId: $p) }`;
const LOCK = `mutation($t: ID!, $l: Boolean!) { lockThread(threadId: $t, locked: $l) { id locked } }`;
const QUEUE = `{ moderationQueue { id reason post { id } } }`;
const CAN_MODERATE = `query($slug: String!) { space(slug: $slug) { id canModerate } }`;
const audit = (action: string, subjectId: string) => api.sql(`SELECT actor_id FROM audit_event WHERE action = $1 AND subject_id = $2`, [action, subjectId]);

/** A thread by the learner in the space, its opening post reported by the admin; the post's id. */
async function reportedPost(spaceId: string, body: string): Promise<{ threadId: string; postId: string }> {
  const thread = await startThread(api, learner, spaceId, `About ${body}`, body);
  const postId: string = ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread.posts.nodes[0].id;
  ok(await api.gql(REPORT, { p: postId, r: `Reported: ${body}` }, admin.token));
  return { threadId: thread.id, postId };
}

const queuedPosts = async (who: Person) => ok(await api.gql(QUEUE, {}, who.token)).moderationQueue.map((r: { post: { id: string } }) => r.post.id);

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainerA = await signUpTrainer(api, admin);
  trainerB = await signUpTrainer(api, admin);
  learner = await signUp(api);
  courseA = await buildCourse(api, trainerA, { lessonsPerModule: [1] });
  courseB = await buildCourse(api, trainerB, { lessonsPerModule: [1] });
  await enroll(api, learner, courseA.id);
  await enroll(api, learner, courseB.id);
  await ageAccount(api, admin, trainerA, trainerB, learner);
});
afterAll(() => api.close());

describe("a course's trainers moderate its COURSE space, and no other", () => {
  it("trainer of A hides, restores, dismisses and locks in A's space, audited as theirs; the queue shows only A's reports", async () => {
    const spaceA = await courseSpace(api, courseA.id);
    const spaceB = await courseSpace(api, courseB.id);
    const theme = await createSpace(api, admin, 'THEME');
    const inA = await reportedPost(spaceA.id, 'in A');
    const alsoInA = await reportedPost(spaceA.id, 'also in A');
    const inB = await reportedPost(spaceB.id, 'in B');
    const inTheme = await reportedPost(theme.id, 'in a theme');

    // The queue: the trainer sees A's reports only; admins see all; a learner is refused.
    const trainersQueue = await queuedPosts(trainerA);
    expect(trainersQueue).toEqual(expect.arrayContaining([inA.postId, alsoInA.postId]));
    expect(trainersQueue).not.toContain(inB.postId);
    expect(trainersQueue).not.toContain(inTheme.postId);
    expect(await queuedPosts(admin)).toEqual(expect.arrayContaining([inA.postId, inB.postId, inTheme.postId]));
    expect(errorOf(await api.gql(QUEUE, {}, learner.token)).code).toBe('FORBIDDEN');

    // Space.canModerate says the same.
    const canModerate = async (who: Person, slug: string) => ok(await api.gql(CAN_MODERATE, { slug }, who.token)).space?.canModerate;
    expect(await canModerate(trainerA, spaceA.slug)).toBe(true);
    expect(await canModerate(trainerA, theme.slug)).toBe(false);
    expect(await canModerate(learner, spaceA.slug)).toBe(false);
    expect(await canModerate(admin, theme.slug)).toBe(true);

    // Hide in A: allowed, the text stays readable to the trainer (a moderator), empty for the learner but its reason.
    const hidden = ok(await api.gql(HIDE, { p: inA.postId, h: true, r: 'Off topic' }, trainerA.token)).hidePost;
    expect(hidden).toMatchObject({ hidden: true, body: 'in A', hiddenReason: 'Off topic' });
    const seen = async (who: Person) => ok(await api.gql(THREAD, { id: inA.threadId }, who.token)).thread.posts.nodes[0];
    expect(await seen(trainerA)).toMatchObject({ hidden: true, body: 'in A', hiddenReason: 'Off topic' });
    expect(await seen(learner)).toMatchObject({ hidden: true, body: '', hiddenReason: 'Off topic' });
    expect(await audit('POST_HIDDEN', inA.postId)).toEqual([{ actor_id: trainerA.id }]);
    expect(ok(await api.gql(HIDE, { p: inA.postId, h: false }, trainerA.token)).hidePost.hidden).toBe(false);
    expect(await audit('POST_RESTORED', inA.postId)).toEqual([{ actor_id: trainerA.id }]);

    // Dismiss and lock in A: allowed and audited.
    expect(ok(await api.gql(DISMISS, { p: alsoInA.postId }, trainerA.token)).dismissReports).toBe(1);
    expect(await audit('REPORTS_DISMISSED', alsoInA.postId)).toEqual([{ actor_id: trainerA.id }]);
    expect(ok(await api.gql(LOCK, { t: alsoInA.threadId, l: true }, trainerA.token)).lockThread.locked).toBe(true);
    expect(errorOf(await api.gql(REPLY, { t: alsoInA.threadId, b: 'More' }, learner.token)).code).toBe('CONFLICT');
    expect(await audit('THREAD_LOCKED', alsoInA.threadId)).toEqual([{ actor_id: trainerA.id }]);
    expect(await queuedPosts(trainerA)).toEqual([]);

    // B's space and a THEME space: refused, and nothing changed there.
    for (const other of [inB, inTheme]) {
      expect(errorOf(await api.gql(HIDE, { p: other.postId, h: true, r: 'No' }, trainerA.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.gql(DISMISS, { p: other.postId }, trainerA.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await api.gql(LOCK, { t: other.threadId, l: true }, trainerA.token)).code).toBe('FORBIDDEN');
      expect(await audit('POST_HIDDEN', other.postId)).toEqual([]);
      expect(await audit('THREAD_LOCKED', other.threadId)).toEqual([]);
    }
    expect(await queuedPosts(admin)).toEqual(expect.arrayContaining([inB.postId, inTheme.postId]));
    // B's trainer moderates B's space, not A's.
    expect(await queuedPosts(trainerB)).toEqual([inB.postId]);
    expect(errorOf(await api.gql(LOCK, { t: inA.threadId, l: true }, trainerB.token)).code).toBe('FORBIDDEN');
    // A learner of A moderates nothing; an unknown post is refused alike (its existence does not leak).
    expect(errorOf(await api.gql(HIDE, { p: inA.postId, h: true }, learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(HIDE, { p: '00000000-0000-4000-8000-000000000000', h: true }, trainerA.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(HIDE, { p: '00000000-0000-4000-8000-000000000000', h: true }, admin.token)).code).toBe('NOT_FOUND');
  }, 60_000);
});
