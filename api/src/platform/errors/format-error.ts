import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { PUBLIC_ERROR_CODES } from './errors.js';

/** Codes Apollo itself gives to requests it cannot run: they describe the request, not the server. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * PostgreSQL's data exceptions (class 22: a value of the wrong form or size for its column). Input rules
 * refuse such values before they reach a statement; one that gets through is still the request's fault.
 */
function isDataException(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** graphql-js suggests names ("Did you mean "me"?") even with introspection off: they map the schema. */
const SCHEMA_HINT = /\s*Did you mean [^?]*\?/g;

/** 'Variable "$input" got invalid value "x" at "input.startsAt"; …' → "startsAt", for the form to show it beside. */
function variableField(message: string): string | undefined {
  const at = /got invalid value .*? at "([^"]+)"/.exec(message)?.[1] ?? /^Variable "\$(\w+)"/.exec(message)?.[1];
  return at?.split('.').filter((part) => !/^\d+$/.test(part) && !part.startsWith('[')).at(-1);
}

/**
 * What leaves the server when something fails: a code from the contract and a message a person can
 * act on. Anything unexpected is logged and answered with a generic message: no stack traces, no SQL.
 */
export function createErrorFormatter(logger: Logger, { hideSchemaHints = false }: { hideSchemaHints?: boolean } = {}) {
  const tidy = (message: string) => (hideSchemaHints ? message.replace(SCHEMA_HINT, '') : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const base = { message: tidy(formatted.message), locations: formatted.locations, path: formatted.path };

    if (original instanceof GraphQLError) {
      const code = String(original.extensions?.code ?? formatted.extensions?.code ?? '');
      if (PUBLIC_ERROR_CODES.has(code) || REQUEST_ERROR_CODES.has(code)) {
        const { stacktrace: _stacktrace, http: _http, ...extensions } = { ...formatted.extensions, ...original.extensions };
        const field = extensions.field ?? (code === 'BAD_USER_INPUT' ? variableField(formatted.message) : undefined);
        // A scalar's own message ("… is not a real date") says more than graphql-js's wrapper around it.
        const message = original === error ? formatted.message : original.message;
        return { ...base, message: tidy(message), extensions: { ...extensions, code, ...(field ? { field } : {}) } };
      }
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (REQUEST_ERROR_CODES.has(code)) {
      const field = code === 'BAD_USER_INPUT' ? variableField(formatted.message) : undefined;
      return { ...base, extensions: { code, ...(field ? { field } : {}) } };
    }
    if (isDataException(original)) {
      logger.warn({ err: original, path: formatted.path }, 'a value reached the database that the input rules should have refused');
      return { ...base, message: 'A value in this request is not valid. Check what you typed and try again.', extensions: { code: 'BAD_USER_INPUT' } };
    }

    logger.error({ err: original, path: formatted.path }, 'unexpected error while answering a GraphQL request');
    return { ...base, message: 'Something went wrong on our side. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
