// What every benchmark needs to start the built API beside it: a throwaway database with the API's
// environment, a free port, a child process, a wait.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { databaseUrl, freePort, onPostgres, repo } from '../lib/local-services.js';

export { freePort, repo };

/** Runs `node args` in the repository; by default resolves when it exits 0, else returns the child. */
export function node(args, env, { wait = true } = {}) {
  const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (!wait) return child;
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}`)))));
}

export async function waitFor(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered`);
}

/** One GraphQL request to a running API; its errors are thrown. */
export async function gql(apiUrl, query, variables, token) {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * A throwaway database for one benchmark (`kapwa_bench_…`, also its Redis prefix); `drop()` removes it.
 * `env(extra)` is the API's environment on it: production, with secrets of its own, logging warnings only.
 */
export function benchDatabase() {
  const name = `kapwa_bench_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(name);
  const secrets = { JWT_SECRET: randomBytes(32).toString('hex'), TWO_FACTOR_KEY: randomBytes(32).toString('hex') };
  return {
    name,
    url,
    env: (extra = {}) => ({ DATABASE_URL: url, REDIS_PREFIX: name, NODE_ENV: 'production', ...secrets, LOG_LEVEL: 'warn', ...extra }),
    drop: () => onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * CPU time used so far, in ms, by the given processes and by every PostgreSQL backend (Linux /proc): with
 * two readings, what each request cost the server's process and the database, apart from the load generator.
 */
export async function cpuMillis(pids) {
  const { readFile, readdir } = await import('node:fs/promises');
  const ticks = async (pid) => {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, at 100 ticks per second
    } catch {
      return 0; // gone
    }
  };
  const postgres = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.startsWith('postgres')) postgres.push(Number(entry));
  }
  const sum = async (list) => (await Promise.all(list.map(ticks))).reduce((a, b) => a + b, 0);
  return { server: await sum(pids), postgres: await sum(postgres) };
}
