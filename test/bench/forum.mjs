// Benchmark: the community forum at size. Generates BENCH_POSTS posts (default 1,000,000) in one post per
// hundred threads (10,000 threads for a million) with SQL, then times, through the real API and as the
// same SQL run raw by `pg` in the same run: a thread page (50 posts with their authors), a space's thread
// list (50 threads with authors and unread counts) and a search (20 hits with highlighted snippets).
// Prints p50/p95 of each and the SQL statements each API operation sends (KAPWA_COUNT_QUERIES).
//
//   BENCH_POSTS=100000 node test/bench/forum.mjs     (needs a build: pnpm build; PostgreSQL and Redis running)
//   node test/bench/run.mjs forum
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { benchDatabase, freePort, gql, node, repo, waitFor } from './processes.mjs';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const THREADS = Math.max(10, Math.round(POSTS / 100));
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const AUTHORS = 200;

// Libraries check NODE_ENV when loaded: time the API as it runs in production, its own configuration in test mode (it counts statements).
process.env.NODE_ENV = 'production';
const dist = (path) => import(pathToFileURL(`${repo}api/dist/${path}`).href);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const WORDS = [
  'defenders', 'protection', 'commission', 'complaint', 'investigation', 'solidarity', 'urgent', 'appeal', 'monitoring',
  'detention', 'journalist', 'land', 'rights', 'community', 'report', 'hearing', 'visit', 'network', 'safety', 'women',
  'นักปกป้องสิทธิมนุษยชน', 'การคุ้มครอง', 'रक्षक', 'सुरक्षा', 'ကာကွယ်', 'documentation', 'referral', 'mandate', 'follow-up', 'evidence',
];

const THREAD_PAGE = `query($id: ID!) { thread(id: $id) { id title replyCount posts(first: 50) { totalCount pageInfo { endCursor }
  nodes { id body bodyHtml hidden editedAt createdAt author { id displayName } } } } }`;
const THREAD_LIST = `query($slug: String!) { space(slug: $slug) { id threads(first: 50) { totalCount pageInfo { endCursor }
  nodes { id title replyCount lastActivityAt unreadCount author { id displayName } } } } }`;
const SEARCH = `query($q: String!) { searchPosts(query: $q, first: 20) { totalCount pageInfo { endCursor }
  nodes { id snippet createdAt author { id displayName } thread { id title } } } }`;

/** Threads, posts and authors straight into the database: a million posts in minutes, not hours through the API. */
async function generate(pool, spaceId) {
  const started = performance.now();
  await pool.query(
    `INSERT INTO app_user (email, password_hash, display_name, time_zone, locale, created_at)
     SELECT 'author' || g || '@bench.example', '!', 'Author ' || g, 'UTC', 'en', now() - interval '1 year' FROM generate_series(1, $1::int) g`,
    [AUTHORS],
  );
  // Indexes are built once after the rows, far faster than row by row.
  const indexes = ['post_thread_page', 'post_search_page', 'post_author', 'post_search', 'post_body_trgm'];
  const definitions = (await pool.query(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)`, [indexes])).rows;
  for (const { indexname } of definitions) await pool.query(`DROP INDEX ${indexname}`);
  await pool.query(
    `INSERT INTO thread (space_id, title, author_id, created_at, last_activity_at, reply_count)
     SELECT $1, 'Thread ' || g || ': ' || ($3::text[])[1 + g % array_length($3::text[], 1)], (SELECT id FROM app_user ORDER BY email OFFSET g % $4 LIMIT 1),
            timestamptz '2026-01-01' + g * interval '1 second', timestamptz '2026-01-01' + g * interval '1 second', 0
     FROM generate_series(1, $2::int) g`,
    [spaceId, THREADS, WORDS, AUTHORS],
  );
  await pool.query(`CREATE TEMP TABLE bench_thread AS SELECT row_number() OVER (ORDER BY created_at, id) - 1 AS n, id FROM thread WHERE space_id = $1`, [spaceId]);
  await pool.query(`CREATE TEMP TABLE bench_author AS SELECT row_number() OVER (ORDER BY email) - 1 AS n, id FROM app_user WHERE email LIKE '%@bench.example'`);
  const batch = 100_000;
  for (let from = 0; from < POSTS; from += batch) {
    // Post g belongs to thread g mod THREADS; times are whole milliseconds (as the API writes them), each unique.
    await pool.query(
      `INSERT INTO post (thread_id, author_id, opening, body, body_html, created_at)
       SELECT t.id, a.id, g < $3, body, '<p>' || body || '</p>', timestamptz '2026-01-01' + g * interval '1 millisecond'
       FROM generate_series($1::int, $2::int) g
       JOIN bench_thread t ON t.n = g % $3
       JOIN bench_author a ON a.n = g % $4
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + (g * 7) % 30] || ' ' || ($5::text[])[1 + (g * 13) % 30] || ' ' || ($5::text[])[1 + (g * 17) % 29]
              || ' post ' || g || ' ' || ($5::text[])[1 + (g * 31) % 30] || ' and ' || ($5::text[])[1 + (g / 7) % 30] AS body) b`,
      [from, Math.min(POSTS, from + batch) - 1, THREADS, AUTHORS, WORDS],
    );
  }
  for (const { indexdef } of definitions) await pool.query(indexdef);
  await pool.query(
    `UPDATE thread t SET reply_count = s.n - 1, last_activity_at = s.last FROM (SELECT thread_id, count(*)::int AS n, max(created_at) AS last FROM post GROUP BY thread_id) s
     WHERE s.thread_id = t.id`,
  );
  await pool.query('ANALYZE');
  return (performance.now() - started) / 1000;
}

export async function benchForum() {
  if (!existsSync(`${repo}api/dist/main.js`)) throw new Error('build first: pnpm build');
  const database = benchDatabase();
  const { name } = database;
  const env = database.env({ NODE_ENV: 'test', KAPWA_COUNT_QUERIES: '1', MAIL_DIR: `/tmp/${name}-mail` });
  let app;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
  pool.on('error', () => undefined);
  try {
    await node(['api/dist/cli.js', 'migrate'], env);
    const [{ loadConfig }, { createApp }, { queryCounter }, { readsSpaceSql }] = await Promise.all([
      dist('platform/config/config.js'),
      dist('app.js'),
      dist('platform/database/query-counter.js'),
      dist('community/community.policy.js'),
    ]);
    app = await createApp(loadConfig({ ...process.env, ...env, NODE_ENV: 'test' }));
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${apiUrl}/health`);
    // The first account is the admin; the reader is an ordinary member, whom every visibility rule applies to.
    const admin = await gql(apiUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: `admin-${name}@example.org`, password: 'benchmark-password', displayName: 'Bench admin' },
    });
    const reader = await gql(apiUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`, {
      i: { email: `reader-${name}@example.org`, password: 'benchmark-password', displayName: 'Bench reader' },
    });
    const { createSpace } = await gql(
      apiUrl,
      `mutation { createSpace(input: { slug: "bench-network", title: "Bench network", description: "", kind: NETWORK }) { id slug } }`,
      {},
      admin.signUp.token,
    );
    console.log(`\nforum: generating ${POSTS.toLocaleString('en')} posts in ${THREADS.toLocaleString('en')} threads…`);
    const seconds = await generate(pool, createSpace.id);
    console.log(`forum: generated in ${seconds.toFixed(0)} s; p50/p95 of ${RUNS} runs each after one warm-up, reader is a signed-in member\n`);

    const threadIds = (await pool.query(`SELECT id FROM thread ORDER BY random() LIMIT $1`, [RUNS])).rows.map((r) => r.id);
    const viewer = reader.signUp.user.id;
    const queries = ['appeal', 'journalist hearing', 'การคุ้มครอง'];
    const operations = [
      {
        name: 'thread page (50 posts)',
        api: (i) => [THREAD_PAGE, { id: threadIds[i % threadIds.length] }],
        raw: (i) => [
          `SELECT p.id, p.body, p.body_html, p.hidden_at, p.edited_at, p.created_at, u.id AS author_id, u.display_name
             FROM thread t JOIN space s ON s.id = t.space_id JOIN post p ON p.thread_id = t.id JOIN app_user u ON u.id = p.author_id
            WHERE t.id = $1 AND ${readsSpaceSql('s', '$2::uuid')} ORDER BY p.created_at, p.id LIMIT 51`,
          [threadIds[i % threadIds.length], viewer],
        ],
      },
      {
        name: "space's thread list (50)",
        api: () => [THREAD_LIST, { slug: createSpace.slug }],
        raw: () => [
          `SELECT t.id, t.title, t.reply_count, t.last_activity_at, u.id AS author_id, u.display_name,
                  (SELECT count(*) FROM post p WHERE p.thread_id = t.id AND p.author_id <> $2 AND p.created_at > coalesce(r.last_read_at, '-infinity')) AS unread,
                  total.n AS total
             FROM space s CROSS JOIN LATERAL (SELECT count(*) AS n FROM thread c WHERE c.space_id = s.id) total JOIN thread t ON t.space_id = s.id JOIN app_user u ON u.id = t.author_id
             LEFT JOIN thread_read r ON r.thread_id = t.id AND r.user_id = $2
            WHERE s.slug = $1 AND ${readsSpaceSql('s', '$2::uuid')} ORDER BY t.created_at DESC, t.id DESC LIMIT 51`,
          [createSpace.slug, viewer],
        ],
      },
      {
        name: 'search (20 hits, snippets)',
        api: (i) => [SEARCH, { q: queries[i % queries.length] }],
        raw: (i) => {
          const q = queries[i % queries.length];
          const thai = /\p{Script=Thai}/u.test(q);
          const where = `t.space_id IN (SELECT s.id FROM space s WHERE ${readsSpaceSql('s', '$2::uuid')}) AND p.hidden_at IS NULL AND (p.search @@ q.tsq OR (p.opening AND t.search @@ q.tsq)${thai ? ` OR p.body ILIKE '%' || $1 || '%'` : ''})`;
          const from = `FROM post p JOIN thread t ON t.id = p.thread_id JOIN app_user u ON u.id = p.author_id, (SELECT websearch_to_tsquery('simple', $1) AS tsq) q`;
          return [
            `SELECT p.id, p.created_at, u.display_name, t.title, ts_headline('simple', p.body, q.tsq) AS snippet, (SELECT count(*) FROM (SELECT 1 ${from} WHERE ${where} LIMIT 1001) m) AS total
               ${from} WHERE ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT 21`,
            [q, viewer],
          ];
        },
      },
    ];
    for (const op of operations) {
      const [warmQuery, warmVars] = op.api(0);
      await gql(apiUrl, warmQuery, warmVars, reader.signUp.token);
      const apiTimes = [];
      const rawTimes = [];
      const statements = [];
      for (let i = 0; i < RUNS; i++) {
        const [query, variables] = op.api(i);
        queryCounter.count = 0;
        let started = performance.now();
        await gql(apiUrl, query, variables, reader.signUp.token);
        apiTimes.push(performance.now() - started);
        statements.push(queryCounter.count);
        const [sql, params] = op.raw(i);
        started = performance.now();
        await pool.query(sql, params);
        rawTimes.push(performance.now() - started);
      }
      const fmt = (t) => `p50 ${percentile(t, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(t, 95).toFixed(1).padStart(7)} ms`;
      console.log(`${op.name.padEnd(27)} API ${fmt(apiTimes)}  | raw pg ${fmt(rawTimes)}  | ${Math.max(...statements)} SQL statements per API call`);
    }
  } finally {
    await app?.close();
    await pool.end();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchForum();
