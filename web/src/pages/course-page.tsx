import { useQuery } from '@apollo/client/react';
import { CourseDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CourseFacts } from '../features/courses/components/course-badges';
import { CourseLanding } from '../features/courses/components/course-landing';
import { CourseOutline } from '../features/courses/components/course-outline';
import { EnrolButton } from '../features/courses/components/enrol-button';
import { EvaluationForm } from '../features/courses/components/evaluation-form';
import { ProgressBar } from '../features/courses/components/progress-bar';
import { QueryError } from '../ui/query-error';
import { canManageCourse, useViewer } from '../app/use-viewer';
import { readingOrder } from '../features/courses/lesson-order';
import { usePageTitle } from './use-page-title';

export default function CoursePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('courses');
  const location = useLocation();
  const { me, isAdmin, timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(CourseDocument, { variables: { slug } });
  const course = data?.course;
  const enrollment = course?.myEnrollment;
  // The certificate is issued by a job moments after the last lesson: look again until it is there.
  const waitingForCertificate = enrollment?.status === 'COMPLETED' && enrollment.role === 'LEARNER' && !enrollment.certificate;
  useQuery(CourseDocument, { variables: { slug }, skip: !waitingForCertificate, pollInterval: 5000, fetchPolicy: 'network-only' });
  usePageTitle(course?.title ?? t('course.title'));

  if (loading && !course) return <p className="loading">{t('app:loading')}</p>;
  if (error) return <QueryError error={error} />;
  if (!course) {
    return (
      <section>
        <h1>{t('course.notFound')}</h1>
        <p>
          <Link to="/courses">{t('catalogue.back')}</Link>
        </p>
      </section>
    );
  }

  // Someone not in the course sees what it offers and how to join.
  if (!enrollment && !isAdmin) return <CourseLanding course={course} />;

  const manages = canManageCourse(isAdmin, enrollment);
  // "Continue" opens the first lesson not yet done.
  const order = readingOrder(course.modules);
  const next = order.find((lesson) => !lesson.completed) ?? order[0];

  return (
    <article aria-labelledby="page-title" className="course">
      <p className="breadcrumb">
        <Link to="/courses">{t('catalogue.back')}</Link>
      </p>
      {/* The course's words in the course's language (a Thai course under an English interface is read in Thai). */}
      <h1 id="page-title" lang={course.language}>
        {course.title}
      </h1>
      <CourseFacts course={course} timeZone={timeZone} language={language} />
      <p className="lead" lang={course.language}>
        {course.summary}
      </p>
      <p>
        <Link to={`/courses/${course.slug}/sessions`}>{t('live-sessions:schedule.link')}</Link>
      </p>

      {manages && (
        <p className="actions">
          <Link className="button button-secondary" to={`/courses/${course.slug}/edit`}>
            {t('course.edit')}
          </Link>
          <Link className="button button-secondary" to={`/courses/${course.slug}/evaluation`}>
            {t('course.evaluationSummary')}
          </Link>
        </p>
      )}

      <div className="course-status">
        {enrollment ? (
          <>
            {enrollment.role === 'LEARNER' && <ProgressBar id="course-progress" progress={enrollment.progress} lessonCount={course.lessonCount} />}
            {enrollment.status !== 'COMPLETED' && next && (
              <p>
                <Link className="button" to={`/courses/${course.slug}/lessons/${next.id}`}>
                  {t('course.continue')}
                </Link>
              </p>
            )}
          </>
        ) : course.status === 'ARCHIVED' ? (
          <p>{t('course.notOpen')}</p>
        ) : me ? (
          course.status === 'PUBLISHED' && <EnrolButton courseId={course.id} />
        ) : (
          <p>
            <Link className="button" to="/log-in" state={{ from: location.pathname }}>
              {t('course.logInToEnrol')}
            </Link>
          </p>
        )}
      </div>

      {enrollment?.status === 'COMPLETED' && enrollment.role === 'LEARNER' && (
        <section className="course-completed" aria-labelledby="completed-title">
          <h2 id="completed-title">{t('course.completedTitle')}</h2>
          {enrollment.certificate ? (
            <p>
              <Link to={`/certificates/${enrollment.certificate.code}`}>{t('course.certificate')}</Link>
            </p>
          ) : (
            <p role="status">{t('course.certificatePending')}</p>
          )}
          <EvaluationForm courseId={course.id} earlier={course.myEvaluation} />
        </section>
      )}

      <h2 className="visually-hidden">{t('outline.title')}</h2>
      <CourseOutline course={course} timeZone={timeZone} language={language} />
    </article>
  );
}
