import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { LOGGER, PinoNestLogger } from './platform/logging/logger.js';
import { requestLog } from './platform/logging/request-log.js';
import type { Config } from './platform/config/config.js';
import { webApp } from './platform/web/web-app.js';

/** Builds the HTTP application with every protection on; main.ts and the tests both use it. */
export async function createApp(config: Config): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.set('trust proxy', config.trustProxy);
  // Room for the longest lesson (200,000 characters of Markdown, up to 4 bytes each in UTF-8), no more.
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  // No ETag on the API's answers: each is computed for its viewer and never asked for again with If-None-Match,
  // and hashing every GraphQL answer to make one cost time on every request.
  app.set('etag', false);
  // The built web app, when this API serves it (WEB_DIST): its hashed assets before the API's headers and log.
  const web = config.webDist ? webApp(config.webDist) : null;
  web?.assets(app);
  app.use(securityHeaders({ crossOriginEmbedderPolicy: false }));
  app.use(requestLog(logger, { ignore: (path) => path === '/health' }));
  web?.pages(app);
  app.enableShutdownHooks();
  return app;
}

/**
 * helmet's headers, worked out once: with these options they are the same for every answer, and running
 * helmet's dozen middlewares on each request cost about a twentieth of a small request's time.
 */
function securityHeaders(options: Parameters<typeof helmet>[0]) {
  const headers = new Map<string, string>();
  const probe = { setHeader: (name: string, value: string) => void headers.set(name, String(value)), removeHeader: () => undefined };
  helmet(options)({} as never, probe as never, () => undefined);
  return (_req: unknown, res: { setHeaders(headers: Map<string, string>): void }, next: () => void) => {
    res.setHeaders(headers);
    next();
  };
}
