import { useTranslation } from 'react-i18next';
import { LinkButton } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { usePageTitle } from './use-page-title';

export default function NotFoundPage() {
  const { t } = useTranslation('app');
  usePageTitle(t('notFound.title'));
  return (
    <section className="narrow">
      <EmptyState headingLevel={1} title={t('notFound.title')} action={<LinkButton to="/">{t('notFound.home')}</LinkButton>} />
    </section>
  );
}
