import type { CourseKind } from '@kapwa/graphql';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';
import { Icon } from '../../../ui/icons';
import type { CatalogueFilters as Filters } from '../catalogue-filter';
import './catalogue-filters.css';

interface Props {
  filters: Filters;
  /** Course languages to choose from (tags). */
  languages: string[];
  /** The interface's language: language names are written in it. */
  language: string;
  onSearch(q: string): void;
  onChange(change: Partial<Filters>): void;
  searchRef?: Ref<HTMLInputElement>;
}

/** Search and filters over the catalogue; each applies as it changes, with no button and no reload. */
export function CatalogueFilters({ filters, languages, language, onSearch, onChange, searchRef }: Props) {
  const { t } = useTranslation('courses');
  const choices = filters.language && !languages.includes(filters.language) ? [...languages, filters.language] : languages;
  const named = choices.map((tag) => ({ tag, name: languageName(tag, language) })).sort((a, b) => a.name.localeCompare(b.name, language));
  return (
    <form role="search" aria-label={t('catalogue.filters.label')} className="catalogue-filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field catalogue-search">
        <label htmlFor="catalogue-q">{t('catalogue.filters.search')}</label>
        <div className="catalogue-search-box">
          <Icon name="search" size={18} />
          <input
            ref={searchRef}
            id="catalogue-q"
            type="search"
            name="q"
            value={filters.q}
            onChange={(event) => onSearch(event.target.value)}
            autoComplete="off"
            enterKeyHint="search"
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="catalogue-language">{t('catalogue.filters.language')}</label>
        <select id="catalogue-language" name="language" value={filters.language} onChange={(event) => onChange({ language: event.target.value })}>
          <option value="">{t('catalogue.filters.allLanguages')}</option>
          {named.map(({ tag, name }) => (
            <option key={tag} value={tag}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="catalogue-kind">{t('catalogue.filters.kind')}</label>
        <select id="catalogue-kind" name="kind" value={filters.kind} onChange={(event) => onChange({ kind: event.target.value as CourseKind | '' })}>
          <option value="">{t('catalogue.filters.allKinds')}</option>
          <option value="COURSE">{t('catalogue.filters.courses')}</option>
          <option value="REFRESHER">{t('catalogue.filters.refreshers')}</option>
        </select>
      </div>
      <div className="checkbox-field catalogue-open">
        <input id="catalogue-open" type="checkbox" name="open" checked={filters.open} onChange={(event) => onChange({ open: event.target.checked })} />
        <label htmlFor="catalogue-open">{t('catalogue.filters.open')}</label>
      </div>
    </form>
  );
}
