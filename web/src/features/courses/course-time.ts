import { zoneName } from '@kapwa/shared';

/**
 * Times that agree everywhere: the API keeps UTC instants; pages show them in the reader's zone (their
 * profile's, or the browser's when signed out) with the course's zone beside when it differs. Trainers
 * enter times in the course's zone; we convert to UTC here, never by hand.
 */

/** "Mon, Feb 8, 2027, 09:00": a 24-hour clock reads the same across the region. */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { ...DATE_TIME, timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { ...DATE, timeZone }).format(new Date(iso));
}

/** A zone as a place in the reader's language ("Asia/Yangon" → "Myanmar Time", "မြန်မာ အချိန်"). */
export function zoneLabel(zone: string, language: string): string {
  return zoneName(zone, language);
}

/** Milliseconds the zone is ahead of UTC at `instant` (Asia/Yangon: +6h30). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * A wall-clock time in `timeZone` ("2027-02-08T09:30", or a date "2027-02-08" meaning midnight) →
 * the UTC instant as ISO 8601. In a daylight-saving gap the time is moved forward by the gap, as
 * clocks do. Returns null for text that is not a date.
 */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(wall)) return null;
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the guess.
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  return new Date(second).toISOString();
}

/** The UTC instant as a wall-clock "YYYY-MM-DDTHH:mm" in `timeZone`, for a datetime-local input. */
export function utcToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  return new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 16);
}
