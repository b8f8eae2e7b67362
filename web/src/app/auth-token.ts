/**
 * The session token from signUp/logIn. It lives in localStorage so a reload keeps the session;
 * log-out removes it. Storage can be unavailable (private modes, locked-down browsers): then the
 * session simply lasts as long as the page.
 */
const KEY = 'kapwa.token';
let memory: string | null = null;

export function readToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return memory;
  }
}

export function writeToken(token: string | null): void {
  memory = token;
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // keep the in-memory copy only
  }
}
