import { isCountryCode, isLocale, isTimeZone } from '@kapwa/shared';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

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
