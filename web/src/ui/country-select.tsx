import { countryCodes } from '@kapwa/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './field';

/** ISO 3166-1 countries, named and sorted in the interface language. Empty means "not saying" (or `noneLabel`, e.g. "Any country" in a filter). */
export function CountrySelect({ value, onChange, noneLabel, ...control }: ControlProps & { value: string; onChange(value: string): void; noneLabel?: string }) {
  const { t, i18n } = useTranslation('accounts');
  const language = i18n.resolvedLanguage ?? 'en';
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(language);
    return countryCodes()
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [language]);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{noneLabel ?? t('fields.country.none')}</option>
      {options.map(({ code, name }) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
}
