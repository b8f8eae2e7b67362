import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { loggablePath } from './logger.js';

/**
 * One line per answered request: its method, its path (secret segments left out), the status and the
 * time taken; nothing else (no headers, bodies or query strings). Answers of 500 and above are logged
 * at `error`, the rest at `info`, so a production log at `warn` still shows every failure. A request whose client went away before the answer (a dropped mobile connection)
 * is not the server's failure: it is logged at `info` as aborted.
 *
 * Nothing is made for a request whose line would not be written: a per-request child logger (what
 * pino-http makes, running the redaction over it) cost about a twentieth of a small request's time.
 */
export function requestLog(logger: Logger, { ignore }: { ignore: (path: string) => boolean }) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = loggablePath(req.url ?? '/');
    if (ignore(path) || !logger.isLevelEnabled('error')) return next();
    const started = performance.now();
    // 'close' comes once for every answer: after its last byte, or when the client went away first.
    res.once('close', () => {
      const failed = res.statusCode >= 500;
      const level = failed ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line: Record<string, unknown> = {
        req: { method: req.method, path },
        res: { status: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      logger[level](line, failed ? 'request errored' : res.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}
