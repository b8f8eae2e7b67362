import { useTranslation } from 'react-i18next';
import { AdminSections } from '../features/admin/components/admin-nav';
import { AdminOnly } from '../features/admin/components/admin-only';
import { usePageTitle } from './use-page-title';

export default function AdminPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('title'));
  return (
    <AdminOnly>
      <section>
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <AdminSections />
      </section>
    </AdminOnly>
  );
}
