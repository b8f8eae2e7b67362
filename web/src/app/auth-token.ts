/**
 * The session token from signUp/logIn. It lives in localStorage so a reload keeps the session;
 * log-out removes it. On a shared computer it lives in sessionStorage instead, which the browser
 * drops when the tab closes, so the next person at the computer finds no session. Storage can be
 * unavailable (private modes, locked-down browsers): then the session simply lasts as long as the page.
 */
const KEY = 'kapwa.token';
let memory: string | null = null;

function stores(): Storage[] {
  try {
    return [sessionStorage, localStorage];
  } catch {
    return [];
  }
}

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
  } catch {
    return memory;
  }
}

/** `shared`: keep the token only for this tab (a shared computer's log-in). */
export function writeToken(token: string | null, { shared = false } = {}): void {
  memory = token;
  try {
    for (const store of stores()) store.removeItem(KEY);
    if (token) (shared ? sessionStorage : localStorage).setItem(KEY, token);
  } catch {
    // keep the in-memory copy only
  }
}

/** Whether this tab's session is a shared computer's (kept only for the tab): what else it keeps should be too. */
export function isTabOnlySession(): boolean {
  try {
    return sessionStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}
