/** Limits on account fields, applied by the API and shown by the web forms. */
export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length, but an unbounded password is a cheap way to burn server CPU. */
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MIN_LENGTH = 1;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;
export const ORGANIZATION_NAME_MAX_LENGTH = 200;

export const DEFAULT_TIME_ZONE = 'UTC';
export const DEFAULT_LOCALE = 'en';

/** Emails are compared and stored without surrounding spaces and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
