import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { LOGGER, PinoNestLogger } from './platform/logging/logger.js';
import { checkPostgres, checkRedis } from './platform/common/service-check.js';
import { assertSchemaCurrent, runOrExplain } from './platform/common/startup.js';
import { loadConfig } from './platform/config/config.js';
import { WorkerModule } from './worker.module.js';

await runOrExplain(async () => {
  const config = loadConfig();
  await checkPostgres(config);
  await checkRedis(config);
  await assertSchemaCurrent(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  // On SIGTERM/SIGINT Nest closes the BullMQ workers, which finish the jobs in hand before exiting.
  app.enableShutdownHooks();
  await app.init();
  logger.info('Kapwa worker started');
});
