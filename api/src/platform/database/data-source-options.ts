import { migrations } from '@kapwa/migrations';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { Config } from '../config/config.js';
import { entities } from './entities.js';
import { queryCounter } from './query-counter.js';

/** One description of the database connection for the API, the worker and the CLI. */
export function dataSourceOptions(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize'> & Partial<Pick<Config, 'countQueries'>>,
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: config.databasePoolSize,
    extra: { connectionTimeoutMillis: 5000 },
    // TypeORM writes nothing itself (its own logger prints statements with their parameters, and slow
    // statements and migrations even with logging off): failures reach the application's log as errors.
    logging: config.countQueries ? ['query'] : false,
    logger: queryCounter,
  };
}
