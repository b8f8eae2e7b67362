import { useQuery } from '@apollo/client/react';
import { MyEnrollmentsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { ProgressBar } from './progress-bar';
import { QueryError } from '../../../ui/query-error';

/** The viewer's enrolments, newest first; `limit` for the short list on the dashboard. */
export function MyLearningList({ limit, headingLevel = 2 }: { limit?: number; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('courses');
  const { data, loading, error } = useQuery(MyEnrollmentsDocument, { fetchPolicy: 'cache-and-network' });
  if (error) return <QueryError error={error} />;
  if (loading && !data) return <p className="loading">{t('app:loading')}</p>;
  const enrollments = (data?.myEnrollments ?? []).filter((e) => e.status !== 'WITHDRAWN');
  if (enrollments.length === 0) {
    return (
      <p>
        {t('learning.empty')} <Link to="/courses">{t('learning.browse')}</Link>
      </p>
    );
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const shown = limit ? enrollments.slice(0, limit) : enrollments;
  return (
    <>
      <ul className="cards">
        {shown.map((enrollment) => (
          <li key={enrollment.id} className="card">
            <Heading className="card-title">
              <Link to={`/courses/${enrollment.course.slug}`} lang={enrollment.course.language}>
                {enrollment.course.title}
              </Link>
            </Heading>
            <p className="course-facts">
              <span className="badge">{t(`enrollmentStatus.${enrollment.status}`)}</span>
              {enrollment.role === 'TRAINER' && <span className="badge">{t('roles.TRAINER')}</span>}
              {enrollment.group && <span>{t('learning.group', { group: enrollment.group })}</span>}
            </p>
            {enrollment.role === 'LEARNER' && (
              <ProgressBar progress={enrollment.progress} lessonCount={enrollment.course.lessonCount} />
            )}
            <p className="actions">
              <Link to={`/courses/${enrollment.course.slug}`}>
                {enrollment.status === 'COMPLETED' ? t('learning.open') : t('learning.continue')}
                <HiddenItemName name={enrollment.course.title} lang={enrollment.course.language} />
              </Link>
              {enrollment.certificate && (
                <Link to={`/certificates/${enrollment.certificate.code}`}>
                  {t('course.certificate')}
                  <HiddenItemName name={enrollment.course.title} lang={enrollment.course.language} />
                </Link>
              )}
            </p>
          </li>
        ))}
      </ul>
      {limit && enrollments.length > limit && (
        <p>
          <Link to="/learning">{t('learning.all')}</Link>
        </p>
      )}
    </>
  );
}
