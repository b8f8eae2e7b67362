import { isTabOnlySession } from './auth-token';
import { forgetOnQuickExit } from './quick-exit';

/**
 * Text a person wrote that the server has not confirmed yet, kept on this device so a reload, a closed
 * tab or a dropped connection never loses a word: an assignment's answer, a forum reply. Each feature
 * asks for its own store (`draftStore('assignment')`); one entry per person and place (an assignment, a
 * thread); it is removed only once the server has confirmed exactly that text. Never shown to another
 * account (keyed by person). On a shared computer (a tab-only session) it is kept for the tab alone, and
 * Quick exit forgets every entry of every store.
 */
export interface KeptDraft {
  body: string;
  /** The submission's version the text was written on (null: no submission existed yet). */
  baseVersion: number | null;
  /** When it was last changed on this device (ISO 8601). */
  keptAt: string;
}

const PREFIXES = new Set<string>();

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

export interface DraftStore {
  /** Keeps `body` on the device; returns false when the browser refuses storage (full, or blocked). */
  keepDraft(userId: string, placeId: string, body: string, baseVersion: number | null, now?: Date): boolean;
  readDraft(userId: string, placeId: string): KeptDraft | null;
  /** The server confirmed `confirmedBody`: forget the kept text, but only if it is still that text. */
  forgetDraft(userId: string, placeId: string, confirmedBody: string): void;
}

/**
 * The store of one kind of draft ("assignment", "reply"), under `kapwa.<kind>-draft.<person>.<place>`.
 * Asking twice for one kind gives the same entries.
 */
export function draftStore(kind: string): DraftStore {
  const prefix = `kapwa.${kind}-draft.`;
  PREFIXES.add(prefix);
  const keyOf = (userId: string, placeId: string) => `${prefix}${userId}.${placeId}`;

  /** Keeps `body` on the device; returns false when the browser refuses storage (full, or blocked). */
  function keepDraft(userId: string, placeId: string, body: string, baseVersion: number | null, now = new Date()): boolean {
    const entry: KeptDraft = { body, baseVersion, keptAt: now.toISOString() };
    try {
      const target = store();
      if (!target) return false;
      target.setItem(keyOf(userId, placeId), JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  function readDraft(userId: string, placeId: string): KeptDraft | null {
    for (const candidate of stores()) {
      try {
        const raw = candidate.getItem(keyOf(userId, placeId));
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
  function forgetDraft(userId: string, placeId: string, confirmedBody: string): void {
    const kept = readDraft(userId, placeId);
    if (kept && kept.body !== confirmedBody) return;
    for (const candidate of stores()) {
      try {
        candidate.removeItem(keyOf(userId, placeId));
      } catch {
        // nothing to remove
      }
    }
  }

  return { keepDraft, readDraft, forgetDraft };
}

/** Quick exit leaves nothing a learner wrote on the device. */
export function forgetAllDrafts(): void {
  for (const candidate of stores()) {
    try {
      for (const key of Object.keys(candidate)) if ([...PREFIXES].some((prefix) => key.startsWith(prefix))) candidate.removeItem(key);
    } catch {
      // storage unavailable
    }
  }
}

forgetOnQuickExit(forgetAllDrafts);
