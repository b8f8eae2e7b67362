import { calendarDateParts, formatCalendarDate, formatInstant, formatInstantWithZones, utcToZoned, zonedToUtc } from '@kapwa/shared';
import { describe, expect, test } from 'vitest';

// Nothing here may depend on the machine's zone: run with TZ=Pacific/Kiritimati (+14) and TZ=Pacific/Pago_Pago (−11).

/** Monday 7 December 2026, midnight in Bangkok: 17:00 UTC on the 6th. */
const BANGKOK_MONDAY = new Date('2026-12-06T17:00:00Z');

describe('a course’s calendar dates', () => {
  test('are the course’s date for every reader: Mon, Dec 7 in Bangkok stays Dec 7 in Kathmandu', () => {
    expect(formatCalendarDate(BANGKOK_MONDAY, 'Asia/Bangkok', 'en')).toBe('Mon, Dec 7, 2026');
    expect(calendarDateParts(BANGKOK_MONDAY, 'Asia/Bangkok', 'Asia/Kathmandu', 'en')).toEqual({
      date: 'Mon, Dec 7, 2026',
      city: 'Bangkok',
      local: 'Sun, Dec 6, 2026, 22:45',
    });
  });

  test('carry no second time for a reader on the course’s clock', () => {
    expect(calendarDateParts(BANGKOK_MONDAY, 'Asia/Bangkok', 'Asia/Bangkok', 'en').local).toBeNull();
    // Jakarta is another zone on the same clock.
    expect(calendarDateParts(BANGKOK_MONDAY, 'Asia/Bangkok', 'Asia/Jakarta', 'en').local).toBeNull();
  });

  test('keep their clock when the moment is not the start of the day (a module opening at 09:30)', () => {
    expect(calendarDateParts(new Date('2027-02-08T02:30:00Z'), 'Asia/Bangkok', 'Asia/Yangon', 'en')).toEqual({
      date: 'Mon, Feb 8, 2027, 09:30',
      city: 'Bangkok',
      local: 'Mon, Feb 8, 2027, 09:00',
    });
  });

  test('are written in the reader’s language', () => {
    expect(formatCalendarDate(BANGKOK_MONDAY, 'Asia/Bangkok', 'th')).toContain('7');
    expect(formatCalendarDate(BANGKOK_MONDAY, 'Asia/Bangkok', 'th')).not.toBe(formatCalendarDate(BANGKOK_MONDAY, 'Asia/Bangkok', 'en'));
    expect(formatCalendarDate(BANGKOK_MONDAY, 'Asia/Bangkok', 'en', false)).toBe('Dec 7, 2026');
  });
});

describe('instants in the reader’s zone', () => {
  test('an opening at 02:30 UTC reads 09:00 in Yangon and 09:30 in Bangkok', () => {
    expect(formatInstant(new Date('2027-02-08T02:30:00Z'), 'Asia/Yangon', 'en')).toBe('Mon, Feb 8, 2027, 09:00');
    expect(formatInstant(new Date('2027-02-08T02:30:00Z'), 'Asia/Bangkok', 'en', false)).toBe('09:30');
  });

  test('a session shows the organiser’s clock beside the reader’s, with its date when that differs', () => {
    expect(formatInstantWithZones(new Date('2026-11-20T02:30:00Z'), 'Asia/Yangon', 'Asia/Tokyo', 'en')).toBe(
      'Fri, Nov 20, 2026, 09:00 (Yangon) — 11:30 Tokyo',
    );
    expect(formatInstantWithZones(new Date('2026-11-20T12:30:00Z'), 'Pacific/Fiji', 'Asia/Yangon', 'en')).toBe(
      'Sat, Nov 21, 2026, 00:30 (Fiji) — Fri, Nov 20, 2026, 19:00 Yangon',
    );
  });
});

describe('times entered in the course’s zone', () => {
  test('09:30 in Bangkok is 02:30 UTC', () => {
    expect(zonedToUtc('2027-02-08T09:30', 'Asia/Bangkok')).toBe('2027-02-08T02:30:00.000Z');
  });

  test('zones with odd offsets: Kathmandu +05:45, Yangon +06:30', () => {
    expect(zonedToUtc('2027-02-08T09:00', 'Asia/Kathmandu')).toBe('2027-02-08T03:15:00.000Z');
    expect(zonedToUtc('2027-02-08T09:00', 'Asia/Yangon')).toBe('2027-02-08T02:30:00.000Z');
  });

  test('a date alone means midnight in the zone, even across the date line', () => {
    expect(zonedToUtc('2027-02-08', 'Pacific/Auckland')).toBe('2027-02-07T11:00:00.000Z');
  });

  test('daylight saving time is applied for the date entered, not today', () => {
    // Sydney: +11 in January (summer time), +10 in July.
    expect(zonedToUtc('2027-01-15T10:00', 'Australia/Sydney')).toBe('2027-01-14T23:00:00.000Z');
    expect(zonedToUtc('2027-07-15T10:00', 'Australia/Sydney')).toBe('2027-07-15T00:00:00.000Z');
  });

  test('round trip back to the wall clock', () => {
    expect(utcToZoned('2027-02-08T02:30:00Z', 'Asia/Bangkok')).toBe('2027-02-08T09:30');
    expect(utcToZoned('2027-02-07T11:00:00.000Z', 'Pacific/Auckland')).toBe('2027-02-08T00:00');
  });

  test('text that is not a date is refused', () => {
    expect(zonedToUtc('next week', 'Asia/Bangkok')).toBeNull();
  });
});
