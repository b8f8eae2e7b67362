// What every harness under test/ (browser stack, scale-out cluster, benchmarks) needs from this machine:
// the repository's path, a free port, PostgreSQL and Redis.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
/** The server's maintenance database: throwaway databases are created and dropped from there. */
export const POSTGRES_URL = process.env.KAPWA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nobody listens on now: the OS picks it for a moment's server. */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  server.unref();
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** The address of database `name` on the same server. */
export function databaseUrl(name) {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL on the maintenance database (CREATE DATABASE, DROP DATABASE). */
export async function onPostgres(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
