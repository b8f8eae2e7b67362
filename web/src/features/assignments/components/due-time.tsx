import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';

interface Props {
  dueAt: string;
  /** The reader's zone. */
  timeZone: string;
  /** The course's zone, written beside when its clock differs. */
  courseTimeZone: string;
  language: string;
}

/**
 * A due time as live sessions write theirs (one function in @kapwa/shared): in the reader's zone, with the
 * course's beside it, "Fri, Dec 4, 2026, 17:00 (Myanmar Time) — 17:30 Thailand Time".
 */
export function DueTime({ dueAt, timeZone, courseTimeZone, language }: Props) {
  const { t } = useTranslation('assignments');
  return (
    <span className="assignment-due">
      {t('due.label')}{' '}
      <time dateTime={dueAt} data-testid="due-time">
        {formatInstantWithZones(new Date(dueAt), timeZone, courseTimeZone, language, (zone) => zoneLabel(zone, language))}
      </time>
    </span>
  );
}
