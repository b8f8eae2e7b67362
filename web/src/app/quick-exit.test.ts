import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { readToken, writeToken } from './auth-token';
import { browser, continueQuickExit, escapeCounter, forgetOnQuickExit, NEUTRAL_PAGE, quickExit } from './quick-exit';

const replace = vi.fn();
beforeEach(() => {
  browser.replace = replace;
  document.documentElement.hidden = false;
  window.history.replaceState(null, '', '/');
});
afterEach(() => replace.mockReset());

const escape = { key: 'Escape', repeat: false };

test('Escape pressed three times within a moment exits; slower presses, held keys and other keys do not', () => {
  let now = 0;
  const exit = vi.fn();
  const press = escapeCounter(exit, () => now);

  for (const at of [0, 1000, 2000, 3000]) {
    now = at;
    press(escape); // each press is more than a window after the one two before
  }
  press({ key: 'Escape', repeat: true });
  press({ key: 'Enter', repeat: false });
  expect(exit).not.toHaveBeenCalled();

  now = 10_000;
  press(escape);
  now = 10_300;
  press(escape);
  now = 10_600;
  press(escape);
  expect(exit).toHaveBeenCalledTimes(1);
});

test('quick exit hides the page, forgets the session and what the tab holds, and replaces the page with a neutral one', () => {
  writeToken('kept-token');
  sessionStorage.setItem('kapwa.token', 'tab-token');
  sessionStorage.setItem('anything', 'else');
  const cache = vi.fn();
  forgetOnQuickExit(cache);

  quickExit();

  expect(document.documentElement.hidden).toBe(true);
  expect(readToken()).toBeNull();
  expect(localStorage.length).toBe(0);
  expect(sessionStorage.length).toBe(0);
  expect(cache).toHaveBeenCalled();
  expect(replace).toHaveBeenCalledWith(NEUTRAL_PAGE);
});

test('after moving between pages, quick exit first steps back over them, so Back cannot lead into Kapwa', async () => {
  // What the router leaves in history after two navigations.
  window.history.pushState({ idx: 1 }, '', '/courses');
  window.history.pushState({ idx: 2 }, '', '/courses/defenders');
  const go = vi.spyOn(window.history, 'go');

  quickExit();

  expect(sessionStorage.getItem('kapwa.leaving')).toBe('1'); // a Kapwa page shown meanwhile leaves too
  await vi.waitFor(() => expect(replace).toHaveBeenCalledWith(NEUTRAL_PAGE));
  expect(go.mock.calls).toEqual([[-1], [-1]]);
  expect(window.location.pathname).toBe('/');
  expect(sessionStorage.getItem('kapwa.leaving')).toBeNull();
  go.mockRestore();
});

test('an entry quick exit stepped over leaves again if Forward brings it back', () => {
  window.history.replaceState({ idx: 1, kapwaExited: true }, '', '/courses');
  continueQuickExit();
  expect(document.documentElement.hidden).toBe(true);
  expect(replace).toHaveBeenCalledWith(NEUTRAL_PAGE);

  replace.mockReset();
  document.documentElement.hidden = false;
  window.history.replaceState({ idx: 1 }, '', '/courses');
  continueQuickExit(); // an ordinary visit
  expect(replace).not.toHaveBeenCalled();
  expect(document.documentElement.hidden).toBe(false);
});
