import { isTabOnlySession } from '../../app/auth-token';
import { forgetOnQuickExit } from '../../app/quick-exit';

/**
 * Text a learner wrote that the server has not confirmed yet, kept on this device so a reload, a closed
 * tab or a dropped connection never loses a word. One entry per person and assignment; it is removed only
 * once the server has confirmed exactly that text. On a shared computer (a tab-only session) it is kept for
 * the tab alone, and Quick exit forgets every entry.
 */
export interface KeptDraft {
  body: string;
  /** The submission's version the text was written on (null: no submission existed yet). */
  baseVersion: number | null;
  /** When it was last changed on this device (ISO 8601). */
  keptAt: string;
}

const PREFIX = 'kapwa.assignment-draft.';

function keyOf(userId: string, assignmentId: string): string {
  return `${PREFIX}${userId}.${assignmentId}`;
}

function stores(): Storage[] {
  try {
    return [sessionStorage, localStorage];
  } catch {
    return [];
  }
}

function store(): Storage | null {
  try {
    return isTabOnlySession() ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

/** Keeps `body` on the device; returns false when the browser refuses storage (full, or blocked). */
export function keepDraft(userId: string, assignmentId: string, body: string, baseVersion: number | null, now = new Date()): boolean {
  const entry: KeptDraft = { body, baseVersion, keptAt: now.toISOString() };
  try {
    const target = store();
    if (!target) return false;
    target.setItem(keyOf(userId, assignmentId), JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

export function readDraft(userId: string, assignmentId: string): KeptDraft | null {
  for (const candidate of stores()) {
    try {
      const raw = candidate.getItem(keyOf(userId, assignmentId));
      if (!raw) continue;
      const parsed = JSON.parse(raw) as Partial<KeptDraft>;
      if (typeof parsed.body !== 'string') continue;
      return {
        body: parsed.body,
        baseVersion: typeof parsed.baseVersion === 'number' ? parsed.baseVersion : null,
        keptAt: typeof parsed.keptAt === 'string' ? parsed.keptAt : new Date(0).toISOString(),
      };
    } catch {
      // unreadable entry: treat as absent
    }
  }
  return null;
}

/**
 * The server confirmed `confirmedBody`: forget the kept text, but only if it is still that text (what was
 * typed while the save travelled stays kept until it is confirmed in turn).
 */
export function forgetDraft(userId: string, assignmentId: string, confirmedBody: string): void {
  const kept = readDraft(userId, assignmentId);
  if (kept && kept.body !== confirmedBody) return;
  for (const candidate of stores()) {
    try {
      candidate.removeItem(keyOf(userId, assignmentId));
    } catch {
      // nothing to remove
    }
  }
}

/** Quick exit leaves nothing a learner wrote on the device. */
export function forgetAllDrafts(): void {
  for (const candidate of stores()) {
    try {
      for (const key of Object.keys(candidate)) if (key.startsWith(PREFIX)) candidate.removeItem(key);
    } catch {
      // storage unavailable
    }
  }
}

forgetOnQuickExit(forgetAllDrafts);
