import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../app/use-viewer';

/** The admin pages for admins; anyone else is told so (the API refuses them everything anyway). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('admin');
  const { isAdmin } = useViewer();
  if (!isAdmin) {
    return (
      <section className="narrow">
        <h1>{t('title')}</h1>
        <p role="alert">{t('adminsOnly')}</p>
      </section>
    );
  }
  return children;
}
