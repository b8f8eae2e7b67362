import { GraphQLError } from 'graphql';

/** The error codes the public API promises (see the contract). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** `extensions` tell a client what to do next, e.g. `{ twoFactorRequired: true }`. */
export const unauthenticated = (message = 'Please log in to continue.', extensions: Record<string, unknown> = {}) =>
  error('UNAUTHENTICATED', message, extensions);
export const forbidden = (message = 'You are not allowed to do this.', extensions: Record<string, unknown> = {}) =>
  error('FORBIDDEN', message, extensions);
export const notFound = (what: string) => error('NOT_FOUND', `${what} was not found.`);
/** `field` names the offending input field, as the web forms show the message beside it. */
export const badUserInput = (field: string, message: string) => error('BAD_USER_INPUT', message, { field });
export const conflict = (message: string, field?: string) => error('CONFLICT', message, field ? { field } : {});
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  error('TOO_MANY_REQUESTS', message, { retryAfterSeconds });

/** PostgreSQL's unique_violation, raised when a unique constraint refuses a row. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}
