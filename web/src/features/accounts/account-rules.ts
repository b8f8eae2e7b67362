import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_MIN_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  isCountryCode,
  isLocale,
  isTimeZone,
} from '@kapwa/shared';
import type { TFunction } from 'i18next';

/** Account fields as the API names them in `extensions.field`. */
export type AccountField = 'email' | 'password' | 'displayName' | 'country' | 'timeZone' | 'locale';
export const ACCOUNT_FIELDS: readonly AccountField[] = ['email', 'password', 'displayName', 'country', 'timeZone', 'locale'];

const LIMITS = {
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
  displayNameMax: DISPLAY_NAME_MAX_LENGTH,
  emailMax: EMAIL_MAX_LENGTH,
};

/** What we tell a person about a refused field; `t` is the `accounts` namespace. */
export function accountFieldMessage(t: TFunction, field: string, apiMessage?: string): string {
  return t(`errors.${field}`, { ...LIMITS, defaultValue: apiMessage ?? t('errors.generic') });
}

/**
 * The same rules the API applies (from @kapwa/shared), checked before sending so people get an
 * answer without a round trip on a slow link. The API remains the authority.
 */
export function checkAccountFields(values: Partial<Record<AccountField, string>>): AccountField[] {
  const refused: AccountField[] = [];
  const { email, password, displayName, country, timeZone, locale } = values;
  if (email !== undefined && (!/^[^\s@]+@[^\s@]+$/.test(email.trim()) || email.trim().length > EMAIL_MAX_LENGTH)) {
    refused.push('email');
  }
  if (password !== undefined && (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)) {
    refused.push('password');
  }
  if (displayName !== undefined) {
    const length = [...displayName.trim()].length;
    if (length < DISPLAY_NAME_MIN_LENGTH || length > DISPLAY_NAME_MAX_LENGTH) refused.push('displayName');
  }
  if (country && !isCountryCode(country)) refused.push('country');
  if (timeZone !== undefined && !isTimeZone(timeZone)) refused.push('timeZone');
  if (locale !== undefined && !isLocale(locale)) refused.push('locale');
  return refused;
}

export { LIMITS as ACCOUNT_LIMITS };
