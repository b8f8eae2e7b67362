import { describe, expect, test } from 'vitest';
import { formatDateTime, utcToZoned, zonedToUtc } from './course-time';

describe('times in the reader’s zone', () => {
  test('an opening at 02:30 UTC reads 09:00 in Yangon and 09:30 in Bangkok', () => {
    expect(formatDateTime('2027-02-08T02:30:00Z', 'en', 'Asia/Yangon')).toMatch(/Feb 8, 2027.*09:00/);
    expect(formatDateTime('2027-02-08T02:30:00Z', 'en', 'Asia/Bangkok')).toMatch(/09:30/);
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
  });

  test('text that is not a date is refused', () => {
    expect(zonedToUtc('next week', 'Asia/Bangkok')).toBeNull();
  });
});
