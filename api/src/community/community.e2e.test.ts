import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, type CourseOutline, enroll, PASSWORD, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { ageAccount, courseSpace, CREATE_SPACE, createSpace, JOIN, ok, REPLY, reply, SEARCH, SPACE, START, startThread, THREAD } from './community-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
let learner: Person;
let outsider: Person;
let course: CourseOutline;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  learner = await signUp(api, { displayName: 'Somchai' });
  outsider = await signUp(api, { displayName: 'Outsider' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await enroll(api, learner, course.id);
  await ageAccount(api, admin, trainer, learner, outsider);
});
afterAll(() => api.close());

const spaceSlugs = async (who: Person) => ok(await api.gql(`{ spaces { slug } }`, {}, who.token)).spaces.map((s: { slug: string }) => s.slug);

describe('spaces', () => {
  it('each course has its space, read by its members, trainers and admins only — through every path', async () => {
    const space = await courseSpace(api, course.id);
    expect(space.slug).toBe(`course-${course.slug}`);
    const thread = await startThread(api, learner, space.id, 'Week one reading', 'A thought about **week one**.');
    const post = ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread.posts.nodes[0];

    for (const reader of [learner, trainer, admin]) {
      expect(await spaceSlugs(reader)).toContain(space.slug);
      expect(ok(await api.gql(SPACE, { slug: space.slug }, reader.token)).space).toMatchObject({ kind: 'COURSE', course: { id: course.id } });
      expect(ok(await api.gql(THREAD, { id: thread.id }, reader.token)).thread.posts.nodes[0].body).toContain('week one');
      expect(ok(await api.gql(SEARCH, { q: 'thought' }, reader.token)).searchPosts.nodes.map((n: { id: string }) => n.id)).toContain(post.id);
    }
    // Someone outside the course finds nothing, and is told nothing exists (never FORBIDDEN).
    expect(await spaceSlugs(outsider)).not.toContain(space.slug);
    expect(ok(await api.gql(SPACE, { slug: space.slug }, outsider.token)).space).toBeNull();
    expect(ok(await api.gql(THREAD, { id: thread.id }, outsider.token)).thread).toBeNull();
    expect(ok(await api.gql(SEARCH, { q: 'thought' }, outsider.token)).searchPosts).toMatchObject({ nodes: [], totalCount: 0 });
    expect(errorOf(await api.gql(REPLY, { t: thread.id, b: 'Me too' }, outsider.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(JOIN, { id: space.id }, outsider.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(START, { s: space.id, t: 'Hello there', b: 'Hi' }, outsider.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`mutation($p: ID!) { reportPost(postId: $p, reason: "spam") }`, { p: post.id }, outsider.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`query($s: ID!) { mentionCandidates(spaceId: $s, search: "S") { id } }`, { s: space.id }, outsider.token)).code).toBe('NOT_FOUND');
    // Nor does anyone signed out.
    expect(ok(await api.gql(`{ spaces { id } }`)).spaces).toEqual([]);
    expect(ok(await api.gql(THREAD, { id: thread.id })).thread).toBeNull();
  });

  it('a course member who withdraws, or a course still in draft, no longer opens the space', async () => {
    const draft = await buildCourse(api, trainer, { lessonsPerModule: [1], publish: false });
    const space = await courseSpace(api, draft.id);
    expect(await spaceSlugs(trainer)).toContain(space.slug);
    await api.sql(`INSERT INTO enrollment (course_id, user_id, role, status) VALUES ($1, $2, 'LEARNER', 'ACTIVE')`, [draft.id, learner.id]);
    expect(await spaceSlugs(learner)).not.toContain(space.slug);
    const published = await courseSpace(api, course.id);
    await api.sql(`UPDATE enrollment SET status = 'WITHDRAWN' WHERE course_id = $1 AND user_id = $2`, [course.id, learner.id]);
    expect(ok(await api.gql(SPACE, { slug: published.slug }, learner.token)).space).toBeNull();
    await api.sql(`UPDATE enrollment SET status = 'ACTIVE' WHERE course_id = $1 AND user_id = $2`, [course.id, learner.id]);
  });

  it('THEME, COUNTRY and NETWORK spaces are read by anyone signed in, who joins to post', async () => {
    const space = await createSpace(api, admin, 'COUNTRY');
    const thread = await startThread(api, learner, space.id);
    expect(ok(await api.gql(THREAD, { id: thread.id }, outsider.token)).thread.title).toBe('A question');
    expect(errorOf(await api.gql(REPLY, { t: thread.id, b: 'Hello' }, outsider.token)).code).toBe('FORBIDDEN');
    expect(ok(await api.gql(JOIN, { id: space.id }, outsider.token)).joinSpace.isMember).toBe(true);
    expect(ok(await api.gql(JOIN, { id: space.id }, outsider.token)).joinSpace.isMember).toBe(true);
    expect((await reply(api, outsider, thread.id, 'Hello')).body).toBe('Hello');
  });

  it('a members-only space is read by its members and admins; others do not know it exists', async () => {
    const space = await createSpace(api, admin, 'NETWORK', { membersOnly: true });
    const thread = await startThread(api, admin, space.id, 'Members only', 'Private words');
    expect(await spaceSlugs(learner)).not.toContain(space.slug);
    expect(ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread).toBeNull();
    expect(errorOf(await api.gql(JOIN, { id: space.id }, learner.token)).code).toBe('NOT_FOUND');
    expect(ok(await api.gql(SEARCH, { q: 'Private' }, learner.token)).searchPosts.totalCount).toBe(0);
    ok(await api.gql(`mutation($s: ID!, $u: ID!) { addSpaceMember(spaceId: $s, userId: $u) { id } }`, { s: space.id, u: learner.id }, admin.token));
    expect(ok(await api.gql(SPACE, { slug: space.slug }, learner.token)).space).toMatchObject({ membersOnly: true, isMember: true });
    expect(ok(await api.gql(SEARCH, { q: 'Private' }, learner.token)).searchPosts.totalCount).toBe(1);
    expect(errorOf(await api.gql(`mutation($s: ID!, $u: ID!) { addSpaceMember(spaceId: $s, userId: $u) { id } }`, { s: space.id, u: outsider.id }, learner.token)).code).toBe('FORBIDDEN');
  });

  it('admins create spaces; trainers only their courses\' ones; the input is checked field by field', async () => {
    const input = (extra: Record<string, unknown>) => ({ input: { slug: `s-${Math.random().toString(36).slice(2, 8)}`, title: 'A space', description: '', kind: 'THEME', ...extra } });
    expect(errorOf(await api.gql(CREATE_SPACE, input({}), trainer.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(CREATE_SPACE, input({}), learner.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(CREATE_SPACE, input({ slug: 'Not A Slug' }), admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(errorOf(await api.gql(CREATE_SPACE, input({ kind: 'COURSE' }), admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courseId' });
    expect(errorOf(await api.gql(CREATE_SPACE, input({ courseId: course.id }), admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courseId' });
    // The course's space exists already: a second one is a conflict, for its trainer as for an admin.
    expect(errorOf(await api.gql(CREATE_SPACE, input({ kind: 'COURSE', courseId: course.id }), trainer.token))).toMatchObject({ code: 'CONFLICT', field: 'courseId' });
    const made = ok(await api.gql(CREATE_SPACE, input({ slug: 'women-defenders-test' }), admin.token)).createSpace;
    expect(made).toMatchObject({ kind: 'THEME', membersOnly: false });
    expect(errorOf(await api.gql(CREATE_SPACE, input({ slug: 'women-defenders-test' }), admin.token))).toMatchObject({ code: 'CONFLICT', field: 'slug' });
  });
});

describe('posts', () => {
  it('Markdown is rendered sanitized: no scripts, event handlers, javascript: or data: links, or SVG', async () => {
    const space = await createSpace(api, admin);
    const thread = await startThread(api, learner, space.id);
    const fixtures = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<svg onload="alert(1)"><script>alert(1)</script></svg>',
      '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
      '![x](javascript:alert(1))',
    ];
    for (const body of fixtures) {
      const { bodyHtml } = await reply(api, learner, thread.id, body);
      // Whatever is left of the markup is text: the only tags are harmless ones, without handlers or script links.
      for (const [, tag, attributes] of bodyHtml.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        expect(['p', 'a', 'em', 'strong', 'code']).toContain(tag.toLowerCase());
        expect(attributes).not.toMatch(/\bon\w+\s*=|javascript:|data:/i);
      }
      expect(bodyHtml).not.toMatch(/<(script|svg|img)/i);
    }
    const { bodyHtml } = await reply(api, learner, thread.id, '**bold** and [a link](https://example.org)');
    expect(bodyHtml).toContain('<strong>bold</strong>');
    expect(bodyHtml).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">a link</a>');
  });

  it('an author edits their own post; the earlier text is kept for admins only', async () => {
    const space = await createSpace(api, admin);
    const thread = await startThread(api, learner, space.id, 'Edits', 'First words');
    const postId = ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread.posts.nodes[0].id;
    const EDIT = `mutation($p: ID!, $b: String!) { editPost(postId: $p, body: $b) { id body editedAt history { body } } }`;
    expect(errorOf(await api.gql(EDIT, { p: postId, b: 'Not mine' }, outsider.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(EDIT, { p: postId, b: '' }, learner.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const edited = ok(await api.gql(EDIT, { p: postId, b: 'Second words' }, learner.token)).editPost;
    expect(edited).toMatchObject({ body: 'Second words', history: null });
    expect(edited.editedAt).not.toBeNull();
    const HISTORY = `query($id: ID!) { thread(id: $id) { posts { nodes { history { body } } } } }`;
    expect(ok(await api.gql(HISTORY, { id: thread.id }, admin.token)).thread.posts.nodes[0].history).toEqual([{ body: 'First words' }]);
    expect(ok(await api.gql(HISTORY, { id: thread.id }, outsider.token)).thread.posts.nodes[0].history).toBeNull();
  });

  it('pages of posts stay put while people post: page 2 has no duplicates and no gaps', async () => {
    const space = await createSpace(api, admin);
    const thread = await startThread(api, learner, space.id, 'Long thread', 'post 0');
    for (let i = 1; i < 7; i++) await reply(api, learner, thread.id, `post ${i}`);
    const page1 = ok(await api.gql(THREAD, { id: thread.id, first: 4 }, outsider.token)).thread.posts;
    expect(page1.nodes.map((n: { body: string }) => n.body)).toEqual(['post 0', 'post 1', 'post 2', 'post 3']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    await reply(api, learner, thread.id, 'post 7');
    await reply(api, learner, thread.id, 'post 8');
    const page2 = ok(await api.gql(THREAD, { id: thread.id, first: 4, after: page1.pageInfo.endCursor }, outsider.token)).thread.posts;
    expect(page2.nodes.map((n: { body: string }) => n.body)).toEqual(['post 4', 'post 5', 'post 6', 'post 7']);
    const page3 = ok(await api.gql(THREAD, { id: thread.id, first: 4, after: page2.pageInfo.endCursor }, outsider.token)).thread.posts;
    expect(page3).toMatchObject({ totalCount: 9, pageInfo: { hasNextPage: false } });
    expect(page3.nodes.map((n: { body: string }) => n.body)).toEqual(['post 8']);
    expect(errorOf(await api.gql(THREAD, { id: thread.id, after: 'forged' }, outsider.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("a space's thread list stays put while threads begin and replies arrive", async () => {
    const space = await createSpace(api, admin);
    for (let i = 0; i < 5; i++) await startThread(api, i % 2 ? learner : trainer, space.id, `Thread ${i}`, 'Body');
    const { slug } = (await api.sql<{ slug: string }>(`SELECT slug FROM space WHERE id = $1`, [space.id]))[0];
    const page1 = ok(await api.gql(SPACE, { slug, first: 3 }, outsider.token)).space.threads;
    expect(page1.nodes.map((n: { title: string }) => n.title)).toEqual(['Thread 4', 'Thread 3', 'Thread 2']);
    await startThread(api, learner, space.id, 'Thread 5', 'Body');
    await reply(api, learner, page1.nodes[0].id, 'bump');
    const page2 = ok(await api.gql(SPACE, { slug, first: 3, after: page1.pageInfo.endCursor }, outsider.token)).space.threads;
    expect(page2.nodes.map((n: { title: string }) => n.title)).toEqual(['Thread 1', 'Thread 0']);
    expect(page2).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
  });

  it('unread markers count posts by others since the viewer last read the thread', async () => {
    const space = await createSpace(api, admin);
    const thread = await startThread(api, learner, space.id, 'Unread', 'Opening');
    const UNREAD = `query($id: ID!) { thread(id: $id) { unreadCount lastReadAt } }`;
    expect(ok(await api.gql(UNREAD, { id: thread.id }, learner.token)).thread.unreadCount).toBe(0);
    expect(ok(await api.gql(UNREAD, { id: thread.id }, outsider.token)).thread).toEqual({ unreadCount: 1, lastReadAt: null });
    ok(await api.gql(`mutation($id: ID!) { markThreadRead(threadId: $id) { unreadCount } }`, { id: thread.id }, outsider.token));
    expect(ok(await api.gql(UNREAD, { id: thread.id }, outsider.token)).thread.unreadCount).toBe(0);
    await reply(api, learner, thread.id, 'One');
    await reply(api, learner, thread.id, 'Two');
    expect(ok(await api.gql(UNREAD, { id: thread.id }, outsider.token)).thread.unreadCount).toBe(2);
    expect(ok(await api.gql(UNREAD, { id: thread.id }, learner.token)).thread.unreadCount).toBe(0);
  });
});

describe('personal data', () => {
  it("a person's posts are in their data export; deleting the account keeps the posts under \"Former member\"", async () => {
    const space = await createSpace(api, admin);
    const leaving = await signUp(api, { displayName: 'Leaving Soon' });
    const thread = await startThread(api, leaving, space.id, 'My thread', 'My words');
    await api.gql(JOIN, { id: space.id }, learner.token);
    await reply(api, learner, thread.id, 'A reply that stays');
    const exported = await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${leaving.token}` } }).then((r) => r.json());
    expect(exported.posts).toEqual([expect.objectContaining({ thread: 'My thread', body: 'My words', startedThread: true })]);
    ok(await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaving.token));
    const after = ok(await api.gql(THREAD, { id: thread.id }, learner.token)).thread;
    expect(after.author.displayName).toBe('Former member');
    expect(after.posts.nodes.map((n: { body: string; author: { displayName: string } }) => [n.author.displayName, n.body])).toEqual([
      ['Former member', 'My words'],
      ['Somchai', 'A reply that stays'],
    ]);
  });
});

describe('posting limits', () => {
  it('accounts younger than a week may post 10 times in 10 minutes; older ones more', async () => {
    const space = await createSpace(api, admin);
    const fresh = await signUp(api, { displayName: 'Fresh' });
    const thread = await startThread(api, fresh, space.id);
    for (let i = 0; i < 9; i++) expect((await api.gql(REPLY, { t: thread.id, b: `r${i}` }, fresh.token)).errors).toBeUndefined();
    const refused = await api.gql(REPLY, { t: thread.id, b: 'one too many' }, fresh.token);
    expect(errorOf(refused).code).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const seasoned = await signUp(api, { displayName: 'Seasoned' });
    await ageAccount(api, seasoned);
    const other = await startThread(api, seasoned, space.id);
    for (let i = 0; i < 12; i++) expect((await api.gql(REPLY, { t: other.id, b: `r${i}` }, seasoned.token)).errors).toBeUndefined();
  });
});
