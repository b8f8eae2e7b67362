import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { SuggestionsQueue } from '../features/resources/components/suggestions-queue';
import { Breadcrumbs } from '../ui/breadcrumbs';
import { usePageTitle } from './use-page-title';
import '../features/resources/resources.css';

/** Admins review members' suggestions: approve into the library, or decline with a reason the member reads. */
export default function ResourceSuggestionsPage() {
  const { t } = useTranslation('resources');
  const { language, isAdmin } = useViewer();
  usePageTitle(t('queue.title'));
  return (
    <section aria-labelledby="page-title" className="resources-page">
      <Breadcrumbs label={t('breadcrumbs')} items={[{ label: t('library.title'), to: '/resources' }, { label: t('queue.title') }]} />
      <h1 id="page-title">{t('queue.title')}</h1>
      {isAdmin ? <SuggestionsQueue language={language} /> : <p>{t('queue.adminsOnly')}</p>}
    </section>
  );
}
