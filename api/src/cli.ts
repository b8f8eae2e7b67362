import 'reflect-metadata';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedDemo } from './cli/seed-demo.js';
import { checkPostgres, ServiceUnavailableError } from './platform/common/service-check.js';
import { runOrExplain } from './platform/common/startup.js';
import { loadConfig } from './platform/config/config.js';
import { dataSourceOptions } from './platform/database/data-source-options.js';
import { ensureDatabase, migrate } from './platform/database/migrate.js';
import { ContentError, readCourseFiles } from './courses/content/course-files.js';
import { importCourses } from './courses/content/import-courses.js';

const USAGE = `usage: node dist/cli.js <command>
  migrate          create the database if needed and apply pending migrations
  seed             load demo people and organizations (not in production)
  content:import   import the courses in content/courses [--dir <folder>] [--start <date>]`;

/** content/courses beside the api package, in the repository and in the image alike. */
const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content/courses', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const commands: Record<string, () => Promise<void>> = {
  async migrate() {
    const config = loadConfig();
    await checkPostgres(config, { needDatabase: false });
    if (await ensureDatabase(config)) console.log('kapwa: created the database');
    const applied = await migrate(config);
    console.log(applied.length ? `kapwa: applied ${applied.join(', ')}` : 'kapwa: the database schema is up to date');
  },

  async seed() {
    const config = loadConfig();
    if (config.environment === 'production') {
      throw new ServiceUnavailableError('Demo accounts share a published password: `seed` does not run in production.');
    }
    await checkPostgres(config);
    const db = await new DataSource({ ...dataSourceOptions(config), poolSize: 1 }).initialize();
    try {
      const { created } = await seedDemo(db);
      console.log(`kapwa: demo data loaded (${created} new records). Demo log-ins: admin@kapwa.example, trainer@kapwa.example, reviewer@kapwa.example, learner@kapwa.example — password ${DEMO_PASSWORD}`);
    } finally {
      await db.destroy();
    }
  },
};

commands['content:import'] = async () => {
  const config = loadConfig();
  const dir = resolve(option('dir') ?? process.env.KAPWA_CONTENT_DIR ?? DEFAULT_CONTENT_DIR);
  const start = option('start');
  const startsAt = start ? new Date(start) : undefined;
  if (startsAt && Number.isNaN(startsAt.getTime())) throw new ServiceUnavailableError(`--start "${start}" is not a date such as 2027-02-01.`);
  let files;
  try {
    files = readCourseFiles(dir);
  } catch (err) {
    if (err instanceof ContentError) {
      console.error(`kapwa: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  await checkPostgres(config);
  const db = await new DataSource({ ...dataSourceOptions(config), poolSize: 1 }).initialize();
  try {
    const report = await importCourses(db, files, startsAt);
    console.log(`kapwa: imported ${report.courses.join(', ')} (${report.changes ? `${report.changes} rows changed` : 'no changes'})`);
  } finally {
    await db.destroy();
  }
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
await runOrExplain(command);
