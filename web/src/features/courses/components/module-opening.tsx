import { useTranslation } from 'react-i18next';
import { formatDateTime, zoneLabel } from '../course-time';

interface Props {
  opensAt: string;
  /** The reader's zone and language. */
  timeZone: string;
  language: string;
  /** The organiser's zone, shown beside when it differs from the reader's. */
  courseTimeZone: string;
}

/** "Opens Mon, Feb 8, 2027, 09:00 (Asia/Yangon) · Mon, Feb 8, 2027, 09:30 in Asia/Bangkok". */
export function ModuleOpening({ opensAt, timeZone, language, courseTimeZone }: Props) {
  const { t } = useTranslation('courses');
  return (
    <span className="module-opens">
      {t('outline.opens', { when: formatDateTime(opensAt, language, timeZone), zone: zoneLabel(timeZone, language) })}
      {courseTimeZone !== timeZone && (
        <span className="small">
          {' · '}
          {t('outline.courseTime', { when: formatDateTime(opensAt, language, courseTimeZone), zone: zoneLabel(courseTimeZone, language) })}
        </span>
      )}
    </span>
  );
}
