import { calendarDateParts, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';

interface Props {
  opensAt: string;
  /** The reader's zone and language. */
  timeZone: string;
  language: string;
  /** The course's zone: the opening is its date, whoever reads it. */
  courseTimeZone: string;
}

/** "Opens Mon, Feb 8, 2027, 09:30 (Bangkok) — Mon, Feb 8, 2027, 09:00 your time" (the second part when the clocks differ). */
export function ModuleOpening({ opensAt, timeZone, language, courseTimeZone }: Props) {
  const { t } = useTranslation('courses');
  const opening = calendarDateParts(new Date(opensAt), courseTimeZone, timeZone, language, (zone) => zoneLabel(zone, language));
  return (
    <span className="module-opens">
      {t('outline.opens', { when: opening.date, zone: opening.city })}
      {opening.local && (
        <span className="small">
          {' — '}
          {t('outline.yourTime', { when: opening.local })}
        </span>
      )}
    </span>
  );
}
