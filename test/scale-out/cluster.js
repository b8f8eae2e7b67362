// Starts Kapwa scaled out on one machine, as `docker compose up --scale api=2 --scale worker=2` would:
// several API processes and several workers from the built code, all on ONE fresh PostgreSQL database
// (`kapwa_scale_…`) and ONE Redis prefix (the database's name), sharing one mail and one media folder.
// stop() undoes all of it (processes, database, Redis keys, folder) and is safe after a partial start.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { databaseUrl, freePort, onPostgres, REDIS_URL, repo } from '../lib/local-services.js';

/** Each process's output, kept after the run (a failure names the file to read). */
export const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
export { REDIS_URL };

/** `node <args>` in the repository, in its own process group, its output in artifacts/<name>.log. */
function start(name, args, env) {
  mkdirSync(artifacts, { recursive: true });
  const logFile = join(artifacts, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.logFile = logFile;
  child.label = name;
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

async function run(name, args, env) {
  const { code } = await start(name, args, env).exited;
  if (code !== 0) throw new Error(`${name} failed (exit ${code}); see ${join(artifacts, `${name}.log`)}`);
}

/** Polls `ready()` until it is true; fails early if `child` exits, or after `timeoutMs`. */
async function until(child, what, ready, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${child.label} exited before ${what}; see ${child.logFile}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.label}: no ${what} within ${timeoutMs / 1000} s; see ${child.logFile}`);
}

/** SIGKILL to the whole process group (the worker and any ffmpeg it started), as when a container dies. */
export async function killHard(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // gone already
  }
  await child.exited;
}

async function stopGently(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const forced = setTimeout(() => killHard(child), 5_000);
  await child.exited;
  clearTimeout(forced);
}

/**
 * `apis` API processes and `workers` workers on one new database. `env` is added to every process's
 * environment (e.g. short job locks). Returns `{ database, databaseUrl, redisPrefix, folder, mailDir, mediaDir,
 * apis: [{ url, process }], workers: [process], sql(text, params), stop() }`; a worker's `name` is what
 * BullMQ records as the `processedBy` of the jobs it takes.
 */
export async function startCluster({ apis = 2, workers = 2, env: extra = {} } = {}) {
  for (const file of ['api/dist/main.js', 'api/dist/worker.js', 'api/dist/cli.js']) {
    if (!existsSync(join(repo, file))) throw new Error(`${file} is missing: run \`pnpm --filter @kapwa/api build\` (or \`pnpm build\`) first.`);
  }
  const database = `kapwa_scale_${randomBytes(6).toString('hex')}`;
  const folder = mkdtempSync(join(tmpdir(), 'kapwa-scale-out-'));
  const cluster = { database, folder, redisPrefix: database, mailDir: join(folder, 'mail'), mediaDir: join(folder, 'media'), apis: [], workers: [] };
  let created = false;
  let db = null;

  // Ctrl-C or a kill of the test run must not leave processes and the database behind either.
  const interrupted = () => void cluster.stop().finally(() => process.exit(130));
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, interrupted);
  cluster.stop = async () => {
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, interrupted);
    await Promise.all([...cluster.apis.map((api) => stopGently(api.process)), ...cluster.workers.map(stopGently)]);
    await db?.end().catch(() => {});
    if (created) {
      await onPostgres(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error) => console.error(`could not drop ${database}: ${error.message}`));
    }
    await clearRedisPrefix(database).catch((error) => console.error(`could not clear Redis prefix ${database}: ${error.message}`));
    rmSync(folder, { recursive: true, force: true });
  };

  try {
    await onPostgres(`CREATE DATABASE ${database}`);
    created = true;
    cluster.databaseUrl = databaseUrl(database);
    const env = {
      DATABASE_URL: cluster.databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: database,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      MAIL_DIR: cluster.mailDir,
      MEDIA_DIR: cluster.mediaDir,
      // A killed worker's half-made files land here, and go with the folder.
      TMPDIR: folder,
      DATABASE_POOL_SIZE: '4',
      ...extra,
    };
    await run('migrate', ['api/dist/cli.js', 'migrate'], env);
    await run('content-import', ['api/dist/cli.js', 'content:import'], env);
    await run('seed', ['api/dist/cli.js', 'seed'], env);

    for (let i = 0; i < apis; i++) {
      const port = await freePort();
      const api = { url: `http://127.0.0.1:${port}`, process: start(`api-${i + 1}`, ['api/dist/main.js'], { ...env, PORT: String(port) }) };
      cluster.apis.push(api);
    }
    for (let i = 0; i < workers; i++) {
      const worker = start(`worker-${i + 1}`, ['api/dist/worker.js'], env);
      cluster.workers.push(worker);
    }
    for (const api of cluster.apis) await until(api.process, 'answer on /health', async () => (await fetch(`${api.url}/health`)).ok);
    for (const worker of cluster.workers) {
      await until(worker, '"Kapwa worker started" in its log', async () => readFileSync(worker.logFile, 'utf8').includes('Kapwa worker started'));
      // The name every worker of this process gives BullMQ (WORKER_OPTIONS in api/src/platform/jobs/queues.ts).
      worker.name = `${hostname()}:${worker.pid}`;
    }

    db = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
    cluster.sql = async (text, params) => (await db.query(text, params)).rows;
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function clearRedisPrefix(prefix) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
