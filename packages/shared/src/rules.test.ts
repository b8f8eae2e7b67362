import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalLocale, isCountryCode, isLocale, isTimeZone, timeZones } from './index.js';

test('time zones: IANA names pass, offsets and abbreviations do not', () => {
  for (const zone of ['Asia/Kathmandu', 'Asia/Yangon', 'America/Argentina/Buenos_Aires', 'UTC']) {
    assert.equal(isTimeZone(zone), true, zone);
  }
  for (const zone of ['Asia/Atlantis', '+05:45', 'IST', '', 'asia/tokyo']) {
    assert.equal(isTimeZone(zone), false, zone);
  }
  assert.ok(timeZones().includes('Asia/Manila'));
  assert.ok(timeZones().includes('Asia/Yangon') && !timeZones().includes('Asia/Rangoon'));
  assert.equal(isTimeZone('Asia/Rangoon'), true, 'old spellings stay valid');
});

test('countries: ISO 3166-1 alpha-2 only', () => {
  assert.equal(isCountryCode('NP'), true);
  assert.equal(isCountryCode('np'), false);
  assert.equal(isCountryCode('XX'), false);
  assert.equal(isCountryCode('NPL'), false);
});

test('locales: BCP-47 tags', () => {
  assert.equal(isLocale('th'), true);
  assert.equal(isLocale('zh-Hant-TW'), true);
  assert.equal(isLocale('not a locale'), false);
  assert.equal(canonicalLocale('EN-us'), 'en-US');
});

test('a session time is written in the reader zone with the organiser zone beside it', async () => {
  const { formatInstantWithZones } = await import('./index.js');
  const orientation = new Date('2026-11-20T02:30:00Z'); // 11:30 in Tokyo
  assert.equal(formatInstantWithZones(orientation, 'Asia/Yangon', 'Asia/Tokyo', 'en'), 'Fri, Nov 20, 2026, 09:00 (Yangon) — 11:30 Tokyo');
  assert.equal(formatInstantWithZones(orientation, 'Asia/Manila', 'Asia/Tokyo', 'en'), 'Fri, Nov 20, 2026, 10:30 (Manila) — 11:30 Tokyo');
  assert.equal(formatInstantWithZones(orientation, 'Asia/Tokyo', 'Asia/Tokyo', 'en'), 'Fri, Nov 20, 2026, 11:30 (Tokyo)');
  // Across midnight the organiser's date is written too.
  assert.equal(
    formatInstantWithZones(new Date('2026-11-20T12:30:00Z'), 'Pacific/Fiji', 'Asia/Yangon', 'en'),
    'Sat, Nov 21, 2026, 00:30 (Fiji) — Fri, Nov 20, 2026, 19:00 Yangon',
  );
  assert.equal(formatInstantWithZones(orientation, 'Asia/Yangon', 'Asia/Tokyo', 'th').includes('09:00'), true);
});

test('a wall-clock time in a zone becomes the right instant, across daylight saving', async () => {
  const { zonedTimeToInstant, dateInZone } = await import('./index.js');
  assert.equal(zonedTimeToInstant('2026-11-20', '11:30', 'Asia/Tokyo').toISOString(), '2026-11-20T02:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-11-20', '09:00', 'Asia/Kathmandu').toISOString(), '2026-11-20T03:15:00.000Z');
  assert.equal(zonedTimeToInstant('2027-01-15', '09:00', 'Australia/Sydney').toISOString(), '2027-01-14T22:00:00.000Z');
  assert.equal(zonedTimeToInstant('2027-07-15', '09:00', 'Australia/Sydney').toISOString(), '2027-07-14T23:00:00.000Z');
  assert.equal(dateInZone(new Date('2026-11-20T17:00:00Z'), 'Pacific/Auckland'), '2026-11-21');
});

test('a zone is named as a place in the reader’s language, never by its id', async () => {
  const { zoneName, formatInstantWithZones, INTERFACE_LOCALES } = await import('./index.js');
  assert.equal(zoneName('Asia/Yangon', 'en'), 'Myanmar Time');
  assert.equal(zoneName('Asia/Kathmandu', 'ne'), 'नेपाल समय');
  assert.equal(zoneName('Asia/Yangon', 'my'), 'မြန်မာ အချိန်');
  assert.equal(zoneName('Asia/Bangkok', 'th'), 'เวลาไทย');
  // Where a country has several zones, the city names it, in the reader's script.
  assert.equal(zoneName('America/Chicago', 'th'), 'เวลาชิคาโก');
  // No abbreviations ("CT") or offsets ("GMT+00:00") stand for a place.
  assert.equal(zoneName('America/Chicago', 'en'), 'Central Time');
  assert.equal(zoneName('UTC', 'en'), 'Coordinated Universal Time');
  for (const locale of INTERFACE_LOCALES) {
    for (const zone of ['Asia/Yangon', 'Asia/Kathmandu', 'Asia/Ho_Chi_Minh', 'UTC']) assert.doesNotMatch(zoneName(zone, locale), /\/|_|GMT/);
  }
  assert.equal(
    formatInstantWithZones(new Date('2026-11-20T02:30:00Z'), 'Asia/Yangon', 'Asia/Tokyo', 'en', (zone: string) => zoneName(zone, 'en')),
    'Fri, Nov 20, 2026, 09:00 (Myanmar Time) — 11:30 Japan Time',
  );
});
