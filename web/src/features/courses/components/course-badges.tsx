import type { CourseKind, CourseStatus } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';
import { formatDate } from '../course-time';

interface Props {
  course: { kind: CourseKind; status: CourseStatus; language: string; startsAt?: string | null; endsAt?: string | null };
  timeZone: string;
  language: string;
}

/** Kind, draft mark, language and dates: the facts shown on a card and at the top of a course. */
export function CourseFacts({ course, timeZone, language }: Props) {
  const { t } = useTranslation('courses');
  const start = course.startsAt ? formatDate(course.startsAt, language, timeZone) : null;
  const end = course.endsAt ? formatDate(course.endsAt, language, timeZone) : null;
  return (
    <p className="course-facts">
      <span className={`badge badge-${course.kind.toLowerCase()}`}>{t(`kind.${course.kind}`)}</span>
      {course.status !== 'PUBLISHED' && <span className="badge badge-draft">{t(`status.${course.status}`)}</span>}
      <span lang={course.language}>{languageName(course.language)}</span>
      {start && end && <span>{t('course.dates', { start, end })}</span>}
      {start && !end && <span>{t('course.startsOn', { start })}</span>}
    </p>
  );
}
