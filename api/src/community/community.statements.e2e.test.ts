import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryCounter } from '../platform/database/query-counter.js';
import { type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { createSpace, ok } from './community-fixtures.js';

let api: TestApi;
let admin: Person;
let reader: Person;

beforeAll(async () => {
  api = await startTestApi({ KAPWA_COUNT_QUERIES: '1' });
  admin = await signUpAdmin(api);
  reader = await signUp(api);
});
afterAll(() => api.close());

const THREAD_LIST = `query($slug: String!, $first: Int) { space(slug: $slug) { id isMember threads(first: $first) { totalCount
  nodes { id title replyCount unreadCount lastReadAt locked lastActivityAt author { id displayName } space { id slug } } } } }`;
const POST_PAGE = `query($id: ID!, $first: Int) { thread(id: $id) { id title posts(first: $first) { totalCount
  nodes { id body bodyHtml hidden hiddenReason editedAt author { id displayName } thread { id title } } } } }`;

/** A space with `count` threads by `count` different people, each with one reply; one thread with `count` posts. */
async function seed(count: number) {
  const space = await createSpace(api, admin, 'THEME');
  const [{ slug }] = await api.sql<{ slug: string }>(`SELECT slug FROM space WHERE id = $1`, [space.id]);
  await api.sql(
    `WITH people AS (
       INSERT INTO app_user (email, password_hash, display_name, time_zone, locale)
       SELECT 'p' || $2::text || '-' || g || '@example.org', '!', 'Person ' || g, 'UTC', 'en' FROM generate_series(1, $2::int) g RETURNING id),
     threads AS (
       INSERT INTO thread (space_id, title, author_id, created_at, last_activity_at, reply_count)
       SELECT $1, 'Thread', id, now(), now(), $2::int - 1 FROM people RETURNING id, author_id)
     INSERT INTO post (thread_id, author_id, opening, body, body_html, created_at)
     SELECT t.id, p.id, false, 'Hello', '<p>Hello</p>', now() - (row_number() OVER ())::int * interval '1 ms' FROM threads t CROSS JOIN people p`,
    [space.id, count],
  );
  const [{ id: threadId }] = await api.sql<{ id: string }>(`SELECT id FROM thread WHERE space_id = $1 LIMIT 1`, [space.id]);
  return { slug, threadId };
}

async function statements(query: string, variables: Record<string, unknown>): Promise<{ statements: number; data: any }> {
  queryCounter.count = 0;
  const data = ok(await api.gql(query, variables, reader.token));
  return { statements: queryCounter.count, data };
}

describe('SQL statements per community page', () => {
  it('a thread list and a page of posts cost the same for 5 and 50 of them', async () => {
    const small = await seed(5);
    const large = await seed(50);
    const smallList = await statements(THREAD_LIST, { slug: small.slug, first: 50 });
    const largeList = await statements(THREAD_LIST, { slug: large.slug, first: 50 });
    expect(smallList.data.space.threads.nodes).toHaveLength(5);
    expect(largeList.data.space.threads.nodes).toHaveLength(50);
    expect(largeList.statements).toBe(smallList.statements);
    const smallPage = await statements(POST_PAGE, { id: small.threadId, first: 50 });
    const largePage = await statements(POST_PAGE, { id: large.threadId, first: 50 });
    expect(smallPage.data.thread.posts.nodes).toHaveLength(5);
    expect(largePage.data.thread.posts.nodes).toHaveLength(50);
    expect(largePage.statements).toBe(smallPage.statements);
    console.log(`community: thread list ${smallList.statements} statements (5 and 50 threads); post page ${smallPage.statements} statements (5 and 50 posts)`);
  }, 60_000);
});
