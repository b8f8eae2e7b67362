import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdown, countdownUnits } from '../grant-rules';

/** The current time, again every `everyMs` (a countdown ticks; nothing else on the page renders). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * An instant of a call in the reader's zone, with the call's zone beside it when its clock differs:
 * "Fri, Dec 4, 2026, 17:00 (Myanmar Time) — 17:30 Thailand Time".
 */
export function CallTime({ at, timeZone, callTimeZone, language }: { at: string; timeZone: string; callTimeZone: string; language: string }) {
  return <time dateTime={at}>{formatInstantWithZones(new Date(at), timeZone, callTimeZone, language, (zone) => zoneLabel(zone, language))}</time>;
}

/** "3 days 4 hours" — the parts of the time left worth saying. */
export function countdownText(t: (key: string, options: { count: number }) => string, now: number, until: string): string | null {
  const left = countdown(now, until);
  if (!left) return null;
  return countdownUnits(left)
    .map(({ unit, count }) => t(`countdown.${unit}`, { count }))
    .join(' ');
}

/** A live "Closes in 2 hours 14 minutes", then "Closed" once the moment has passed. */
export function ClosingCountdown({ closesAt, now }: { closesAt: string; now?: number }) {
  const { t } = useTranslation('grants');
  const ticking = useNow(1000);
  const text = countdownText(t, now ?? ticking, closesAt);
  return (
    <span className="grant-countdown" role="timer" data-testid="grant-countdown">
      {text ? t('countdown.closesIn', { time: text }) : t('countdown.closed')}
    </span>
  );
}
