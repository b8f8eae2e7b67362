/**
 * IANA time zones. The runtime's own list (ICU) is the source, so the API and every browser agree
 * with the clocks they will format times with.
 */
let cached: string[] | undefined;

/**
 * ICU (Node 20, some browsers) still lists a few zones under names IANA has since replaced, and
 * people look for the current spelling. Both spellings are valid (they are aliases).
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA spelling of a zone name ("Asia/Rangoon" → "Asia/Yangon"). */
export function currentZoneName(zone: string): string {
  return CURRENT_NAMES[zone] ?? zone;
}

/** Every zone, in its current spelling, sorted, with UTC. */
export function timeZones(): string[] {
  if (!cached) {
    const zones = new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName));
    zones.add('UTC');
    cached = [...zones].filter(isTimeZone).sort();
  }
  return cached;
}

const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * True for an IANA zone name such as "Asia/Kathmandu" or "UTC". Older aliases the runtime still
 * understands ("Asia/Rangoon") are accepted; offsets ("+05:45") and abbreviations ("IST") are not.
 */
export function isTimeZone(value: string): boolean {
  if (!IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
