import { INTERFACE_LOCALES } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';
import { Button } from '../../../ui/button';
import { CountrySelect } from '../../../ui/country-select';
import { hasFilters, type LibraryFilters } from '../resource-filter';

interface Props {
  filters: LibraryFilters;
  language: string;
  onChange(change: Partial<LibraryFilters>, typing?: boolean): void;
  onClear(): void;
}

/** Search and filters over the library; each applies as it changes. */
export function ResourceFilters({ filters, language, onChange, onClear }: Props) {
  const { t } = useTranslation('resources');
  const languages: string[] = [...INTERFACE_LOCALES];
  if (filters.language && !languages.includes(filters.language)) languages.push(filters.language);
  return (
    <form role="search" aria-label={t('filters.label')} className="resource-filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="resources-q">{t('filters.text')}</label>
        <input id="resources-q" type="search" name="q" value={filters.q} onChange={(event) => onChange({ q: event.target.value }, true)} autoComplete="off" enterKeyHint="search" />
      </div>
      <div className="field">
        <label htmlFor="resources-tag">{t('filters.tag')}</label>
        <input id="resources-tag" type="search" name="tag" value={filters.tag} onChange={(event) => onChange({ tag: event.target.value }, true)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="resources-language">{t('filters.language')}</label>
        <select id="resources-language" name="language" value={filters.language} onChange={(event) => onChange({ language: event.target.value })}>
          <option value="">{t('filters.allLanguages')}</option>
          {languages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="resources-country">{t('filters.country')}</label>
        <CountrySelect id="resources-country" name="country" value={filters.country} onChange={(country) => onChange({ country })} emptyLabel={t('filters.allCountries')} />
      </div>
      {hasFilters(filters) && (
        <Button variant="quiet" size="small" onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </form>
  );
}
