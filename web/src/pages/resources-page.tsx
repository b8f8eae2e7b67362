import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { ResourceLibrary } from '../features/resources/components/resource-library';
import { LinkButton } from '../ui/button';
import { usePageTitle } from './use-page-title';
import '../features/resources/resources.css';

/** The community's shared resource library: links and files, filtered by tag, language, country and words. */
export default function ResourcesPage() {
  const { t } = useTranslation('resources');
  const { language, isAdmin, isStaff } = useViewer();
  usePageTitle(t('library.title'));
  return (
    <section aria-labelledby="page-title" className="resources-page">
      <h1 id="page-title">{t('library.title')}</h1>
      <p className="lead">{t('library.intro')}</p>
      <p className="actions">
        <LinkButton to="/resources/new">{isStaff ? t('library.add') : t('library.suggest')}</LinkButton>{' '}
        {isAdmin && (
          <LinkButton to="/resources/suggestions" variant="secondary">
            {t('library.suggestions')}
          </LinkButton>
        )}
      </p>
      <ResourceLibrary language={language} />
    </section>
  );
}
