import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist');
const run = promisify(execFile);

/** Runs a built entry point and returns what a person would see. */
async function start(entry: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('node', [join(dist, entry)], { env: { ...process.env, ...env }, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('starting with a service missing', () => {
  if (!existsSync(join(dist, 'main.js'))) throw new Error('build the API first: pnpm --filter @kapwa/api build');

  it.each(['main.js', 'worker.js'])('%s names PostgreSQL, where it looked and how to start it, in one line', async (entry) => {
    const result = await start(entry, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/kapwa' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/kapwa .*pg_ctlcluster.*DATABASE_URL/);
  });

  it('names Redis the same way', async () => {
    const result = await start('main.js', { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^kapwa: Kapwa cannot reach Redis at 127\.0\.0\.1:1 .*redis-server.*REDIS_URL\.$/);
  });

  it('refuses production with the development secret', async () => {
    const result = await start('main.js', { NODE_ENV: 'production', JWT_SECRET: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^kapwa: JWT_SECRET must be set/);
  });

  it('asks for migrations when the database is missing', async () => {
    const result = await start('main.js', { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kapwa_absent_database' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('kapwa: PostgreSQL at 127.0.0.1:5432/kapwa_absent_database has no database "kapwa_absent_database": run `pnpm migrate` to create it.');
  });
});
