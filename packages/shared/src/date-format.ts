import { zoneName } from './zone-names.js';

/**
 * Every date and time Kapwa shows, on pages and in emails, is written here. Two kinds of time:
 *
 * - An instant (a live session's start): written in the reader's zone, with the organiser's zone beside it
 *   when its clock differs, e.g. "Fri, Nov 20, 2026, 09:00 (Yangon) — 11:30 Tokyo".
 * - A calendar date (a course's start and end, a module's opening, a due date): it belongs to the course's
 *   zone, so it is written in that zone whatever the reader's; "Mon, Dec 7" in Bangkok stays Dec 7 in
 *   Kathmandu. The reader's own clock at that instant is given beside when it differs.
 *
 * Nothing here reads the machine's zone: every function takes the zones it writes in.
 */

/** "Asia/Ho_Chi_Minh" → "Ho Chi Minh": the city people know the zone by. */
export function cityOf(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replaceAll('_', ' ');
}

/**
 * A zone as pages name it: a place in the reader's language when `language` is given ("Asia/Yangon" →
 * "Myanmar Time", "မြန်မာ အချိန်", see zone-names.ts), else region and city ("Asia/Ho Chi Minh").
 */
export function zoneLabel(zone: string, language?: string): string {
  return language ? zoneName(zone, language) : zone.replaceAll('_', ' ');
}

/** Names a zone inside a sentence: emails use the city; pages pass `(zone) => zoneLabel(zone, language)`. */
export type ZoneNamer = (timeZone: string) => string;

const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const DATE_ONLY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
/** A 24-hour clock reads the same across the region. */
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function format(instant: Date, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone }).format(instant);
}

/** An instant's date and time in one zone: "Fri, Nov 20, 2026, 09:00" (the time alone with `withDate` false). */
export function formatInstant(instant: Date, timeZone: string, locale: string, withDate = true): string {
  return format(instant, timeZone, locale, withDate ? { ...DATE, ...CLOCK } : CLOCK);
}

/**
 * An instant for a reader: in their zone and language, with the organiser's zone beside it when its clock
 * differs (and the organiser's date too when that differs as well).
 */
export function formatInstantWithZones(
  instant: Date,
  readerZone: string,
  organiserZone: string,
  locale: string,
  nameZone: ZoneNamer = cityOf,
): string {
  const local = `${formatInstant(instant, readerZone, locale)} (${nameZone(readerZone)})`;
  if (sameClock(instant, readerZone, organiserZone)) return local;
  const organiser = formatInstant(instant, organiserZone, locale, dateInZone(instant, organiserZone) !== dateInZone(instant, readerZone));
  return `${local} — ${organiser} ${nameZone(organiserZone)}`;
}

/**
 * A course's calendar date: the date of `instant` in the course's zone, "Mon, Dec 7, 2026" ("Dec 7, 2026"
 * without the weekday), whoever reads it.
 */
export function formatCalendarDate(instant: Date, courseZone: string, locale: string, withWeekday = true): string {
  return format(instant, courseZone, locale, withWeekday ? DATE : DATE_ONLY);
}

export interface CalendarDateParts {
  /** The course's date, with its clock when the moment is not the start of the day: "Mon, Dec 7, 2026, 09:00". */
  date: string;
  /** The course's zone as a city: "Bangkok". */
  city: string;
  /** The reader's date and time at that moment, when their clock differs: "Sun, Dec 6, 2026, 22:45"; else null. */
  local: string | null;
}

/**
 * A course date (a start, an opening, a due date) for a reader: the course's calendar date, and the reader's
 * own date and time beside it when their clock differs. Pages label the parts in the reader's language.
 */
export function calendarDateParts(
  instant: Date,
  courseZone: string,
  readerZone: string,
  locale: string,
  nameZone: ZoneNamer = cityOf,
): CalendarDateParts {
  const startOfDay = formatInstant(instant, courseZone, 'en', false) === '00:00';
  return {
    date: startOfDay ? formatCalendarDate(instant, courseZone, locale) : formatInstant(instant, courseZone, locale),
    city: nameZone(courseZone),
    local: sameClock(instant, readerZone, courseZone) ? null : formatInstant(instant, readerZone, locale),
  };
}

/** The same in one line, for emails: "Mon, Dec 7, 2026 (Bangkok) — Sun, Dec 6, 2026, 22:45 Kathmandu". */
export function formatCalendarDateWithZones(instant: Date, courseZone: string, readerZone: string, locale: string): string {
  const parts = calendarDateParts(instant, courseZone, readerZone, locale);
  const course = `${parts.date} (${parts.city})`;
  return parts.local ? `${course} — ${parts.local} ${cityOf(readerZone)}` : course;
}

function sameClock(instant: Date, a: string, b: string): boolean {
  return a === b || formatInstant(instant, a, 'en') === formatInstant(instant, b, 'en');
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Minutes east of UTC that a zone is at a given instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in a zone names: "2026-11-20", "11:30", "Asia/Tokyo" → 02:30Z.
 * For a time that a daylight-saving change skips, clocks move forward by the gap.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the guess.
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - offsetMinutes(new Date(first), timeZone) * 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * What a form's date or datetime-local input holds ("2027-02-08T09:30", or "2027-02-08" meaning midnight),
 * read in `timeZone`, as an ISO instant. Null for text that is not a date.
 */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00'] = match;
  const instant = zonedTimeToInstant(`${y}-${mo}-${d}`, `${h}:${mi}`, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** An instant as a wall-clock "YYYY-MM-DDTHH:mm" in `timeZone`, for a datetime-local input. */
export function utcToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** The calendar date ("2026-11-20") of an instant in a zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
