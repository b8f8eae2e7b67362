import { useQuery } from '@apollo/client/react';
import { CourseDocument, LessonDocument } from '@kapwa/graphql';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { BackToCourse } from '../features/courses/components/back-to-course';
import { EnrolButton } from '../features/courses/components/enrol-button';
import { LessonReader } from '../features/courses/components/lesson-reader';
import { ProgressBar } from '../features/courses/components/progress-bar';
import { QueryError } from '../ui/query-error';
import { useViewer } from '../app/use-viewer';
import { lessonNeighbours } from '../features/courses/lesson-order';
import { usePageTitle } from './use-page-title';

export default function LessonPage() {
  const { slug = '', lessonId = '' } = useParams();
  const { t } = useTranslation('courses');
  const location = useLocation();
  const { me } = useViewer();
  const lessonQuery = useQuery(LessonDocument, { variables: { id: lessonId } });
  // The outline (usually cached from the course page) gives the neighbours and the progress.
  const courseQuery = useQuery(CourseDocument, { variables: { slug } });
  const lesson = lessonQuery.data?.lesson;
  const course = courseQuery.data?.course;
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(lesson?.title ?? t('lesson.title'));

  // Moving to the next lesson keeps the page: bring focus and scroll back to the top, as a new page would.
  useEffect(() => {
    if (lesson?.id) {
      headingRef.current?.focus({ preventScroll: true });
      window.scrollTo?.(0, 0);
    }
  }, [lesson?.id]);

  if ((lessonQuery.loading && !lesson) || (courseQuery.loading && !course)) return <p className="loading">{t('app:loading')}</p>;
  if (lessonQuery.error) return <QueryError error={lessonQuery.error} />;
  const back = course ? <BackToCourse course={course} /> : <Link to={`/courses/${slug}`}>{t('lesson.backToCourse')}</Link>;
  if (!lesson) {
    return (
      <section>
        <h1>{t('lesson.unavailable')}</h1>
        <p>{t('lesson.unavailableHint')}</p>
        <p>{back}</p>
      </section>
    );
  }

  const enrollment = course?.myEnrollment;
  // Titles and text are in the course's language, the links and buttons around them in the interface's.
  const lang = lesson.module.course.language;
  const { previous, next } = course ? lessonNeighbours(course.modules, lesson.id) : { previous: null, next: null };

  return (
    <article className="lesson" aria-labelledby="page-title">
      <p className="breadcrumb">
        {back}
        <span aria-hidden="true"> › </span>
        <span lang={lang}>{lesson.module.title}</span>
      </p>
      <h1 id="page-title" ref={headingRef} tabIndex={-1} lang={lang}>
        {lesson.title}
      </h1>
      {lesson.estimatedMinutes != null && <p className="small">{t('lesson.estimated', { count: lesson.estimatedMinutes })}</p>}

      {/* Trainers read along without recording progress. */}
      <LessonReader lesson={lesson} canComplete={enrollment?.role === 'LEARNER'} />

      {!me && (
        <p>
          <Link to="/log-in" state={{ from: location.pathname }}>
            {t('lesson.logInToRecord')}
          </Link>
        </p>
      )}
      {me && course && !enrollment && course.status === 'PUBLISHED' && (
        <div className="lesson-enrol">
          <p>{t('lesson.enrolToRecord')}</p>
          <EnrolButton courseId={course.id} />
        </div>
      )}
      {enrollment?.role === 'LEARNER' && course && (
        <ProgressBar id="lesson-progress" progress={enrollment.progress} lessonCount={course.lessonCount} />
      )}

      <nav className="lesson-nav" aria-label={t('lesson.navLabel')}>
        {previous ? (
          <Link rel="prev" to={`/courses/${slug}/lessons/${previous.id}`}>
            <span className="small">{t('lesson.previous')}</span>
            <span lang={lang}>{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link rel="next" to={`/courses/${slug}/lessons/${next.id}`} className="lesson-nav-next">
            <span className="small">{t('lesson.next')}</span>
            <span lang={lang}>{next.title}</span>
          </Link>
        ) : (
          <Link to={`/courses/${slug}`} className="lesson-nav-next">
            {t('lesson.backToCourse')}
          </Link>
        )}
      </nav>
    </article>
  );
}
