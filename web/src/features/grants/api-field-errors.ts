import type { TFunction } from 'i18next';
import { apiErrorsOf, toFormErrors, type FormErrors } from '../../app/forms/api-errors';

/** `budgetLines.2.amount` → `budgetLines`: a form shows a list's errors under the whole list. */
function topField(field: string): string {
  return field.split(/[.[]/)[0];
}

/**
 * The API's errors on the fields they name (an item of a list under the list), the rest in the form's
 * alert; a CONFLICT in the API's own words, which say e.g. when the call closed, in the reader's zone
 * and the call's.
 */
export function sortApiErrors(error: unknown, tApp: TFunction, fields: readonly string[]): FormErrors {
  const errors = apiErrorsOf(error);
  const named = errors.map((e) => e.field).filter((f): f is string => !!f && fields.includes(topField(f)));
  const conflict = errors.find((e) => e.code === 'CONFLICT')?.message;
  const sorted = toFormErrors(error, tApp, { fields: named, fieldMessage: (_, message) => message, codeMessages: conflict ? { CONFLICT: conflict } : {} });
  const byField: Record<string, string> = {};
  for (const [field, message] of Object.entries(sorted.fields)) byField[topField(field)] ??= message;
  return { fields: byField, form: sorted.form };
}
