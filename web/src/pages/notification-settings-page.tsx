import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationSettings } from '../features/notifications/notification-settings/notification-settings';
import { usePageTitle } from './use-page-title';

export default function NotificationSettingsPage() {
  const { t } = useTranslation(['network', 'notifications']);
  usePageTitle(t('settings.title'));
  return (
    <section aria-labelledby="page-title" className="narrow">
      <h1 id="page-title">{t('settings.title')}</h1>
      <p className="lead">{t('settings.intro')}</p>
      <p>
        <Link to="/notifications">{t('notifications:title')}</Link>
      </p>
      <NotificationSettings />
    </section>
  );
}
