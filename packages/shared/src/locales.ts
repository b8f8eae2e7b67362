/** Languages the web interface is translated into. Any valid BCP-47 tag may still be stored. */
export const INTERFACE_LOCALES = ['en', 'th', 'ne', 'my'] as const;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];

/** True for a well-formed BCP-47 language tag ("en", "th", "zh-Hant-TW"). */
export function isLocale(value: string): boolean {
  if (!value || value.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid tag ("EN-us" → "en-US"). */
export function canonicalLocale(value: string): string {
  return Intl.getCanonicalLocales(value)[0];
}
