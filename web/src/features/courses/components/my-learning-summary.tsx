import type { MyEnrollmentsQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HiddenItemName } from '../../../app/hidden-item-name';

type MyEnrollment = MyEnrollmentsQuery['myEnrollments'][number];

/** The dashboard's short list of completed courses, each with its certificate (or word that it is coming). */
export function CompletedCourses({ enrollments, limit = 5 }: { enrollments: readonly MyEnrollment[]; limit?: number }) {
  const { t } = useTranslation('courses');
  if (enrollments.length === 0) return null;
  return (
    <section aria-labelledby="completed-courses-title" className="dashboard-section">
      <h2 id="completed-courses-title">{t('dashboard.completedTitle')}</h2>
      <ul className="compact-course-list">
        {enrollments.slice(0, limit).map(({ id, course, certificate }) => (
          <li key={id}>
            <Link to={`/courses/${course.slug}`} lang={course.language}>
              {course.title}
            </Link>
            {certificate ? (
              <Link to={`/certificates/${certificate.code}`} className="compact-course-action">
                {t('dashboard.certificate')}
                <HiddenItemName name={course.title} lang={course.language} />
              </Link>
            ) : (
              <span className="compact-course-action small">{t('dashboard.certificatePending')}</span>
            )}
          </li>
        ))}
      </ul>
      {enrollments.length > limit && (
        <p className="small">
          <Link to="/learning">{t('learning.all')}</Link>
        </p>
      )}
    </section>
  );
}

/** The dashboard's courses the viewer teaches: each course's home, and its editor. */
export function TeachingCourses({ enrollments }: { enrollments: readonly MyEnrollment[] }) {
  const { t } = useTranslation('courses');
  if (enrollments.length === 0) return null;
  return (
    <section aria-labelledby="teaching-title" className="dashboard-section">
      <h2 id="teaching-title">{t('dashboard.teachingTitle')}</h2>
      <ul className="compact-course-list">
        {enrollments.map(({ id, course }) => (
          <li key={id}>
            <Link to={`/courses/${course.slug}`} lang={course.language}>
              {course.title}
            </Link>
            <Link to={`/courses/${course.slug}/edit`} className="compact-course-action">
              {t('course.edit')}
              <HiddenItemName name={course.title} lang={course.language} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
