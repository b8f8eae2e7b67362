// Benchmark: a grader's queue (gradingQueue with every per-row field a grading page reads) for 10 and for
// 1,000 submitted pieces of work, through the real API in this process, so it can count the SQL
// statements each answer sends (KAPWA_COUNT_QUERIES). Prints statements and time; the statements must
// be the same for both sizes (api/src/assignments/grading-queue.statements.e2e.test.ts holds that).
//
//   pnpm --filter @kapwa/test exec node bench/grading-queue.mjs   (needs a build: pnpm build; PostgreSQL and Redis running)
//   BENCH_RUNS=10 node test/bench/grading-queue.mjs
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { benchDatabase, gql, node, repo } from './processes.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [10, 1000];

// graphql-js and other libraries check NODE_ENV when loaded and skip their development checks in
// production: time the API as it runs there, while its own configuration (below) stays in test mode so
// it counts SQL statements.
process.env.NODE_ENV = 'production';
const dist = (path) => import(pathToFileURL(`${repo}api/dist/${path}`).href);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchGradingQueue() {
  if (!existsSync(`${repo}api/dist/main.js`)) throw new Error('build first: pnpm build');
  const database = benchDatabase();
  const { name } = database;
  const env = database.env({ NODE_ENV: 'test', KAPWA_COUNT_QUERIES: '1', MAIL_DIR: `/tmp/${name}-mail` });
  let app;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  try {
    await node(['api/dist/cli.js', 'migrate'], env);
    const [{ loadConfig }, { createApp }, { queryCounter }, { GRADING_QUEUE_PAGE, seedGradingQueue }] = await Promise.all([
      dist('platform/config/config.js'),
      dist('app.js'),
      dist('platform/database/query-counter.js'),
      dist('assignments/grading-queue.seed.js'),
    ]);
    app = await createApp(loadConfig({ ...process.env, ...env, NODE_ENV: 'test' }));
    await app.listen(0, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    // The first account is the admin, who grades in every course.
    const { signUp } = await gql(apiUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`, {
      i: { email: `bench-${name}@example.org`, password: 'benchmark-password', displayName: 'Bench' },
    });
    const as = (query, variables) => gql(apiUrl, query, variables, signUp.token);
    console.log(`\ngrading queue: every per-row field a grading page reads; median of ${RUNS} runs after one warm-up\n`);
    for (const size of SIZES) {
      const slug = `bench-queue-${size}-${randomBytes(3).toString('hex')}`;
      const { createCourse } = await as(`mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`, {
        i: { slug, title: `Queue of ${size}`, summary: 'Benchmark', timeZone: 'Asia/Bangkok' },
      });
      const { createAssignment } = await as(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
        i: {
          courseId: createCourse.id,
          title: 'Map the defenders',
          instructions: 'Benchmark',
          rubric: [{ title: 'Evidence', maxPoints: 10 }, { title: 'Analysis', maxPoints: 6 }, { title: 'Recommendations', maxPoints: 4 }],
        },
      });
      await seedGradingQueue(pool, { courseId: createCourse.id, assignmentId: createAssignment.id, graderId: signUp.user.id, count: size, tag: slug });
      await as(GRADING_QUEUE_PAGE, { courseId: createCourse.id });
      const statements = [];
      const times = [];
      for (let run = 0; run < RUNS; run++) {
        queryCounter.count = 0;
        const started = performance.now();
        const { gradingQueue } = await as(GRADING_QUEUE_PAGE, { courseId: createCourse.id });
        times.push(performance.now() - started);
        statements.push(queryCounter.count);
        if (gradingQueue.length !== size) throw new Error(`expected ${size} submissions, got ${gradingQueue.length}`);
      }
      console.log(`${String(size).padStart(5)} submissions: ${median(statements)} SQL statements, ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)} ms)`);
    }
  } finally {
    await app?.close();
    await pool.end();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchGradingQueue();
