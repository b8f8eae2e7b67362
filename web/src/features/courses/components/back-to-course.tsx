import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SentenceWithTitle } from '../../../app/sentence-with-title';

/** The breadcrumb back to a course: "Back to" in the interface's language, the course's title in its own. */
export function BackToCourse({ course }: { course: { slug: string; title: string; language: string } }) {
  const { t } = useTranslation('courses');
  return (
    <Link to={`/courses/${course.slug}`}>
      <SentenceWithTitle t={t} i18nKey="lesson.backTo" title={course.title} lang={course.language} />
    </Link>
  );
}
