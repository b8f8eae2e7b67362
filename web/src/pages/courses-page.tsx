import { useQuery } from '@apollo/client/react';
import { CoursesDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CourseFacts } from '../features/courses/components/course-badges';
import { QueryError } from '../ui/query-error';
import { useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function CoursesPage() {
  const { t } = useTranslation('courses');
  const { isStaff, timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(CoursesDocument, { fetchPolicy: 'cache-and-network' });
  usePageTitle(t('catalogue.title'));

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('catalogue.title')}</h1>
      <p>{t('catalogue.intro')}</p>
      <p className="actions">
        {isStaff && (
          <Link className="button" to="/courses/new">
            {t('catalogue.newCourse')}
          </Link>
        )}
        <Link className="button button-secondary" to="/certificates">
          {t('certificates:verify.link')}
        </Link>
      </p>
      {error && <QueryError error={error} />}
      {loading && !data && <p className="loading">{t('app:loading')}</p>}
      {data && data.courses.length === 0 && <p>{t('catalogue.empty')}</p>}
      {data && data.courses.length > 0 && (
        <ul className="cards">
          {data.courses.map((course) => (
            <li key={course.id} className="card">
              {/* The course's words in the course's language, so a screen reader reads a Thai title in Thai. */}
              <h2 className="card-title" lang={course.language}>
                <Link to={`/courses/${course.slug}`}>{course.title}</Link>
              </h2>
              <CourseFacts course={course} timeZone={timeZone} language={language} />
              <p className="card-summary" lang={course.language}>
                {course.summary}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
