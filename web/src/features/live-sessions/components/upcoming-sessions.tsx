import { useQuery } from '@apollo/client/react';
import { MyUpcomingSessionsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../ui/query-error';
import { useViewer } from '../../../app/use-viewer';
import { useNow } from '../hooks/use-now';
import { SessionItem } from './session-item';

/** The dashboard's next few sessions of my courses, with "Join" when it is time. Loaded on its own chunk. */
export default function UpcomingSessions({ limit = 3 }: { limit?: number }) {
  const { t } = useTranslation('live-sessions');
  const { timeZone, language } = useViewer();
  const now = useNow();
  const { data, loading, error } = useQuery(MyUpcomingSessionsDocument, { fetchPolicy: 'cache-and-network' });
  const sessions = data?.myUpcomingSessions.slice(0, limit) ?? [];

  return (
    <section aria-labelledby="upcoming-sessions" className="dashboard-section">
      <h2 id="upcoming-sessions">{t('upcoming.title')}</h2>
      {loading && !data ? (
        <p className="loading">{t('app:loading')}</p>
      ) : error && !data ? (
        <QueryError error={error} />
      ) : sessions.length === 0 ? (
        <p>{t('upcoming.empty')}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <SessionItem session={session} courseTimeZone={session.course.timeZone} timeZone={timeZone} language={language} now={now}
                course={<Link to={`/courses/${session.course.slug}/sessions`} lang={session.course.language}>{session.course.title}</Link>} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
