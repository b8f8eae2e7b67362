import type { CourseKind, CourseStatus } from '@kapwa/graphql';
import { calendarDateParts, formatCalendarDate, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';

interface Props {
  course: { kind: CourseKind; status: CourseStatus; language: string; timeZone: string; startsAt?: string | null; endsAt?: string | null };
  /** The reader's zone and language. */
  timeZone: string;
  language: string;
}

/**
 * Kind, draft mark, language and dates: the facts shown on a card and at the top of a course. The dates
 * are the course's calendar dates, the same for every reader; a reader whose clock differs is also told
 * when the first day begins for them.
 */
export function CourseFacts({ course, timeZone, language }: Props) {
  const { t } = useTranslation('courses');
  const start = course.startsAt ? calendarDateParts(new Date(course.startsAt), course.timeZone, timeZone, language, (zone) => zoneLabel(zone, language)) : null;
  const end = course.endsAt ? formatCalendarDate(new Date(course.endsAt), course.timeZone, language) : null;
  return (
    <p className="course-facts">
      <span className={`badge badge-${course.kind.toLowerCase()}`}>{t(`kind.${course.kind}`)}</span>
      {course.status !== 'PUBLISHED' && <span className="badge badge-draft">{t(`status.${course.status}`)}</span>}
      <span lang={course.language}>{languageName(course.language)}</span>
      {start && end && <span data-testid="course-dates">{t('course.dates', { start: start.date, end })}</span>}
      {start && !end && <span data-testid="course-dates">{t('course.startsOn', { start: start.date })}</span>}
      {start?.local && (
        <span className="small" data-testid="course-dates-local">
          {t('course.startsForYou', { zone: start.city, when: start.local })}
        </span>
      )}
    </p>
  );
}
