import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';
import { CountrySelect } from '../../../ui/country-select';
import { Field } from '../../../ui/field';
import { DIRECTORY_LANGUAGES, type DirectoryFilters as Filters } from '../directory-rules';

interface Props {
  filters: Filters;
  language: string;
  onChange(change: Partial<Filters>): void;
  /** Typing a search: one step in the history however many letters it takes. */
  onSearch(text: string): void;
  onClear(): void;
}

/** Search and filters of the directory; each control changes the list at once (the address follows). */
export function DirectoryFilters({ filters, language, onChange, onSearch, onClear }: Props) {
  const { t } = useTranslation('directory');
  return (
    <form role="search" aria-label={t('filters.label')} className="directory-filters" onSubmit={(e) => e.preventDefault()}>
      <Field form="directory" name="text" label={t('filters.text')} hint={t('filters.textHint')}>
        {(control) => <input {...control} type="search" value={filters.text} onChange={(e) => onSearch(e.target.value)} />}
      </Field>
      <Field form="directory" name="country" label={t('filters.country')}>
        {(control) => <CountrySelect {...control} value={filters.country} emptyLabel={t('filters.anyCountry')} onChange={(country) => onChange({ country })} />}
      </Field>
      <Field form="directory" name="expertise" label={t('filters.expertise')}>
        {(control) => <input {...control} type="text" value={filters.expertise} onChange={(e) => onChange({ expertise: e.target.value })} />}
      </Field>
      <Field form="directory" name="language" label={t('filters.language')}>
        {(control) => (
          <select {...control} value={filters.language} onChange={(e) => onChange({ language: e.target.value })}>
            <option value="">{t('filters.anyLanguage')}</option>
            {DIRECTORY_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="checkbox-field">
        <input id="directory-focal" type="checkbox" checked={filters.focalPointsOnly} onChange={(e) => onChange({ focalPointsOnly: e.target.checked })} />
        <label htmlFor="directory-focal">{t('filters.focalPointsOnly')}</label>
      </div>
      <button type="button" className="btn btn-quiet btn-small" onClick={onClear}>
        {t('filters.clear')}
      </button>
    </form>
  );
}
