import type { CourseEditorQuery } from '@kapwa/graphql';
import { formatCalendarDate, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';
import { Badge } from '../../../ui/badge';
import { ArchiveButton } from './archive-button';
import { PublishButton } from './publish-button';

type Course = NonNullable<CourseEditorQuery['course']>;

/** Where the course stands (draft, published, archived) with the step that changes it, and the facts it was created with. */
export function CourseDetails({ course, language }: { course: Course; language: string }) {
  const { t } = useTranslation('courses');
  const lang = course.language;
  const date = (iso: string | null) => (iso ? formatCalendarDate(new Date(iso), course.timeZone, language) : '—');
  return (
    <div className="course-details">
      <section aria-labelledby="details-status" className="course-status">
        <h2 id="details-status">
          {t('editor.statusTitle')}{' '}
          <Badge tone={course.status === 'PUBLISHED' ? 'success' : course.status === 'DRAFT' ? 'highlight' : 'neutral'}>{t(`status.${course.status}`)}</Badge>
        </h2>
        {course.status === 'DRAFT' && (
          <>
            <p>{t('editor.draftHint')}</p>
            <PublishButton courseId={course.id} />
          </>
        )}
        {course.status === 'PUBLISHED' && (
          <>
            <p>{t('editor.publishedHint')}</p>
            <ArchiveButton courseId={course.id} />
          </>
        )}
        {course.status === 'ARCHIVED' && (
          <>
            <p>{t('editor.archivedHint')}</p>
            <PublishButton courseId={course.id} again />
          </>
        )}
      </section>
      <section aria-labelledby="details-facts">
        <h2 id="details-facts">{t('editor.detailsTitle')}</h2>
        <dl className="details-list">
          <dt>{t('fields.title')}</dt>
          <dd lang={lang}>{course.title}</dd>
          <dt>{t('fields.summary')}</dt>
          <dd lang={lang} className="details-summary">
            {course.summary}
          </dd>
          <dt>{t('fields.slug')}</dt>
          <dd>{course.slug}</dd>
          <dt>{t('fields.kind')}</dt>
          <dd>{t(`kind.${course.kind}`)}</dd>
          <dt>{t('fields.language')}</dt>
          <dd>
            <span lang={lang}>{languageName(lang)}</span>
          </dd>
          <dt>{t('fields.timeZone')}</dt>
          <dd>{zoneLabel(course.timeZone, language)}</dd>
          <dt>{t('fields.startsAt')}</dt>
          <dd>{date(course.startsAt)}</dd>
          <dt>{t('fields.endsAt')}</dt>
          <dd>{date(course.endsAt)}</dd>
        </dl>
      </section>
    </div>
  );
}
