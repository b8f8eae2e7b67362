import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from '../hooks/use-notifications';

/**
 * The shell's bell: a link to /notifications whose name says how many are unread ("Notifications,
 * 3 unread"). Its own chunk, loaded only for signed-in people, so the first load stays small.
 */
export default function NotificationBell() {
  const { t } = useTranslation('notifications');
  const count = useUnreadCount();
  const label = count > 0 ? t('bell.unread', { count }) : t('bell.none');
  return (
    <NavLink to="/notifications" className="bell" aria-label={label} title={label} data-testid="notification-bell">
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor"
        strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span className="bell-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
