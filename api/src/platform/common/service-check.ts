import { Redis } from 'ioredis';
import pg from 'pg';
import type { Config } from '../config/config.js';

/** A service Kapwa needs is missing: the message is one line a person can act on. */
export class ServiceUnavailableError extends Error {}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return 'an unreadable address';
  }
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  } catch {
    return 'postgres';
  }
}

const START_POSTGRES =
  'start it (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) or set DATABASE_URL';
const START_REDIS =
  'start it (e.g. `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`) or set REDIS_URL';

export async function checkPostgres(config: Pick<Config, 'databaseUrl'>, { needDatabase = true } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === '3D000') {
      if (!needDatabase) return;
      throw new ServiceUnavailableError(
        `PostgreSQL at ${where(config.databaseUrl)} has no database "${databaseName(config.databaseUrl)}": run \`pnpm migrate\` to create it.`,
      );
    }
    if (e.code === '28P01' || e.code === '28000') {
      throw new ServiceUnavailableError(
        `PostgreSQL at ${where(config.databaseUrl)} refused the log-in (${e.message}): check the user and password in DATABASE_URL.`,
      );
    }
    throw new ServiceUnavailableError(
      `Kapwa cannot reach PostgreSQL at ${where(config.databaseUrl)} (${e.code ?? e.message}): ${START_POSTGRES}.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(config: Pick<Config, 'redisUrl'>): Promise<void> {
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const e = err as { code?: string; message?: string };
    throw new ServiceUnavailableError(
      `Kapwa cannot reach Redis at ${where(config.redisUrl)} (${e.code ?? e.message}): ${START_REDIS}.`,
    );
  } finally {
    redis.disconnect();
  }
}
