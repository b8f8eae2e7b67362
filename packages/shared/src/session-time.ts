/**
 * How a live session's time is written everywhere (pages, emails, reminders): in the reader's zone
 * and language, with the organiser's zone beside it when it differs, e.g.
 * "Fri 20 Nov 2026, 09:00 (Yangon) — 11:30 Tokyo".
 */
export function cityOf(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replaceAll('_', ' ');
}

export function formatInZone(instant: Date, timeZone: string, locale: string, withDate = true): string {
  const options: Intl.DateTimeFormatOptions = withDate
    ? { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return new Intl.DateTimeFormat(safeLocale(locale), options).format(instant);
}

/** `nameZone` names each zone; pages pass `zoneName` to name it as a place in the reader's language. */
export function formatSessionTime(
  instant: Date,
  readerZone: string,
  organiserZone: string,
  locale: string,
  nameZone: (timeZone: string) => string = cityOf,
): string {
  const local = `${formatInZone(instant, readerZone, locale)} (${nameZone(readerZone)})`;
  if (sameClock(instant, readerZone, organiserZone)) return local;
  const organiser = formatInZone(instant, organiserZone, locale, dateInZone(instant, organiserZone) !== dateInZone(instant, readerZone));
  return `${local} — ${organiser} ${nameZone(organiserZone)}`;
}

function sameClock(instant: Date, a: string, b: string): boolean {
  return a === b || formatInZone(instant, a, 'en') === formatInZone(instant, b, 'en');
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
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant a wall-clock time in a zone names: "2026-11-20", "11:30", "Asia/Tokyo" → 02:30Z.
 * For a time that a daylight-saving change skips, the later offset applies.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = new Date(wall - offsetMinutes(new Date(wall), timeZone) * 60_000);
  instant = new Date(wall - offsetMinutes(instant, timeZone) * 60_000);
  return instant;
}

/** The calendar date ("2026-11-20") of an instant in a zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
