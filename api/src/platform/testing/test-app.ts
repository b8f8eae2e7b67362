import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createApp } from '../../app.js';
import { type Config, loadConfig } from '../config/config.js';
import { ensureDatabase, migrate } from '../database/migrate.js';
import { WorkerModule } from '../../worker.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { QueueName } from '../jobs/queues.js';
import { waitFor } from './wait-for.js';

/** The PostgreSQL server tests make their throwaway databases on (the browser tests and benchmarks read it too). */
const ADMIN_URL = process.env.KAPWA_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** A throwaway database on the real PostgreSQL server, migrated to the latest schema. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kapwa_test_${randomBytes(6).toString('hex')}`;
  const url = databaseUrl(name);
  await ensureDatabase({ databaseUrl: url });
  await migrate({ databaseUrl: url, databasePoolSize: 1 });
  return {
    url,
    drop: async () => {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      // A closed pool has only asked its connections to close; give the server a moment to see them go,
      // so FORCE has nobody left to cut off (it would send them an error as they leave).
      const connections = async () => (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])).rows[0].n;
      await waitFor(async () => (await connections()) === 0, 1_000).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_PREFIX: `kapwa-test-${randomBytes(4).toString('hex')}`,
    ...env,
  });
}

/** Deletes every Redis key a test run made under its prefix. */
export async function clearRedisPrefix(config: Config): Promise<void> {
  const redis = new Redis(config.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redisPrefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

export interface TestApi {
  app: INestApplication;
  config: Config;
  url: string;
  databaseUrl: string;
  /**
   * POSTs a GraphQL operation as the API's clients do, optionally with a bearer token, and from a given
   * network address (an X-Forwarded-For the API trusts when started with TRUST_PROXY=loopback).
   */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, from?: string): Promise<GraphQLResponse<T>>;
  /** Runs SQL on the test database, to check what was (or was not) written. */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A job worker on the same database, Redis prefix and mail folder; `configure` may swap a provider (fault injection). */
  startWorker(configure?: (builder: TestingModuleBuilder) => TestingModuleBuilder): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/** POSTs GraphQL operations to the API at `url` as its clients do, optionally with a bearer token. */
export function graphqlClient(url: string): TestApi['gql'] {
  return async (query, variables, token, from) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        // Behind a trusted proxy (TRUST_PROXY), a test may play a network address of its own.
        ...(from ? { 'x-forwarded-for': from } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
}

/** The real API on a random port, over a fresh database and its own Redis key prefix. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, { MAIL_DIR: mkdtempSync(join(tmpdir(), 'kapwa-mail-')), ...env });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // The server may close an idle connection (an administrator, a restart); the pool opens a new one on the
  // next query, so this is no test failure. Without a listener it would throw into whichever test runs then.
  pool.on('error', () => undefined);
  const workers: INestApplicationContext[] = [];
  return {
    app,
    config,
    url,
    databaseUrl: database.url,
    gql: graphqlClient(url),
    async sql(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async startWorker(configure = (builder) => builder) {
      const module = await configure(Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })).compile();
      const worker = await module.init();
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.close().catch(() => undefined);
      await app.close();
      await pool.end();
      await clearRedisPrefix(config);
      await database.drop();
    },
  };
}

/** The error code of the first error, for terse assertions. */
export function errorOf(response: GraphQLResponse): { code?: string; field?: string; message?: string } {
  const error = response.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}

/** Emails the mail transport wrote during a test, oldest first. */
export function sentEmails(config: Config): { to: string; subject: string; text: string; messageId: string; headers: Record<string, string> }[] {
  const dir = config.mail.dir!;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')))
    .map((m) => ({ to: m.to[0].address, subject: m.subject, text: m.text, messageId: m.messageId, headers: m.headers ?? {} }));
}

/** Waits for the newest email to `address` holding a link to `page`, the `count`th such, and returns the link's token. */
export async function emailedLinkToken(api: TestApi, address: string, page: string, count = 1): Promise<string> {
  const links = () =>
    sentEmails(api.config)
      .filter((m) => m.to === address)
      .map((m) => new RegExp(`${api.config.appUrl.replace(/[.:/]/g, '\\$&')}${page}\\?token=([A-Za-z0-9_-]+)`).exec(m.text)?.[1])
      .filter((token): token is string => !!token);
  await waitFor(() => links().length >= count);
  return links().at(-1)!;
}

/** Waits until the worker has handled every job queued so far on `queue`, e.g. to see that an email was not sent. */
export async function queueDrained(api: TestApi, queue: QueueName): Promise<void> {
  const jobs = api.app.get(JobsService).queue(queue);
  await waitFor(async () => Object.values(await jobs.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).every((n) => n === 0));
}

/** Emails of notifications only: without the account emails (address confirmations, reset links) that sign-ups and requests send. */
export function sentNotices(config: Config): ReturnType<typeof sentEmails> {
  return sentEmails(config).filter((m) => !m.messageId.startsWith('<account-email.'));
}
