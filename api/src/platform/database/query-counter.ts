import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends. Attached only when KAPWA_COUNT_QUERIES is set (tests and
 * benchmarks), to check that a GraphQL operation's statements do not grow with the size of its lists.
 */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export const queryCounter = new QueryCounter();
