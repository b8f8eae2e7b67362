import { useApolloClient, useQuery } from '@apollo/client/react';
import { CourseDocument, LessonDocument, type LessonQuery } from '@kapwa/graphql';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useAssignmentWeekItems } from '../features/assignments/hooks/use-course-assignments';
import { CourseShell, type ShellCourse } from '../features/courses/components/course-shell';
import { EnrolButton } from '../features/courses/components/enrol-button';
import { LessonReader } from '../features/courses/components/lesson-reader';
import { OfflineNotice } from '../features/courses/components/offline-reading';
import { isUnreachable, useOfflineReader, useSavedCopy } from '../features/courses/hooks/use-offline';
import { LessonPager, LessonSwitcher } from '../features/courses/components/lesson-switcher';
import { ModuleOpening } from '../features/courses/components/module-opening';
import { ProgressBar } from '../features/courses/components/progress-bar';
import { lessonPlace, nextOpening } from '../features/courses/course-navigation';
import { lessonNeighbours } from '../features/courses/lesson-order';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { canManageCourse, useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function LessonPage() {
  const { slug = '', lessonId = '' } = useParams();
  const { t } = useTranslation('courses');
  const { isAdmin } = useViewer();
  const lessonQuery = useQuery(LessonDocument, { variables: { id: lessonId } });
  // The outline (usually cached from the course page) gives the shell, the neighbours and the progress.
  const courseQuery = useQuery(CourseDocument, { variables: { slug } });
  // Offline: the copies saved on this device with "Save this week for offline".
  const readerId = useOfflineReader();
  const lessonOffline = isUnreachable(lessonQuery.error) && !lessonQuery.data?.lesson;
  const courseOffline = isUnreachable(courseQuery.error) && !courseQuery.data?.course;
  const savedLesson = useSavedCopy('lesson', readerId, lessonId, lessonOffline);
  const savedCourse = useSavedCopy('course', readerId, slug, courseOffline);
  const lesson = lessonQuery.data?.lesson ?? savedLesson.copy?.data.lesson;
  const course = courseQuery.data?.course ?? savedCourse.copy?.data.course;
  const savedAt = (lessonOffline && savedLesson.copy?.savedAt) || (courseOffline && savedCourse.copy?.savedAt) || undefined;
  // The weeks' assignments in the outline, with where the learner stands on each.
  const weekItems = useAssignmentWeekItems(slug, { member: !!course?.myEnrollment || isAdmin });
  usePageTitle(lesson?.title ?? t('lesson.title'));

  if ((courseQuery.loading || savedCourse.looking) && !course) return <Skeleton lines={8} label={t('app:loading')} />;
  if (courseQuery.error && !course) return <QueryError error={courseQuery.error} />;
  if (!course) return <LessonUnavailable slug={slug} />;

  // Known from the outline before the lesson itself arrives: the frame stays put from lesson to lesson.
  const place = lessonPlace(course.modules, lessonId);
  const fromOutline = place?.module.lessons.find((item) => item.id === lessonId);
  const crumb = lesson ?? (fromOutline && place ? { ...fromOutline, module: place.module } : undefined);
  const { previous, next } = lessonNeighbours(course.modules, lessonId, { includeLocked: canManageCourse(isAdmin, course.myEnrollment) });

  return (
    <CourseShell course={course} section="lesson" lesson={crumb} weekItems={weekItems}>
      <LessonSwitcher course={course} lessonId={lessonId} previous={previous} next={next} weekItems={weekItems} />
      {savedAt && <OfflineNotice savedAt={savedAt} />}
      {(lessonQuery.loading || savedLesson.looking) && !lesson ? (
        <Skeleton lines={8} label={t('app:loading')} />
      ) : lessonQuery.error && !lesson ? (
        <QueryError error={lessonQuery.error} />
      ) : lesson ? (
        <LessonArticle lesson={lesson} course={course} previous={previous} next={next} readerId={readerId} offline={!!savedAt} />
      ) : (
        <LessonUnavailable slug={slug} />
      )}
    </CourseShell>
  );
}

type Lesson = NonNullable<LessonQuery['lesson']>;
type Neighbour = { id: string; title: string } | null;

interface ArticleProps {
  lesson: Lesson;
  course: ShellCourse;
  previous: Neighbour;
  next: Neighbour;
  /** Whose device queue a completion made offline goes to. */
  readerId: string | null;
  /** Drawn from the device's saved copy: the session cannot be confirmed, so no "log in" prompts. */
  offline: boolean;
}

function LessonArticle({ lesson, course, previous, next, readerId, offline }: ArticleProps) {
  const { t } = useTranslation('courses');
  const location = useLocation();
  const { me, timeZone, language } = useViewer();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const client = useApolloClient();
  const enrollment = course.myEnrollment;
  const learner = enrollment?.role === 'LEARNER';
  // Titles and text are in the course's language, the links and buttons around them in the interface's.
  const lang = lesson.module.course.language;

  // Moving to another lesson keeps the page: bring focus and scroll back to the top, as a new page would.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [lesson.id]);

  // While this one is read, fetch the next lesson's text, so "Next" opens at once on a slow link
  // (not when the reader asked the browser to save data).
  useEffect(() => {
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
    if (!next || saveData || offline) return;
    const timer = setTimeout(() => void client.query({ query: LessonDocument, variables: { id: next.id } }).catch(() => {}), 2000);
    return () => clearTimeout(timer);
  }, [client, next?.id, offline]);

  const opensAt = learner && !next ? nextOpening(course.modules) : null;
  return (
    <article className="lesson" aria-labelledby="page-title">
      <p className="lesson-kicker" lang={lang}>
        {lesson.module.title}
      </p>
      <h1 id="page-title" ref={headingRef} tabIndex={-1} lang={lang}>
        {lesson.title}
      </h1>
      {lesson.estimatedMinutes != null && <p className="small">{t('lesson.estimated', { count: lesson.estimatedMinutes })}</p>}

      {/* Trainers read along without recording progress. */}
      <LessonReader lesson={lesson} canComplete={learner} readerId={readerId} />

      {!me && !offline && (
        <p>
          <Link to="/log-in" state={{ from: location.pathname }}>
            {t('lesson.logInToRecord')}
          </Link>
        </p>
      )}
      {me && !offline && !enrollment && course.status === 'PUBLISHED' && (
        <div className="lesson-enrol">
          <p>{t('lesson.enrolToRecord')}</p>
          <EnrolButton courseId={course.id} />
        </div>
      )}
      {learner && <ProgressBar progress={enrollment.progress} lessonCount={course.lessonCount} />}

      <LessonPager
        slug={course.slug}
        previous={previous}
        next={next}
        lang={lang}
        after={
          opensAt && (
            <p className="lesson-pager-waiting">
              {t('lesson.nextWeek')}{' '}
              <ModuleOpening opensAt={opensAt} timeZone={timeZone} language={language} courseTimeZone={course.timeZone} />
            </p>
          )
        }
      />
    </article>
  );
}

function LessonUnavailable({ slug }: { slug: string }) {
  const { t } = useTranslation('courses');
  return (
    <section>
      <h1 id="page-title">{t('lesson.unavailable')}</h1>
      <p>{t('lesson.unavailableHint')}</p>
      <p>
        <Link to={`/courses/${slug}`}>{t('lesson.backToCourse')}</Link>
      </p>
    </section>
  );
}
