import { useTranslation } from 'react-i18next';
import { NotificationList } from '../features/notifications/components/notification-list';
import { usePageTitle } from './use-page-title';

export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('title'));
  return (
    <section aria-labelledby="page-title" className="narrow">
      <h1 id="page-title">{t('title')}</h1>
      <NotificationList />
    </section>
  );
}
