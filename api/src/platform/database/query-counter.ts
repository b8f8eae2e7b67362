import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's logger, which writes nothing (its own would print statements with their parameters). When
 * KAPWA_COUNT_QUERIES is set (tests and benchmarks) it counts the SQL statements TypeORM sends, to
 * check that a GraphQL operation's statements do not grow with the size of its lists.
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
