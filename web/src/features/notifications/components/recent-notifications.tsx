import { useQuery } from '@apollo/client/react';
import { RecentNotificationsDocument } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../../app/use-viewer';
import { Badge } from '../../../ui/badge';
import { Skeleton } from '../../../ui/skeleton';
import { useMarkRead } from '../hooks/use-notifications';

/** The dashboard's few newest notifications (read or not), each where it leads, and the way to all of them. */
export function RecentNotifications({ count = 3 }: { count?: number }) {
  const { t } = useTranslation('notifications');
  const { timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(RecentNotificationsDocument, { variables: { first: count }, fetchPolicy: 'cache-and-network' });
  const { markRead } = useMarkRead();
  const nodes = data?.notifications.nodes ?? [];
  // Nothing to say yet (or the list could not be fetched; the bell and the page still can): no section.
  if ((!loading || data) && nodes.length === 0) return null;
  if (error && !data) return null;

  return (
    <section aria-labelledby="recent-notifications-title" className="dashboard-section">
      <h2 id="recent-notifications-title">{t('recent.title')}</h2>
      {loading && !data ? (
        <Skeleton lines={3} label={t('app:loading')} />
      ) : (
        <ul className="recent-notifications">
          {nodes.map((n) => (
            <li key={n.id} className={n.readAt ? 'recent-notification' : 'recent-notification recent-notification-unread'}>
              <p className="recent-notification-title">
                {n.link?.startsWith('/') ? (
                  <Link to={n.link} onClick={() => !n.readAt && void markRead([n.id]).catch(() => {})}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}
                {!n.readAt && <Badge tone="accent">{t('unread')}</Badge>}
              </p>
              <p className="recent-notification-when">
                <time dateTime={n.createdAt}>{formatInstant(new Date(n.createdAt), timeZone, language)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        <Link to="/notifications">{t('recent.all')}</Link>
      </p>
    </section>
  );
}
