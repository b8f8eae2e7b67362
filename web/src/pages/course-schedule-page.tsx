import { useQuery } from '@apollo/client/react';
import { CourseDocument, CourseScheduleDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { sentenceText } from '../app/sentence-with-title';
import { useAssignmentWeekItems } from '../features/assignments/hooks/use-course-assignments';
import { CourseShell } from '../features/courses/components/course-shell';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { canManageCourse, useViewer } from '../app/use-viewer';
import { zoneLabel } from '@kapwa/shared';
import { CalendarFeedBox } from '../features/live-sessions/components/calendar-feed-box';
import { SessionForm } from '../features/live-sessions/components/session-form';
import { SessionList, sessionsByTime } from '../features/live-sessions/components/session-list';
import { useNow } from '../features/live-sessions/hooks/use-now';
import { usePageTitle } from './use-page-title';

export default function CourseSchedulePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('live-sessions');
  const { me, isAdmin, timeZone, language } = useViewer();
  const now = useNow();
  const { data, loading, error, refetch } = useQuery(CourseScheduleDocument, { variables: { slug } });
  // The course's frame (title, progress, outline): usually cached from the course's home.
  const outline = useQuery(CourseDocument, { variables: { slug } });
  const course = data?.course;
  const shellCourse = outline.data?.course;
  const weekItems = useAssignmentWeekItems(slug, { member: !!shellCourse?.myEnrollment || isAdmin });
  usePageTitle(course ? sentenceText(t, 'schedule.title', course.title) : t('schedule.titlePlain'));

  if ((loading && !course) || (outline.loading && !shellCourse)) return <Skeleton lines={6} label={t('app:loading')} />;
  if (error) return <QueryError error={error} />;
  if (outline.error) return <QueryError error={outline.error} />;
  if (!course || !shellCourse) {
    return (
      <section>
        <h1>{t('courses:course.notFound')}</h1>
        <p>
          <Link to="/courses">{t('courses:catalogue.back')}</Link>
        </p>
      </section>
    );
  }

  const manages = canManageCourse(isAdmin, course.myEnrollment);
  const { upcoming, past } = sessionsByTime(course.liveSessions, now);
  const list = (sessions: typeof upcoming) => (
    <SessionList sessions={sessions} course={course} timeZone={timeZone} language={language} now={now} manages={manages} />
  );

  return (
    <CourseShell course={shellCourse} section="sessions" weekItems={weekItems}>
      <p className="lead">{t('schedule.intro', { zone: zoneLabel(timeZone, language), courseZone: zoneLabel(course.timeZone, language) })}</p>
      {!me && <p>{t('schedule.logInToJoin')}</p>}
      {me && !course.myEnrollment && !isAdmin && <p>{t('schedule.enrolToJoin')}</p>}

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('schedule.upcoming')}</h2>
        {upcoming.length ? list(upcoming) : <p>{t('schedule.noneUpcoming')}</p>}
      </section>

      {manages && (
        <section aria-labelledby="schedule-tools">
          <h2 id="schedule-tools" className="visually-hidden">{t('tools.title')}</h2>
          <SessionForm courseId={course.id} courseTimeZone={course.timeZone} timeZone={timeZone} language={language}
            onDone={() => void refetch()} />
        </section>
      )}

      {past.length > 0 && (
        <section aria-labelledby="past-title">
          <h2 id="past-title">{t('schedule.past')}</h2>
          {list(past)}
        </section>
      )}

      {me && (course.myEnrollment || isAdmin) && <CalendarFeedBox />}
    </CourseShell>
  );
}
