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
 * What leaves the server when something fails: a code from the contract and a message a person can
 * act on. Anything unexpected is logged and answered with a generic message: no stack traces, no SQL.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof GraphQLError) {
      const code = String(original.extensions?.code ?? formatted.extensions?.code ?? '');
      if (PUBLIC_ERROR_CODES.has(code) || REQUEST_ERROR_CODES.has(code)) {
        const { stacktrace: _stacktrace, ...extensions } = { ...formatted.extensions, ...original.extensions };
        return { ...base, message: original.message, extensions: { ...extensions, code } };
      }
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (REQUEST_ERROR_CODES.has(code)) return { ...base, extensions: { code } };

    logger.error({ err: original, path: formatted.path }, 'unexpected error while answering a GraphQL request');
    return { ...base, message: 'Something went wrong on our side. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
