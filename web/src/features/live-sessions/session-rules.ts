import type { TFunction } from 'i18next';

/** The join link shows from this many minutes before the start until the session ends. */
export const JOIN_OPENS_MINUTES_BEFORE = 15;

/** The API's rules for session input (api/src/live-sessions/dto), checked before sending; the API stays the authority. */
export const SESSION_LIMITS = { titleMax: 200, durationMin: 15, durationMax: 600, groupMax: 80 };

interface Joinable {
  startsAt: string;
  endsAt: string;
  joinUrl?: string | null;
  cancelled: boolean;
}

/** Where a session stands at `now`: the join button belongs to `open` only. */
export function sessionPhase(session: Joinable, now: number): 'cancelled' | 'later' | 'open' | 'ended' {
  if (session.cancelled) return 'cancelled';
  const opens = new Date(session.startsAt).getTime() - JOIN_OPENS_MINUTES_BEFORE * 60_000;
  if (now < opens) return 'later';
  return now < new Date(session.endsAt).getTime() ? 'open' : 'ended';
}

/** Members (the API sends them the link) may join from 15 minutes before the start until the end. */
export function canJoinNow(session: Joinable, now: number): boolean {
  return !!session.joinUrl && sessionPhase(session, now) === 'open';
}

/** "Thailand, Myanmar ,, Viet Nam" → ["Thailand", "Myanmar", "Viet Nam"]. */
export function parseGroups(text: string): string[] {
  return [...new Set(text.split(',').map((g) => g.trim()).filter(Boolean))];
}

export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What we tell a person about a refused field; `t` is the `liveSessions` namespace. */
export function sessionFieldMessage(t: TFunction, field: string, apiMessage?: string): string {
  return t(`errors.${field}`, { ...SESSION_LIMITS, defaultValue: apiMessage ?? t('errors.generic') });
}
