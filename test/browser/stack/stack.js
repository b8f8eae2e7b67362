// Starts a throwaway Kapwa stack for browser tests: a fresh PostgreSQL database, the built API on a free
// port serving the built web app from its own origin as `pnpm start` does (WEB_DIST: compression,
// caching, the page fallback and the security headers of production), and its job worker (certificates,
// notifications, reminders). stop() undoes all of it and is safe to call after a partial start.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrl, freePort, onPostgres, REDIS_URL, repo } from '../../lib/local-services.js';

export const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Spawns a child in its own process group, logging to artifacts/<name>.log. */
function start(name, command, args, { cwd, env }) {
  mkdirSync(artifacts, { recursive: true });
  const log = createWriteStream(join(artifacts, `${name}.log`));
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

function run(name, command, args, options) {
  const child = start(name, command, args, options);
  return child.exited.then(({ code }) => {
    if (code !== 0) throw new Error(`${name} failed (exit ${code}); see ${join(artifacts, `${name}.log`)}`);
  });
}

async function waitForOk(url, child, name, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.exited.then((result) => (exited = result));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited (${JSON.stringify(exited)}) before ${url} answered; see ${join(artifacts, `${name}.log`)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s; see ${join(artifacts, `${name}.log`)}`);
}

function kill(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  try {
    process.kill(-child.pid, 'SIGTERM'); // the whole group
  } catch {
    return Promise.resolve();
  }
  const forced = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }, 5_000);
  return child.exited.finally(() => clearTimeout(forced));
}

export async function startStack() {
  for (const [file, build] of [
    ['api/dist/main.js', 'pnpm --filter @kapwa/api build'],
    ['api/dist/worker.js', 'pnpm --filter @kapwa/api build'],
    ['web/dist/index.html', 'pnpm --filter @kapwa/web build'],
  ]) {
    if (!existsSync(join(repo, file))) throw new Error(`${file} is missing: run \`${build}\` (or \`pnpm build\`) first.`);
  }
  const stack = { database: `kapwa_browser_${randomBytes(6).toString('hex')}` };
  try {
    await onPostgres(`CREATE DATABASE ${stack.database}`);
    stack.databaseUrl = databaseUrl(stack.database);
    const apiEnv = {
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: stack.database,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Emails the worker sends land beside the logs, not in the developer's own mail folder.
      MAIL_DIR: join(artifacts, 'mail'),
      // Uploads and renditions too (the API and the worker share the folder).
      MEDIA_DIR: join(artifacts, 'media'),
    };
    await run('migrate', process.execPath, ['api/dist/cli.js', 'migrate'], { cwd: repo, env: apiEnv });

    const apiPort = await freePort();
    stack.apiUrl = `http://127.0.0.1:${apiPort}`;
    stack.webUrl = stack.apiUrl;
    stack.api = start('api', process.execPath, ['api/dist/main.js'], { cwd: repo, env: { ...apiEnv, PORT: String(apiPort), WEB_DIST: join(repo, 'web/dist') } });
    await waitForOk(`${stack.apiUrl}/health`, stack.api, 'api');
    // Same database, Redis and prefix as the API: it runs the jobs the API queues.
    stack.worker = start('worker', process.execPath, ['api/dist/worker.js'], { cwd: repo, env: apiEnv });
    if (stack.worker.exitCode !== null) throw new Error(`worker exited (${stack.worker.exitCode}); see ${join(artifacts, 'worker.log')}`);
    return stack;
  } catch (error) {
    await stopStack(stack);
    throw error;
  }
}

export async function stopStack(stack) {
  if (!stack) return;
  await Promise.all([kill(stack.api), kill(stack.worker)]);
  if (stack.database) {
    await onPostgres(`DROP DATABASE IF EXISTS ${stack.database} WITH (FORCE)`).catch((error) =>
      console.error(`could not drop ${stack.database}: ${error.message}`),
    );
  }
}

