import pg from 'pg';
import { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';

/** Creates the database named in DATABASE_URL when the server has none by that name. */
export async function ensureDatabase(config: Pick<Config, 'databaseUrl'>): Promise<boolean> {
  const url = new URL(config.databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name || name === 'postgres') return false;
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return true;
  } catch (err) {
    // Another process created it between our look and our CREATE.
    if ((err as { code?: string }).code === '42P04') return false;
    throw err;
  } finally {
    await client.end();
  }
}

/** Applies every pending migration, each in its own transaction. Returns their names. */
export async function migrate(config: Pick<Config, 'databaseUrl' | 'databasePoolSize'>): Promise<string[]> {
  const db = new DataSource({ ...dataSourceOptions(config), poolSize: 1 });
  await db.initialize();
  try {
    const applied = await db.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await db.destroy();
  }
}
