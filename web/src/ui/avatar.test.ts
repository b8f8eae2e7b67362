import { expect, test } from 'vitest';
import { initialsOf } from './avatar';

test('initials are the first letters of the first and last words, whatever the script', () => {
  expect(initialsOf('Maria Santos')).toBe('MS');
  expect(initialsOf('maria clara de la cruz')).toBe('MC');
  expect(initialsOf('Ana (pseudonym)')).toBe('AP');
  expect(initialsOf('ศิริพร')).toBe('ศ');
  expect(initialsOf('  — ')).toBe('?');
});
