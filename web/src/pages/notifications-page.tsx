import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationList } from '../features/notifications/components/notification-list';
import { usePageTitle } from './use-page-title';

export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('title'));
  return (
    <section aria-labelledby="page-title" className="narrow">
      <h1 id="page-title">{t('title')}</h1>
      <p>
        <Link to="/settings/notifications">{t('notification-settings:link')}</Link>
      </p>
      <NotificationList />
    </section>
  );
}
