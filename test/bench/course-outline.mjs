// Benchmark: the course outline a learner opens most (modules, lessons, what they completed, their
// progress) through the real API, beside a raw pg + node:http handler serving the same JSON from the
// same database in the same run. Prints requests/s, latency percentiles and the ratio.
//
//   pnpm bench            (needs a build: pnpm build; PostgreSQL and Redis running)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=50 pnpm bench
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabase, freePort, gql, node, repo, waitFor } from './processes.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SLUG = 'protecting-defenders-nhri';

const OUTLINE = `query Outline($slug: String!) {
  course(slug: $slug) {
    id slug title
    modules { id position title part opensAt locked lessons { id position title estimatedMinutes completed } }
    myEnrollment { status progress }
  }
}`;

/** The same outline, straight from PostgreSQL: what the API's answer costs without the framework. */
function startBaseline(port, databaseUrl, userId) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = import('node:http').then(({ createServer: createHttpServer }) => {
    const http = createHttpServer(async (req, res) => {
      const [{ rows: [course] }, { rows: modules }, { rows: lessons }, { rows: [enrollment] }] = await Promise.all([
        pool.query('SELECT id, slug, title FROM course WHERE slug = $1', [SLUG]),
        pool.query(
          `SELECT m.id, m.position, m.title, m.part, m.opens_at FROM course_module m JOIN course c ON c.id = m.course_id
           WHERE c.slug = $1 ORDER BY m.position`,
          [SLUG],
        ),
        pool.query(
          `SELECT l.id, l.module_id, l.position, l.title, l.estimated_minutes, (lc.lesson_id IS NOT NULL) AS completed
           FROM lesson l JOIN course_module m ON m.id = l.module_id JOIN course c ON c.id = m.course_id
           LEFT JOIN enrollment e ON e.course_id = c.id AND e.user_id = $2
           LEFT JOIN lesson_completion lc ON lc.enrollment_id = e.id AND lc.lesson_id = l.id
           WHERE c.slug = $1 ORDER BY l.position`,
          [SLUG, userId],
        ),
        pool.query(
          `SELECT e.status, (SELECT count(*) FROM lesson_completion WHERE enrollment_id = e.id) AS done
           FROM enrollment e JOIN course c ON c.id = e.course_id WHERE c.slug = $1 AND e.user_id = $2`,
          [SLUG, userId],
        ),
      ]);
      const now = Date.now();
      const outline = {
        data: {
          course: {
            ...course,
            modules: modules.map((m) => ({
              id: m.id,
              position: m.position,
              title: m.title,
              part: m.part,
              opensAt: m.opens_at,
              locked: m.opens_at !== null && m.opens_at.getTime() > now,
              lessons: lessons
                .filter((l) => l.module_id === m.id)
                .map((l) => ({ id: l.id, position: l.position, title: l.title, estimatedMinutes: l.estimated_minutes, completed: l.completed })),
            })),
            myEnrollment: enrollment ? { status: enrollment.status, progress: Number(enrollment.done) / lessons.length } : null,
          },
        },
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(outline));
    });
    return new Promise((resolve) => http.listen(port, '127.0.0.1', () => resolve(http)));
  });
  return { server, close: async () => ((await server).close(), pool.end()) };
}

/** Runs autocannon and keeps every response time, since its summary has no p95. */
function load(title, url, options = {}) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon({ title, url, connections: CONNECTIONS, duration: SECONDS, ...options }, (err, result) =>
      err ? reject(err) : resolve({ ...result, times }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

/** The nearest-rank percentile of the recorded response times, in ms. */
export function percentile(times, p) {
  if (!times.length) return NaN;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function line(name, r) {
  const ms = (p) => `${percentile(r.times, p).toFixed(1)}`.padStart(6);
  return `${name.padEnd(28)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${ms(50)} ms   p95 ${ms(95)} ms   p99 ${ms(99)} ms   errors ${r.errors + r.non2xx}`;
}

export async function benchCourseOutline() {
  if (!existsSync(`${repo}api/dist/main.js`)) throw new Error('build first: pnpm build');
  const database = benchDatabase();
  const { name, url } = database;
  const env = {
    DATABASE_URL: url,
    REDIS_PREFIX: name,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    TWO_FACTOR_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  let api;
  let baseline;
  try {
    await node(['api/dist/cli.js', 'migrate'], env);
    // Every week open, so the outline carries every lesson.
    await node(['api/dist/cli.js', 'content:import', '--start', '2020-01-06T02:00:00Z'], env);
    const apiPort = await freePort();
    api = node(['api/dist/main.js'], { ...env, PORT: String(apiPort) }, { wait: false });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${apiUrl}/health`);

    const { signUp } = await gql(apiUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`, {
      i: { email: `bench-${name}@example.org`, password: 'benchmark-password', displayName: 'Bench' },
    });
    const { course } = await gql(apiUrl, OUTLINE, { slug: SLUG }, signUp.token);
    await gql(apiUrl, `mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: course.id }, signUp.token);
    await gql(apiUrl, `mutation($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: course.modules[0].lessons[0].id }, signUp.token);

    const baselinePort = await freePort();
    baseline = startBaseline(baselinePort, url, signUp.user.id);
    await baseline.server;

    const body = JSON.stringify({ query: OUTLINE, variables: { slug: SLUG } });
    const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
    console.log(`\ncourse outline: ${course.modules.length} modules, ${lessons} lessons, enrolled learner; ${CONNECTIONS} connections, ${SECONDS} s each\n`);
    // Warm both up (JIT, connection pools) before measuring.
    await load('warm-up', `${apiUrl}/graphql`, { duration: 2, method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${signUp.token}` } });
    const kapwa = await load('Kapwa API', `${apiUrl}/graphql`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signUp.token}` },
    });
    await load('warm-up', `http://127.0.0.1:${baselinePort}/`, { duration: 2 });
    const raw = await load('raw pg + node:http', `http://127.0.0.1:${baselinePort}/`);
    console.log(line('Kapwa API (GraphQL)', kapwa));
    console.log(line('raw pg + node:http', raw));
    console.log(`\nKapwa serves ${(kapwa.requests.average / raw.requests.average).toFixed(2)}× the raw handler's requests/s.`);
  } finally {
    api?.kill('SIGTERM');
    await baseline?.close();
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
  }
}
