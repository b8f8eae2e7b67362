import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Runs a statement that every request sends (who is asking, the course outline) as a named prepared
 * statement: PostgreSQL parses and plans it once per connection, and after a few runs keeps one plan,
 * instead of planning it again for every request (planning a statement with several subqueries costs
 * more than running it). Each name must always be given the same text, with parameters for what varies.
 * Outside any transaction: for reads. Counted like every statement TypeORM sends (KAPWA_COUNT_QUERIES).
 */
export async function preparedQuery<T = Record<string, unknown>>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (db.options.logging) db.logger.logQuery(text, values);
  const pool = (db.driver as PostgresDriver).master as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
  return (await pool.query({ name, text, values })).rows;
}
