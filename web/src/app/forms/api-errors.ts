import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** Error codes the API puts in `extensions.code` (see the API contract). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS';

export interface ApiError {
  code: string;
  message: string;
  /** For BAD_USER_INPUT: the input field the API refused. */
  field?: string;
  /** For FORBIDDEN: a staff member must set up two-step sign-in before doing this. */
  twoFactorSetupRequired?: true;
}

export interface FormErrors {
  /** Message per form field, shown next to the field. */
  fields: Record<string, string>;
  /** Everything that belongs to no field, shown in the form's alert. */
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

function fromGraphQLErrors(errors: readonly GraphQLErrorLike[]): ApiError[] {
  return errors.map((e) => ({
    code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
    message: e.message,
    field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
    ...(e.extensions?.twoFactorSetupRequired === true ? { twoFactorSetupRequired: true as const } : {}),
  }));
}

export function apiErrorsOf(error: unknown): ApiError[] {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors);
  if (ServerError.is(error)) {
    // A non-2xx answer (e.g. 429 from the rate limiter) may still carry GraphQL errors.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLErrorLike[] };
      if (Array.isArray(body.errors) && body.errors.length) return fromGraphQLErrors(body.errors);
    } catch {
      // not JSON
    }
    return [{ code: error.statusCode === 429 ? 'TOO_MANY_REQUESTS' : 'SERVER', message: error.message }];
  }
  if (ServerParseError.is(error)) return [{ code: 'SERVER', message: error.message }];
  if (error instanceof TypeError) return [{ code: 'NETWORK', message: error.message }];
  return [{ code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) }];
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return error != null && apiErrorsOf(error).some((e) => e.code === code);
}

/** Whether the API flagged its answer with `extensions[flag] === true`, e.g. `twoFactorRequired`. */
export function hasErrorFlag(error: unknown, flag: string): boolean {
  const errors: readonly GraphQLErrorLike[] = CombinedGraphQLErrors.is(error) ? error.errors : [];
  return errors.some((e) => e.extensions?.[flag] === true);
}

interface Options {
  /** The form's field names; a BAD_USER_INPUT naming another field goes to the form alert. */
  fields: readonly string[];
  /** The message for a refused field. Receives the API's (English) message as a fallback. */
  fieldMessage: (field: string, apiMessage: string) => string;
  /** Where a CONFLICT belongs, e.g. `email` when an address is already registered. */
  conflict?: { field: string; message: string };
  /** Overrides of the generic per-code messages, e.g. UNAUTHENTICATED on the log-in form. */
  codeMessages?: Partial<Record<string, string>>;
}

/** Sorts the API's errors into field messages and one form-level message. `t` is the `app` namespace. */
export function toFormErrors(error: unknown, t: TFunction, options: Options): FormErrors {
  const fields: Record<string, string> = {};
  const form: string[] = [];
  for (const e of apiErrorsOf(error)) {
    if (e.code === 'BAD_USER_INPUT' && e.field && options.fields.includes(e.field)) {
      fields[e.field] ??= options.fieldMessage(e.field, e.message);
    } else if (e.code === 'CONFLICT' && options.conflict) {
      fields[options.conflict.field] ??= options.conflict.message;
    } else {
      form.push(options.codeMessages?.[e.code] ?? genericMessage(e, t));
    }
  }
  return { fields, form: form.length ? [...new Set(form)].join(' ') : null };
}

function genericMessage(error: ApiError, t: TFunction): string {
  if (error.twoFactorSetupRequired) return t('errors.twoFactorSetupRequired');
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'TOO_MANY_REQUESTS':
    case 'NETWORK':
    case 'SERVER':
      return t(`errors.${error.code}`);
    case 'BAD_USER_INPUT':
      return t('errors.BAD_USER_INPUT', { message: error.message });
    default:
      return t('errors.UNKNOWN');
  }
}
