import { useQuery } from '@apollo/client/react';
import { CourseScheduleDocument } from '@kapwa/graphql';
import { zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../ui/query-error';
import { useNow } from '../hooks/use-now';
import { SessionForm } from './session-form';
import { SessionList, sessionsByTime } from './session-list';

interface Props {
  slug: string;
  /** The trainer's zone and language. */
  timeZone: string;
  language: string;
}

/**
 * A course's live sessions as its trainers run them from the course editor: each session with its
 * tools (edit, attendance, cancel), and the form to schedule another. Fetched when first shown.
 */
export function SessionPlanner({ slug, timeZone, language }: Props) {
  const { t } = useTranslation('live-sessions');
  const now = useNow();
  const { data, loading, error, refetch } = useQuery(CourseScheduleDocument, { variables: { slug } });
  const course = data?.course;
  if (loading && !course) return <p className="loading">{t('app:loading')}</p>;
  if (error) return <QueryError error={error} />;
  if (!course) return null;

  const { upcoming, past } = sessionsByTime(course.liveSessions, now);
  const list = (sessions: typeof upcoming) => (
    <SessionList sessions={sessions} course={course} timeZone={timeZone} language={language} now={now} manages headingLevel={4} />
  );

  return (
    <div className="session-planner">
      <p className="small">{t('schedule.intro', { zone: zoneLabel(timeZone, language), courseZone: zoneLabel(course.timeZone, language) })}</p>
      <section aria-labelledby="planner-upcoming">
        <h3 id="planner-upcoming">{t('schedule.upcoming')}</h3>
        {upcoming.length ? list(upcoming) : <p>{t('schedule.noneUpcoming')}</p>}
      </section>
      <SessionForm courseId={course.id} courseTimeZone={course.timeZone} timeZone={timeZone} language={language} onDone={() => void refetch()} />
      {past.length > 0 && (
        <section aria-labelledby="planner-past">
          <h3 id="planner-past">{t('schedule.past')}</h3>
          {list(past)}
        </section>
      )}
    </div>
  );
}
