import { expect, test } from 'vitest';
import { zoneOptions } from './time-zone-select';

const label = (language: string, zone: string) => zoneOptions(language).find((option) => option.zone === zone)?.label;

// Naming every zone takes a few hundred formatters per language: slow on a busy test machine.
test('zones are offered as places in the reader’s language, with their offset', { timeout: 30_000 }, () => {
  expect(label('en', 'Asia/Yangon')).toBe('Myanmar Time (UTC+06:30)');
  expect(label('my', 'Asia/Yangon')).toBe('မြန်မာ အချိန် (UTC+06:30)');
  expect(label('ne', 'Asia/Kathmandu')).toBe('नेपाल समय (UTC+05:45)');
  expect(label('th', 'Asia/Bangkok')).toBe('เวลาไทย (UTC+07:00)');
  for (const language of ['en', 'th', 'ne', 'my']) expect(zoneOptions(language).some((o) => /\/|_/.test(o.label))).toBe(false);
});

test('zones that share a name are told apart by their city, so every choice is distinct', () => {
  for (const language of ['en', 'th', 'ne', 'my']) {
    const labels = zoneOptions(language).map((option) => option.label);
    expect(new Set(labels).size, language).toBe(labels.length);
  }
  expect(label('en', 'America/Winnipeg')).toMatch(/^Central Time · Winnipeg \(UTC/);
});
