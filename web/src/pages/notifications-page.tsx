import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationList } from '../features/notifications/components/notification-list';
import { usePageTitle } from './use-page-title';

export default function NotificationsPage() {
  // The settings link's words come with the page (not the route table, which is in the first load).
  const { t } = useTranslation(['notifications', 'network']);
  usePageTitle(t('title'));
  return (
    <section aria-labelledby="page-title" className="narrow">
      <h1 id="page-title">{t('title')}</h1>
      <p>
        <Link to="/settings/notifications">{t('network:settings.link')}</Link>
      </p>
      <NotificationList />
    </section>
  );
}
