import { formatSessionTime } from '@kapwa/shared';
import { zoneLabel } from '../../courses/course-time';

interface Props {
  startsAt: string;
  /** The reader's zone (profile, or browser when signed out). */
  timeZone: string;
  /** The organiser's zone (the course's), shown beside when its clock differs. */
  courseTimeZone: string;
  language: string;
}

/**
 * A session's time as emails, reminders and calendar files write it (one function in @kapwa/shared),
 * with each zone named as a place in the reader's language: "Fri, Nov 20, 2026, 09:00 (Myanmar Time)
 * — 11:30 Japan Time".
 */
export function SessionTime({ startsAt, timeZone, courseTimeZone, language }: Props) {
  return (
    <time dateTime={startsAt} data-testid="session-time">
      {formatSessionTime(new Date(startsAt), timeZone, courseTimeZone, language, (zone) => zoneLabel(zone, language))}
    </time>
  );
}
