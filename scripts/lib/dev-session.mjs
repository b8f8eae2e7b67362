import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseDatabase, chooseRedis, mediaToolsNote } from './choose.mjs';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { Problem } from './problem.mjs';
import { runChild, startChild } from './processes.mjs';
import { waitFor } from './probe.mjs';
import { startRedisServer } from './redis-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Port of the embedded PostgreSQL: beside 5432, so it never hides a real one. */
const EMBEDDED_POSTGRES_PORT = 54329;

/**
 * The demo log-ins printed at the end. Keep in step with the API's seed (`node api/dist/cli.js seed`),
 * which prints them too.
 */
export const DEMO_LOGIN = {
  emails: ['admin@kapwa.example', 'trainer@kapwa.example', 'reviewer@kapwa.example', 'learner@kapwa.example'],
  password: 'kapwa-demo-2026',
};

const WHERE = `PostgreSQL: DATABASE_URL, else 127.0.0.1:5432, else an embedded PGlite kept in .kapwa/pglite/.
Redis:      REDIS_URL, else 127.0.0.1:6379, else redis-server from the PATH for this session.`;

const HELP = {
  dev: `Usage: pnpm dev [--no-build]

Builds Kapwa, prepares PostgreSQL and Redis, migrates and seeds the database with demo content, then runs
the API, the job worker and the web dev server (hot reload) until Ctrl-C.

  --no-build   skip \`pnpm build\` (use the last build)

${WHERE}
Ports:      PORT (API, default 3000), WEB_PORT (web, default 5173).`,
  start: `Usage: pnpm start [--no-build]

Builds Kapwa, prepares PostgreSQL and Redis, migrates and seeds the database with demo content, then runs
the built API, which also serves the built web app (web/dist) compressed, and the job worker until Ctrl-C:
what a visitor downloads is what a deployment sends.

  --no-build   skip \`pnpm build\` (use the last build)

${WHERE}
Port:       PORT (API and web app, default 3000).`,
};

/**
 * `pnpm dev` (mode "dev": the web dev server, unbundled, with hot reload) or `pnpm start` (mode "start":
 * the built API serving the built web app from one origin, as deployed).
 */
export async function runDev({ argv = [], mode = 'dev', env = process.env, out = process.stdout, err = process.stderr } = {}) {
  const production = mode === 'start';
  const unknown = argv.filter((a) => !['--no-build', '--help', '-h'].includes(a));
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(HELP[mode] + '\n');
    return unknown.length ? 1 : 0;
  }
  if (unknown.length) {
    err.write(`Unknown option ${unknown.join(' ')}: see \`pnpm ${mode} --help\`.\n`);
    return 1;
  }

  const say = (line) => out.write(`${'kapwa'.padStart(7)} │ ${line}\n`);
  const cleanups = []; // stop functions, run last-in first-out
  const children = new Set();
  let stopping = null;

  const stopAll = () => {
    stopping ??= (async () => {
      await Promise.all([...children].map((c) => c.stop()));
      while (cleanups.length) {
        try {
          await cleanups.pop()();
        } catch (error) {
          err.write(`Could not stop cleanly: ${error.message}\n`);
        }
      }
    })();
    return stopping;
  };

  let signalled = null;
  let interrupted = () => {};
  const interruption = new Promise((resolve) => (interrupted = resolve));
  const onSignal = (signal) => {
    if (signalled) {
      // Second Ctrl-C: stop waiting for a graceful shutdown.
      for (const c of children) c.stop({ graceMs: 0 });
      return;
    }
    signalled = signal;
    say(`${signal}: stopping…`);
    interrupted();
    stopAll();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  /** A one-shot step (build, migrate, seed); a failure or a signal ends the session. */
  const step = async (name, command, args, childEnv) => {
    if (signalled) throw new Interrupted();
    const handle = startChild(name, command, args, { env: childEnv, cwd: ROOT, out });
    children.add(handle);
    const { code, signal, error } = await handle.exited;
    children.delete(handle);
    if (signalled) throw new Interrupted();
    if (error) throw new Problem(`Could not run ${command}: ${error.message}.`);
    if (code !== 0) throw new Problem(`${name} failed (exit ${code ?? signal}): see its output above.`);
  };

  try {
    // 1. Build.
    if (argv.includes('--no-build')) {
      for (const file of ['api/dist/main.js', 'api/dist/worker.js', 'api/dist/cli.js', ...(production ? ['web/dist/index.html'] : [])]) {
        if (!existsSync(path.join(ROOT, file))) throw new Problem(`${file} is missing: run \`pnpm ${mode}\` without --no-build (or \`pnpm build\`) first.`);
      }
    } else {
      say('building the workspace (pnpm build; skip with --no-build)…');
      await step('build', 'pnpm', ['build'], env);
    }

    // 2. Ports the session will listen on must be free before anything starts.
    const apiPort = Number(env.PORT || 3000);
    const webPort = Number(env.WEB_PORT || 5173);
    const ports = production ? [['API and web app', apiPort, 'PORT']] : [['API', apiPort, 'PORT'], ['web dev server', webPort, 'WEB_PORT']];
    for (const [what, port, variable] of ports) {
      if (!(await portIsFree(port))) throw new Problem(`Port ${port} for the ${what} is taken: stop what uses it, or set ${variable} to another port.`);
    }

    // 3. PostgreSQL.
    const childEnv = { ...env, NODE_ENV: env.NODE_ENV || 'development' };
    // The app is at the API's address: links in emails and calendar files point there.
    if (production) childEnv.APP_URL = env.APP_URL || `http://localhost:${apiPort}`;
    const database = await chooseDatabase({ env });
    if (database.kind === 'embedded') {
      const dataDir = path.join(ROOT, '.kapwa', 'pglite');
      say(`no PostgreSQL on 127.0.0.1:5432 and no DATABASE_URL: starting an embedded one (PGlite) on 127.0.0.1:${EMBEDDED_POSTGRES_PORT}, data in .kapwa/pglite/`);
      say('the embedded PostgreSQL is for trying Kapwa only: queries run one at a time; not for tests, benchmarks or real use');
      const embedded = await startEmbeddedPostgres({ dataDir, port: EMBEDDED_POSTGRES_PORT, maxConnections: 8 });
      cleanups.push(() => embedded.stop());
      childEnv.DATABASE_URL = embedded.url;
      childEnv.DATABASE_POOL_SIZE = '1';
    } else {
      childEnv.DATABASE_URL = database.url;
      say(`PostgreSQL: ${redact(database.url)}${database.kind === 'configured' ? ' (DATABASE_URL)' : ''}`);
    }

    // 4. Redis.
    const redis = await chooseRedis({ env });
    if (redis.kind === 'start') {
      say(`no Redis on 127.0.0.1:${redis.port}: starting ${redis.command} for this session (nothing saved)`);
      const started = await startRedisServer({ command: redis.command, port: redis.port, out });
      cleanups.push(() => started.stop());
    } else {
      say(`Redis: ${redact(redis.url)}${redis.kind === 'configured' ? ' (REDIS_URL)' : ''}`);
    }
    childEnv.REDIS_URL = redis.url;

    // Media processing (renditions, thumbnails) needs them; everything else runs without.
    const mediaNote = mediaToolsNote(env.PATH);
    if (mediaNote) say(mediaNote);

    // 5. Schema and demo content.
    await step('migrate', process.execPath, ['api/dist/cli.js', 'migrate'], childEnv);
    await step('content', process.execPath, ['api/dist/cli.js', 'content:import', '--start', demoCourseStart()], childEnv);
    await step('seed', process.execPath, ['api/dist/cli.js', 'seed'], childEnv);

    // 6. The platform.
    if (signalled) throw new Interrupted();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const apiEnv = { ...childEnv, PORT: String(apiPort), ...(production ? { WEB_DIST: path.join(ROOT, 'web', 'dist') } : {}) };
    const running = [
      startChild('api', process.execPath, ['api/dist/main.js'], { env: apiEnv, cwd: ROOT, out }),
      startChild('worker', process.execPath, ['api/dist/worker.js'], { env: childEnv, cwd: ROOT, out }),
    ];
    if (!production) {
      running.push(
        startChild('web', 'pnpm', ['run', 'dev'], {
          env: { ...childEnv, WEB_PORT: String(webPort), KAPWA_API_URL: env.KAPWA_API_URL || apiUrl },
          cwd: path.join(ROOT, 'web'),
          out,
        }),
      );
    }
    for (const c of running) children.add(c);
    const firstExit = Promise.race(running.map((c) => c.exited.then((result) => ({ ...result, name: c.name }))));

    const ready = Promise.all([
      waitFor(async () => stopping !== null || (await httpOk(`${apiUrl}/health`)), { timeoutMs: 120_000, intervalMs: 300 }),
      production || waitFor(async () => stopping !== null || (await portAnswers(webPort)), { timeoutMs: 120_000, intervalMs: 300 }),
    ]).then(([api, web]) => {
      if (stopping) return;
      if (!api || !web) {
        say(`still waiting for ${!api ? `the API (${apiUrl}/health)` : ''}${!api && !web ? ' and ' : ''}${!web ? `the web dev server (port ${webPort})` : ''}…`);
        return;
      }
      out.write('\n');
      say(`Kapwa is running${production ? ' (production build)' : ''}. Open http://localhost:${production ? apiPort : webPort}`);
      say(`Demo log-ins: ${DEMO_LOGIN.emails.join(', ')}, password ${DEMO_LOGIN.password}`);
      say(`GraphQL API: ${apiUrl}/graphql · Ctrl-C stops everything.`);
      out.write('\n');
    });

    const outcome = await Promise.race([firstExit, interruption.then(() => null)]);
    if (outcome) {
      const how = outcome.error ? outcome.error.message : outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.code}`;
      say(`${outcome.name} stopped (${how}): stopping everything.`);
      await stopAll();
      return outcome.code === 0 ? 1 : outcome.code || 1;
    }
    await stopAll();
    say('stopped.');
    return 0;
  } catch (error) {
    await stopAll();
    if (error instanceof Interrupted) {
      say('stopped.');
      return 0;
    }
    if (error instanceof Problem) {
      err.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

class Interrupted extends Error {}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function httpOk(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Vite listens on "localhost", which is 127.0.0.1 on some machines and ::1 on others. */
async function portAnswers(port) {
  for (const host of ['127.0.0.1', '::1']) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect({ host, port });
      socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return true;
  }
  return false;
}

function portIsFree(port) {
  return portAnswers(port).then((answers) => !answers);
}

/**
 * The sample course "started" on Monday of last week (09:00 in Bangkok), so a demo shows weeks one
 * and two open and the later weeks locked with their opening dates.
 */
export function demoCourseStart(now = new Date()) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2));
  const daysSinceMonday = (start.getUTCDay() + 6) % 7;
  start.setUTCDate(start.getUTCDate() - daysSinceMonday - 7);
  return start.toISOString();
}
