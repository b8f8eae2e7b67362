import { type LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * Structured logs for the API, the worker and the command line. They carry no personal data or
 * credentials: no emails, password hashes, tokens, request bodies, GraphQL variables or statement
 * parameters. Three layers, because each misses something the next catches: errors are logged
 * through `serializeError` (a list of what is kept, not of what is dropped), sensitive keys are
 * redacted at any likely depth, and every line is scrubbed of e-mail addresses, password hashes and
 * tokens just before it is written.
 */
export function createLogger(level: string, name: string, file?: string | null): Logger {
  return pino(
    {
      name,
      level,
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: scrubLine },
    },
    // A file for tests and for running outside a process supervisor; standard output otherwise.
    file ? pino.destination({ dest: file, sync: true, mkdir: true }) : undefined,
  );
}

/** Keys that hold credentials or personal data, wherever they sit in a logged object (up to four levels). */
const SENSITIVE_KEYS = [
  'email',
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'accessToken',
  'calendarToken',
  'authorization',
  'cookie',
  'variables',
  'parameters',
  'body',
  'detail',
  'where',
];
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

/** What an operator needs from a database error to act; values never (`detail`, `where`, `parameters` are not here). */
const KEPT_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'routine', 'dataType'] as const;

/**
 * An error as it may be logged: its type, message (quoted values removed), code, the database's
 * constraint/table/column/routine, the SQL text (placeholders only), the stack and the cause. Anything
 * else an error carries (a statement's parameters, PostgreSQL's `detail` echoing the row, the driver's
 * internals, a request) is left out.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object') return { message: scrubMessage(String(value)) };
  // An error already serialized by pino's standard serializers carries the error itself as `raw`.
  const raw = (value as { raw?: unknown }).raw;
  const source = (raw instanceof Error ? raw : value) as Record<string, any>;
  const type = source instanceof Error ? source.constructor.name : typeof source.type === 'string' ? source.type : 'Error';
  const message = scrubMessage(String(source.message ?? ''));
  const out: Record<string, unknown> = { type, message };
  for (const field of KEPT_FIELDS) {
    const kept = source[field];
    if (typeof kept === 'string' || typeof kept === 'number') out[field] = kept;
  }
  const graphqlCode = source.extensions?.code;
  if (out.code === undefined && typeof graphqlCode === 'string') out.code = graphqlCode;
  if (typeof source.query === 'string') out.query = scrubSql(source.query);
  if (typeof source.stack === 'string') out.stack = scrubStack(source.stack, `${type}: ${message}`);
  if (source.cause !== undefined && depth < 3) out.cause = serializeError(source.cause, depth + 1);
  return out;
}

/**
 * Error messages echo values in quotes (`invalid input syntax for type uuid: "…"`). A quoted text right
 * after a colon is a value; elsewhere only names of tables, columns and constraints stay.
 */
export function scrubMessage(message: string): string {
  return message
    .replace(/: "(?:[^"\\]|\\.)*"/g, ': "[value]"')
    .replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) => (/^[A-Za-z_][\w.$-]*$/.test(inner) ? quoted : '"[value]"'))
    .replace(/'(?:[^'\\]|''|\\.)*'/g, "'[value]'")
    .replace(/\(([^()]*)\)=\([^()]*\)/g, '($1)=([value])');
}

/** SQL text with its literals removed: statements carry values as placeholders, and hand-written literals are values too. */
function scrubSql(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "'[value]'");
}

/** A stack's first lines repeat the message: they get the scrubbed one. */
function scrubStack(stack: string, heading: string): string {
  const frames = stack.search(/\n\s+at /);
  return frames < 0 ? heading : heading + stack.slice(frames);
}

const LINE_SCRUBS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
  [/\$argon2(?:id|i|d)\$[A-Za-z0-9$=,+/.]*/g, '[password hash]'],
  [/\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}/g, '[password hash]'],
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[token]'],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[token]'],
];

/** The last line of defence: whatever reached the line, no e-mail address, password hash or token leaves. */
export function scrubLine(line: string): string {
  return LINE_SCRUBS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), line);
}

/** A request path as it may be logged: secret path segments (a calendar feed's token) are left out. */
export function loggablePath(url: string): string {
  return url.split('?')[0].replace(/\/calendar\/feed\/[^/]+/, '/calendar/feed/[token]');
}

/** Nest's start-up chatter: useful when debugging, noise otherwise. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'GraphQLModule']);

/** Lets Nest's own messages go through pino, errors through the same serializer as ours. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context && START_UP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    if (message instanceof Error) this.logger.error({ context, err: message }, scrubMessage(message.message));
    else {
      const text = scrubMessage(String(message));
      this.logger.error({ context, trace: typeof trace === 'string' ? scrubStack(trace, text) : trace }, text);
    }
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

/** Apollo Server's own messages (a request it could not process) through pino, errors through our serializer. */
export function apolloLogger(logger: Logger) {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]) => {
      const err = messages.find((m) => m instanceof Error);
      logger[level](err ? { err } : {}, scrubMessage(messages.filter((m) => !(m instanceof Error)).map(String).join(' ')));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const LOGGER = Symbol('LOGGER');
