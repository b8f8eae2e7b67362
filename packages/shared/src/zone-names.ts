import { cityOf } from './date-format.js';

/**
 * A time zone as a place in the reader's language, the way people say it: "Myanmar Time",
 * "เวลาเนปาล", "शिकागो समय", "Chicago Time"; never "Asia/Yangon". ICU's generic *location* format
 * names the country, or the city where a country has several zones. English has abbreviations for
 * a few zones ("CT"), and zones without a place ("UTC") come out as offsets: those take the long
 * generic name instead, and the city from the zone's id when the runtime knows no name at all.
 */
const cache = new Map<string, string>();

export function zoneName(timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let name = cache.get(key);
  if (name === undefined) {
    name = place(timeZone, locale);
    cache.set(key, name);
  }
  return name;
}

/** Offsets ("GMT+06:30", "GMT+၀") and abbreviations ("CT", "PST") are not places. */
const NOT_A_PLACE = /^(GMT|UTC)|[+−]|^[A-Z]{1,5}$/;
/** "Myanmar (Burma) Time" → "Myanmar Time": the country's long form reads badly inside a time. */
const ASIDE = /\s*[(（][^)）]*[)）]/g;

function place(timeZone: string, locale: string): string {
  const styles = /^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(timeZone) ? (['long'] as const) : (['shortGeneric', 'longGeneric'] as const);
  for (const timeZoneName of styles) {
    const name = partOf(timeZone, locale, timeZoneName);
    if (name && (timeZoneName === 'long' || !NOT_A_PLACE.test(name))) return name.replace(ASIDE, '');
  }
  return cityOf(timeZone);
}

function partOf(timeZone: string, locale: string, timeZoneName: Intl.DateTimeFormatOptions['timeZoneName']): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName })
      .formatToParts(new Date(0))
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined; // an unknown zone, a malformed tag, or a runtime without the generic styles
  }
}
