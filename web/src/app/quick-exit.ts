import { writeToken } from './auth-token';

/**
 * Quick exit, for people who may be watched: one click on the shell's button, or Escape pressed three
 * times in a row, replaces Kapwa with a neutral page. The page is hidden at once; the tab forgets the
 * session (both storages), whatever it keeps in memory and what it saved for offline reading (the
 * forgetter register-service-worker.ts adds once the page has loaded: without the token, the saved
 * copies can no longer be shown anyway); and the history entries this visit added are
 * stepped back over before the page is replaced, so Back does not lead to Kapwa.
 */
export const NEUTRAL_PAGE = 'https://www.google.com/search?q=weather';

/** Escape pressed this many times within WINDOW_MS. */
export const EXIT_PRESSES = 3;
const WINDOW_MS = 1500;

/** Set while stepping back through history: any Kapwa page that shows up meanwhile leaves at once. */
const LEAVING = 'kapwa.leaving';

const forgetters = new Set<() => void>();

/** Something the tab holds in memory (the Apollo cache) that quick exit must drop. */
export function forgetOnQuickExit(forget: () => void): void {
  forgetters.add(forget);
}

/** Where leaving goes through; tests put a spy here (jsdom cannot navigate). */
export const browser = {
  replace: (url: string) => window.location.replace(url),
};

function leave() {
  try {
    sessionStorage.removeItem(LEAVING);
  } catch {
    // nothing to remove
  }
  browser.replace(NEUTRAL_PAGE);
}

export function quickExit(): void {
  document.documentElement.hidden = true;
  writeToken(null);
  try {
    sessionStorage.clear();
  } catch {
    // storage unavailable: nothing kept there
  }
  for (const forget of forgetters) {
    try {
      forget();
    } catch {
      // leaving matters more than tidying
    }
  }
  // The router numbers the entries it pushed (history.state.idx): step back over them to the first and
  // replace that one. Each entry stepped over is marked, so that Forward from the neutral page, which
  // would reach them, leaves again at once.
  const depth = (window.history.state as { idx?: unknown } | null)?.idx;
  if (typeof depth !== 'number' || depth <= 0) return leave();
  try {
    sessionStorage.setItem(LEAVING, '1');
  } catch {
    return leave();
  }
  stepBack(depth);
}

const EXITED = 'kapwaExited';

function markEntry() {
  try {
    window.history.replaceState({ ...((window.history.state as object | null) ?? {}), [EXITED]: true }, '');
  } catch {
    // unmarked: only Forward could reach it
  }
}

function stepBack(remaining: number) {
  markEntry();
  if (remaining <= 0) return leave();
  const timer = window.setTimeout(leave, 1000); // in case no popstate comes
  window.addEventListener(
    'popstate',
    () => {
      window.clearTimeout(timer);
      stepBack(remaining - 1);
    },
    { once: true },
  );
  window.history.go(-1);
}

/**
 * Run first on every page start, and when the browser restores a page from its cache: a page that
 * appears while quick exit steps back through history, or an entry it stepped over, leaves at once.
 */
export function continueQuickExit(): void {
  const pending = () => {
    if ((window.history.state as Record<string, unknown> | null)?.[EXITED]) return true;
    try {
      return sessionStorage.getItem(LEAVING) !== null;
    } catch {
      return false;
    }
  };
  if (pending()) {
    document.documentElement.hidden = true;
    leave();
  }
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && pending()) leave();
  });
}

/** Counts Escape presses; calls `exit` on the third within the window. */
export function escapeCounter(exit: () => void, now: () => number = Date.now) {
  let presses: number[] = [];
  return (event: Pick<KeyboardEvent, 'key' | 'repeat'>) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const time = now();
    presses = [...presses.filter((at) => time - at < WINDOW_MS), time];
    if (presses.length >= EXIT_PRESSES) {
      presses = [];
      exit();
    }
  };
}
