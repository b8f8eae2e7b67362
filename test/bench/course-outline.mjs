// Benchmark: the course outline a learner opens most (modules, lessons, what they completed, their
// progress) through the real API, against baselines: the minimal SQL for the same JSON behind a bare
// node:http handler (outline-baseline.mjs, in a process of its own), with plain and with prepared
// statements; and, for scale, the API answering `{ __typename }`, which runs no resolver and no SQL: the
// cost of its HTTP and GraphQL layers alone. All take turns in short slots, so a change in the machine's
// load hits each alike. Prints, for each:
// - closed loop (BENCH_CONNECTIONS connections, as fast as answered): requests/s and latency percentiles,
//   and the API's share of the baseline's requests/s;
// - open loop (BENCH_RATE requests/s on schedule, latency from each request's due time): p50/p95/p99;
// - with BENCH_PROFILE=1, where the API's CPU time went (node --cpu-prof).
//
//   pnpm bench outline    (needs a build: pnpm build; PostgreSQL and Redis running)
//   BENCH_ROUNDS=10 BENCH_SLOT_SECONDS=3 BENCH_CONNECTIONS=20 BENCH_RATE=250 BENCH_PROFILE=1 pnpm bench outline
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { summarizeProfile } from './cpu-profile.mjs';
import { openLoop } from './open-loop.mjs';
import { benchDatabase, cpuMillis, freePort, gql, node, repo, waitFor } from './processes.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SLOT_SECONDS = Number(process.env.BENCH_SLOT_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 250);
const PROFILE = process.env.BENCH_PROFILE === '1';
const SLUG = 'protecting-defenders-nhri';

const OUTLINE = `query Outline($slug: String!) {
  course(slug: $slug) {
    id slug title
    modules { id position title part opensAt locked lessons { id position title estimatedMinutes completed } }
    myEnrollment { status progress }
  }
}`;

/**
 * One closed-loop slot with autocannon; keeps every response time, since its summary has no p95, and the
 * CPU time the serving process (`target.pid`) and PostgreSQL spent meanwhile.
 */
async function closedLoop({ pid, ...target }, seconds) {
  const before = await cpuMillis([pid]);
  const slot = await new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon({ ...target, connections: CONNECTIONS, duration: seconds }, (err, result) =>
      err ? reject(err) : resolve({ requests: result.requests.total, errors: result.errors + result.non2xx, times, seconds: result.duration }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const after = await cpuMillis([pid]);
  return { ...slot, cpu: { server: after.server - before.server, postgres: after.postgres - before.postgres } };
}

/** The nearest-rank percentile of the recorded times, in ms. */
export function percentile(times, p) {
  if (!times.length) return NaN;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (times, p) => `${percentile(times, p).toFixed(1)}`.padStart(7);
const percentiles = (times) => `p50 ${ms(times, 50)} ms   p95 ${ms(times, 95)} ms   p99 ${ms(times, 99)} ms`;

/** Runs `measure(target, seconds)` for each target in turn, ROUNDS times, alternating who goes first. */
async function takingTurns(targets, measure) {
  const totals = targets.map(() => ({ requests: 0, errors: 0, times: [], seconds: 0, cpu: { server: 0, postgres: 0 } }));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...targets.keys()].reverse() : [...targets.keys()];
    for (const i of order) {
      const started = performance.now();
      const slot = await measure(targets[i], SLOT_SECONDS);
      totals[i].seconds += slot.seconds ?? (performance.now() - started) / 1000;
      totals[i].requests += slot.requests;
      totals[i].errors += slot.errors;
      totals[i].cpu.server += slot.cpu?.server ?? 0;
      totals[i].cpu.postgres += slot.cpu?.postgres ?? 0;
      for (const t of slot.times) totals[i].times.push(t);
    }
  }
  return totals;
}

export async function benchCourseOutline() {
  if (!existsSync(`${repo}api/dist/main.js`)) throw new Error('build first: pnpm build');
  const database = benchDatabase();
  const { name, url } = database;
  const env = database.env();
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'kapwa-profile-')) : null;
  let api;
  let baseline;
  try {
    await node(['api/dist/cli.js', 'migrate'], env);
    // Every week open, so the outline carries every lesson.
    await node(['api/dist/cli.js', 'content:import', '--start', '2020-01-06T02:00:00Z'], env);
    const apiPort = await freePort();
    api = node([...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'api/dist/main.js'], { ...env, PORT: String(apiPort) }, { wait: false });
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${apiUrl}/health`);

    const { signUp } = await gql(apiUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`, {
      i: { email: `bench-${name}@example.org`, password: 'benchmark-password', displayName: 'Bench' },
    });
    const { course } = await gql(apiUrl, OUTLINE, { slug: SLUG }, signUp.token);
    await gql(apiUrl, `mutation($id: ID!) { enroll(courseId: $id) { id } }`, { id: course.id }, signUp.token);
    await gql(apiUrl, `mutation($id: ID!) { completeLesson(lessonId: $id) { id } }`, { id: course.modules[0].lessons[0].id }, signUp.token);

    const baselinePort = await freePort();
    baseline = node(['test/bench/outline-baseline.mjs'], { DATABASE_URL: url, PORT: String(baselinePort), SLUG, USER_ID: signUp.user.id }, { wait: false });
    await waitFor(`http://127.0.0.1:${baselinePort}/`);

    const body = JSON.stringify({ query: OUTLINE, variables: { slug: SLUG } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${signUp.token}` };
    const targets = [
      { url: `${apiUrl}/graphql`, method: 'POST', body, headers, pid: api.pid },
      { url: `http://127.0.0.1:${baselinePort}/`, pid: baseline.pid },
      { url: `http://127.0.0.1:${baselinePort}/prepared`, pid: baseline.pid },
      { url: `${apiUrl}/graphql`, method: 'POST', body: JSON.stringify({ query: '{ __typename }' }), headers, pid: api.pid },
    ];
    // The answers must be the same outline, or the comparison means nothing.
    const outlines = await Promise.all(targets.slice(0, 3).map(async ({ url: u, pid: _pid, ...init }) => (await fetch(u, init)).json()));
    const sameShape = (o) => JSON.stringify(o.data.course.modules.map((m) => [m.id, m.locked, m.lessons.map((l) => [l.id, l.completed])]));
    if (new Set(outlines.map(sameShape)).size !== 1) throw new Error('the API and the baselines answer different outlines');

    const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
    console.log(`\ncourse outline: ${course.modules.length} modules, ${lessons} lessons, enrolled learner; ${ROUNDS} rounds of ${SLOT_SECONDS} s slots each, taking turns\n`);
    // Warm both up (JIT, connection pools, caches) before measuring.
    for (const target of targets) await closedLoop(target, Number(process.env.BENCH_WARM_SECONDS ?? 5));

    const labels = ['Kapwa API, course outline', 'raw pg + node:http, 2 stmts', 'raw, 2 prepared stmts', 'Kapwa API, { __typename }'];
    const [kapwa, raw, prepared, floor] = await takingTurns(targets, closedLoop);
    const rps = (r) => r.requests / r.seconds;
    const perRequest = (ms, r) => `${((1000 * ms) / r.requests).toFixed(0).padStart(5)} µs`;
    const row = (label, r) =>
      `${label.padEnd(30)} ${String(Math.round(rps(r))).padStart(7)} req/s   ${percentiles(r.times)}   CPU per request: server ${perRequest(r.cpu.server, r)}, PostgreSQL ${perRequest(r.cpu.postgres, r)}   errors ${r.errors}`;
    console.log(`closed loop, ${CONNECTIONS} connections:`);
    [kapwa, raw, prepared, floor].forEach((r, i) => console.log(row(labels[i], r)));
    console.log(`Kapwa serves ${(rps(kapwa) / rps(raw)).toFixed(2)}× the baseline's requests/s (target ≥ 0.5×); ${(rps(kapwa) / rps(prepared)).toFixed(2)}× with prepared statements.`);
    console.log(`Its HTTP and GraphQL layers alone serve ${(rps(floor) / rps(prepared)).toFixed(2)}× the prepared baseline's requests/s.\n`);

    const open = (target, seconds) =>
      openLoop({ ...target, rate: RATE, seconds }).then((r) => ({ requests: r.total, errors: r.errors, times: r.latencies }));
    const [kapwaOpen, rawOpen] = await takingTurns(targets.slice(0, 2), open);
    const openRow = (label, r) => `${label.padEnd(30)} ${percentiles(r.times)}   errors ${r.errors}`;
    console.log(`open loop, ${RATE} requests/s on schedule (latency from each request's due time):`);
    console.log(openRow(labels[0], kapwaOpen));
    console.log(openRow(labels[1], rawOpen));
    console.log(`Kapwa p95 at ${RATE} req/s: ${percentile(kapwaOpen.times, 95).toFixed(1)} ms (target ≤ 100 ms).`);
  } finally {
    const exited = api && new Promise((resolve) => (api.exitCode !== null ? resolve() : api.once('exit', resolve)));
    api?.kill('SIGTERM');
    baseline?.kill('SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
    if (profileDir) {
      console.log(`\n${await summarizeProfile(profileDir)}`);
      if (!process.env.BENCH_PROFILE_KEEP) rmSync(profileDir, { recursive: true, force: true });
    }
  }
}
