import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnsubscribeConfirm } from '../features/notifications/notification-settings/unsubscribe-confirm';
import { usePageTitle } from './use-page-title';

/** Opened from an email's unsubscribe link, signed in or not: asks to confirm with one button. */
export default function UnsubscribePage() {
  const { t } = useTranslation('network');
  const [params] = useSearchParams();
  usePageTitle(t('unsubscribe.title'));
  return (
    <section aria-labelledby="page-title" className="narrow">
      <h1 id="page-title">{t('unsubscribe.title')}</h1>
      <UnsubscribeConfirm token={params.get('token') ?? ''} />
    </section>
  );
}
