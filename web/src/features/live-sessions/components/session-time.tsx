import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';

interface Props {
  startsAt: string;
  /** The reader's zone (profile, or browser when signed out). */
  timeZone: string;
  /** The organiser's zone (the course's), shown beside when its clock differs. */
  courseTimeZone: string;
  language: string;
}

/**
 * A session's time exactly as emails, reminders and calendar files write it (one function in
 * @kapwa/shared): "Fri, Nov 20, 2026, 09:00 (Yangon) — 11:30 Tokyo".
 */
export function SessionTime({ startsAt, timeZone, courseTimeZone, language }: Props) {
  return (
    <time dateTime={startsAt} data-testid="session-time">
      {formatInstantWithZones(new Date(startsAt), timeZone, courseTimeZone, language, (zone) => zoneLabel(zone, language))}
    </time>
  );
}
