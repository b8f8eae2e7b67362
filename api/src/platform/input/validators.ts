import { isCountryCode, isLocale, isTimeZone, multiLineTextProblem, normalizeText, singleLineTextProblem } from '@kapwa/shared';
import { Transform } from 'class-transformer';
import { badUserInput } from '../errors/errors.js';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

export const IsTimeZone = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isTimeZone', validator: { validate: (v) => typeof v === 'string' && isTimeZone(v) } },
    { message: 'Choose a time zone from the list, such as "Asia/Kathmandu".', ...options },
  );

export const IsCountryCode = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isCountryCode', validator: { validate: (v) => typeof v === 'string' && isCountryCode(v) } },
    { message: 'Choose a country from the list (a two-letter ISO code such as "NP").', ...options },
  );

export const IsLocale = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isLocale', validator: { validate: (v) => typeof v === 'string' && isLocale(v) } },
    { message: 'Choose a language from the list (a language tag such as "en" or "th").', ...options },
  );

/** Trims surrounding spaces of a string input; leaves other values for the validators to judge. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export const UpperCase = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** Stores text in NFC without surrounding spaces (see normalizeText); other values are left to the validators. */
export const Normalize = () =>
  Transform(({ value }) =>
    typeof value === 'string' ? normalizeText(value) : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? normalizeText(v) : v)) : value,
  );

function textRule(name: string, problem: (text: string) => string | null, options?: ValidationOptions) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => typeof value !== 'string' || problem(value) === null,
        defaultMessage: (args?: ValidationArguments) => (typeof args?.value === 'string' && problem(args.value)) || 'This text is not valid.',
      },
    },
    options,
  );
}

/**
 * A name or title that other people read: NFC, one line, no control or bidi characters, something
 * visible. Put it after @Normalize() and before the length check.
 */
export const SingleLineText = (options?: ValidationOptions) => textRule('singleLineText', singleLineTextProblem, options);

/** A summary, comment or Markdown body: lines and tabs allowed, other controls and bidi characters not. */
export const MultiLineText = (options?: ValidationOptions) => textRule('multiLineText', multiLineTextProblem, options);

/**
 * The same rule for a plain argument outside an input class (e.g. `group: String`): the normalized
 * text, null when empty, or a BAD_USER_INPUT error naming the argument.
 */
export function optionalSingleLineArg(field: string, value: string | null | undefined, maxLength: number): string | null {
  const text = typeof value === 'string' ? normalizeText(value) : '';
  if (!text) return null;
  const problem = singleLineTextProblem(text) ?? (text.length > maxLength ? `Use at most ${maxLength} characters.` : null);
  if (problem) throw badUserInput(field, problem);
  return text;
}

/**
 * The multi-line rule for a plain argument (a Markdown body, a comment): NFC, at most `maxLength`
 * characters, no control or bidi characters, or a BAD_USER_INPUT error naming the argument. Surrounding
 * spaces are kept, as an editor that autosaves sends text still being typed.
 */
export function multiLineArg(field: string, value: string, maxLength: number): string {
  const text = value.normalize('NFC');
  const problem = multiLineTextProblem(text) ?? (text.length > maxLength ? `Use at most ${maxLength.toLocaleString('en')} characters.` : null);
  if (problem) throw badUserInput(field, problem);
  return text;
}
