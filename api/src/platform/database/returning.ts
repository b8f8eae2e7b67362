import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rows an `UPDATE … RETURNING` or `DELETE … RETURNING` gives back. TypeORM answers those two
 * statements with `[rows, rowCount]` rather than the rows it returns for SELECT and INSERT, so reading
 * the answer as rows sees two "rows" whatever happened. Every such statement goes through here; a test
 * finds any that does not.
 */
export async function returnedRows<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const answer: unknown = await db.query(sql, params);
  if (!Array.isArray(answer) || answer.length !== 2 || !Array.isArray(answer[0]) || typeof answer[1] !== 'number') {
    throw new Error('returnedRows takes an UPDATE or DELETE … RETURNING statement');
  }
  return answer[0] as T[];
}
