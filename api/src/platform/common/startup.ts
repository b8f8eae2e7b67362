import { DataSource } from 'typeorm';
import { type Config, ConfigError } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { createLogger } from '../logging/logger.js';
import { ServiceUnavailableError } from './service-check.js';

/** The database schema must be at the latest migration before the API or worker serves anything. */
export async function assertSchemaCurrent(config: Config): Promise<void> {
  const db = new DataSource({ ...dataSourceOptions(config), poolSize: 1 });
  await db.initialize();
  try {
    if (await db.showMigrations()) {
      throw new ServiceUnavailableError('The database schema is not up to date: run `pnpm migrate` first.');
    }
  } finally {
    await db.destroy();
  }
}

/**
 * Runs a process's start-up (or a command). Problems a person can fix (a service down, a setting
 * missing) end the process with one line saying what to do, not a stack trace. Anything else is
 * logged through the error serializer: Node's own report of an uncaught error would print everything
 * the error carries, a failed statement's parameters included.
 */
export async function runOrExplain(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (err) {
    if (err instanceof ServiceUnavailableError || err instanceof ConfigError) {
      console.error(`kapwa: ${err.message}`);
      process.exit(1);
    }
    createLogger('fatal', 'kapwa', process.env.LOG_FILE).fatal({ err }, 'stopped by an unexpected error');
    process.exit(1);
  }
}
