import { useQuery } from '@apollo/client/react';
import { CourseScheduleDocument, type LiveSessionFieldsFragment, type MyUpcomingSessionsQuery } from '@kapwa/graphql';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { useViewer } from '../../../app/use-viewer';
import { buttonClass } from '../../../ui/button';
import { Icon } from '../../../ui/icons';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { useNow } from '../hooks/use-now';
import { JoinButton } from './join-button';
import { SessionTime } from './session-time';

interface CompactProps {
  session: LiveSessionFieldsFragment;
  courseTimeZone: string;
  now: number;
  /** The course's title, linked, when sessions of several courses are shown. */
  course?: ReactNode;
  headingLevel?: 3 | 4;
}

/**
 * A session in a few lines, for a dashboard or a sidebar: its title and time, "Join" when it is time (or
 * when the button will appear), and a small "Add to calendar" that does not push the rest down.
 */
export function CompactSession({ session, courseTimeZone, now, course, headingLevel = 3 }: CompactProps) {
  const { t } = useTranslation('live-sessions');
  const { timeZone, language } = useViewer();
  const Heading = `h${headingLevel}` as const;
  const headingId = `session-${session.id}`;
  const lang = session.course.language;
  return (
    <article className="session-compact" aria-labelledby={headingId}>
      <Heading id={headingId} className="session-compact-title">
        <span lang={lang}>{session.title}</span>
      </Heading>
      {course && <p className="session-compact-course">{course}</p>}
      <p className="session-compact-when">
        <Icon name="clock" size={16} />
        <span>
          <SessionTime startsAt={session.startsAt} timeZone={timeZone} courseTimeZone={courseTimeZone} language={language} />
          <span className="small"> · {t('session.duration', { count: session.durationMinutes })}</span>
        </span>
      </p>
      <div className="session-compact-actions">
        <JoinButton session={session} now={now} />
        <a className={buttonClass('quiet', 'small')} href={session.icsPath} download>
          <Icon name="calendar" size={16} />
          {t('session.addToCalendar')}
          <HiddenItemName name={session.title} lang={lang} />
        </a>
      </div>
    </article>
  );
}

type MySession = MyUpcomingSessionsQuery['myUpcomingSessions'][number];

/** The dashboard's next live session of any of my courses (the soonest not cancelled), with its course. */
export function NextSession({ sessions }: { sessions: readonly MySession[] }) {
  const { t } = useTranslation('live-sessions');
  const now = useNow();
  const next = sessions.find((session) => !session.cancelled && new Date(session.endsAt).getTime() > now);
  const later = sessions.filter((session) => !session.cancelled && session !== next).length;
  return (
    <section aria-labelledby="next-session-title" className="dashboard-section">
      <h2 id="next-session-title">{t('upcoming.next')}</h2>
      {next ? (
        <>
          <CompactSession
            session={next}
            courseTimeZone={next.course.timeZone}
            now={now}
            course={
              <Link to={`/courses/${next.course.slug}/sessions`} lang={next.course.language}>
                {next.course.title}
              </Link>
            }
          />
          {later > 0 && <p className="small">{t('upcoming.later', { count: later })}</p>}
        </>
      ) : (
        <p className="small">{t('upcoming.empty')}</p>
      )}
    </section>
  );
}

/** A course home's next few sessions (not cancelled), and the way to its full schedule. */
export function CourseUpcomingSessions({ slug, limit = 3 }: { slug: string; limit?: number }) {
  const { t } = useTranslation('live-sessions');
  const now = useNow();
  const { data, loading, error } = useQuery(CourseScheduleDocument, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const course = data?.course;
  const upcoming = [...(course?.liveSessions ?? [])]
    .filter((session) => !session.cancelled && new Date(session.endsAt).getTime() > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, limit);
  return (
    <section aria-labelledby="course-sessions-title" className="course-sessions-aside">
      <h2 id="course-sessions-title">{t('schedule.upcoming')}</h2>
      {loading && !data ? (
        <Skeleton lines={2} label={t('app:loading')} />
      ) : error && !data ? (
        <QueryError error={error} />
      ) : upcoming.length === 0 ? (
        <p className="small">{t('schedule.noneUpcoming')}</p>
      ) : (
        <ul className="session-compact-list">
          {upcoming.map((session) => (
            <li key={session.id}>
              <CompactSession session={session} courseTimeZone={course!.timeZone} now={now} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/courses/${slug}/sessions`}>{t('schedule.all')}</Link>
      </p>
    </section>
  );
}
