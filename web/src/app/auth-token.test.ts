import { expect, test } from 'vitest';
import { readToken, writeToken } from './auth-token';

test('a session is kept across tabs and reloads, unless the computer is shared', () => {
  writeToken('own-computer');
  expect(localStorage.getItem('kapwa.token')).toBe('own-computer');
  expect(readToken()).toBe('own-computer');

  writeToken('shared-computer', { shared: true });
  expect(sessionStorage.getItem('kapwa.token')).toBe('shared-computer');
  expect(localStorage.getItem('kapwa.token')).toBeNull(); // the earlier session is not left behind
  expect(readToken()).toBe('shared-computer');

  writeToken(null);
  expect(readToken()).toBeNull();
  expect(sessionStorage.length + localStorage.length).toBe(0);
});
