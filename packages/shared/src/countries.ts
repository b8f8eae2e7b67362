import countries from 'i18n-iso-countries';

/** ISO 3166-1 alpha-2 codes, upper case. */
export function countryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}

export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && countries.isValid(value);
}
