import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddressState } from '../app/use-address-state';
import { useViewer } from '../app/use-viewer';
import { DirectoryFilters } from '../features/directory/components/directory-filters';
import { DirectoryResults } from '../features/directory/components/directory-results';
import { apiFilter, filtersFromSearch, NO_FILTERS, searchFromFilters, type DirectoryFilters as Filters } from '../features/directory/directory-rules';
import { LinkButton } from '../ui/button';
import { usePageTitle } from './use-page-title';
import '../features/directory/directory.css';

/** The alumni directory (skills bank): find colleagues and focal points by country, expertise, language or words. */
export default function DirectoryPage() {
  const { t } = useTranslation('directory');
  const { me, isAdmin, language } = useViewer();
  const [filters, setFilters] = useAddressState(filtersFromSearch, searchFromFilters);
  const update = useCallback((change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change })), [setFilters]);
  const search = useCallback((text: string) => setFilters((current) => ({ ...current, text }), { replace: (current) => current.text.trim() !== '' }), [setFilters]);
  usePageTitle(t('list.title'));
  const filter = apiFilter(filters);
  return (
    <section aria-labelledby="page-title" className="directory-page">
      <div className="directory-page-head">
        <h1 id="page-title">{t('list.title')}</h1>
        <LinkButton to="/directory/me" variant="secondary">
          {t('list.editMine')}
        </LinkButton>
      </div>
      <p className="lead">{t(isAdmin ? 'list.introAdmin' : 'list.intro')}</p>
      <DirectoryFilters filters={filters} language={language} onChange={update} onSearch={search} onClear={() => setFilters(NO_FILTERS)} />
      <DirectoryResults key={JSON.stringify(filter)} filter={filter} viewerId={me?.id ?? null} isAdmin={isAdmin} language={language} />
    </section>
  );
}
