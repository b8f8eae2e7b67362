import { useQuery } from '@apollo/client/react';
import { NotificationsDocument } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { EmptyState } from '../../../ui/empty-state';
import { FormAlert } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { useViewer } from '../../../app/use-viewer';
import { useMarkRead } from '../hooks/use-notifications';

const PAGE = 30;

/** My notifications, newest first: title, text, when, and where it leads; unread ones marked and markable. */
export function NotificationList() {
  const { t } = useTranslation('notifications');
  const { t: tApp } = useTranslation('app');
  const { timeZone, language } = useViewer();
  const [first, setFirst] = useState(PAGE);
  const { data, loading, error } = useQuery(NotificationsDocument, {
    variables: { first, unreadOnly: false },
    fetchPolicy: 'cache-and-network',
  });
  const { markRead, loading: marking } = useMarkRead();
  const [failed, setFailed] = useState<string | null>(null);

  if (loading && !data) return <p className="loading">{tApp('loading')}</p>;
  if (error && !data) return <QueryError error={error} />;
  const nodes = data?.notifications.nodes ?? [];
  const unread = nodes.filter((n) => !n.readAt).length;

  async function mark(ids?: string[]) {
    setFailed(null);
    try {
      await markRead(ids);
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setFailed(tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  if (nodes.length === 0) return <EmptyState title={t('empty')} />;
  return (
    <>
      <FormAlert message={failed} />
      <p className="actions">
        <span role="status">{t('unreadCount', { count: data?.notifications.unreadCount ?? unread })}</span>
        {(data?.notifications.unreadCount ?? unread) > 0 && (
          <button type="button" className="button-secondary" onClick={() => void mark()} disabled={marking}>
            {t('markAllRead')}
          </button>
        )}
      </p>
      <ul className="notification-list">
        {nodes.map((n) => (
          <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
            <h2 className="notification-title">
              {n.link?.startsWith('/') ? <Link to={n.link} onClick={() => !n.readAt && void mark([n.id])}>{n.title}</Link> : n.title}
              {!n.readAt && <span className="badge badge-unread">{t('unread')}</span>}
            </h2>
            <p className="notification-body">{n.body}</p>
            <p className="small">
              <time dateTime={n.createdAt}>{formatInstant(new Date(n.createdAt), timeZone, language)}</time>
              {!n.readAt && (
                <>
                  {' · '}
                  <button type="button" className="link-button" onClick={() => void mark([n.id])} disabled={marking}>
                    {t('markRead')}
                    <HiddenItemName name={n.title} />
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {nodes.length >= first && (
        <p>
          <button type="button" className="button-secondary" onClick={() => setFirst((f) => f + PAGE)}>
            {t('more')}
          </button>
        </p>
      )}
    </>
  );
}
