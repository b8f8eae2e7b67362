import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An assignment the viewer cannot open (removed, another course's, or a course they are not in). */
export function AssignmentUnavailable({ slug }: { slug: string }) {
  const { t } = useTranslation('assignments');
  return (
    <section>
      <h1 id="page-title">{t('unavailable.title')}</h1>
      <p>{t('unavailable.body')}</p>
      <p>
        <Link to={`/courses/${slug}`}>{t('courses:lesson.backToCourse')}</Link>
      </p>
    </section>
  );
}
