import { INTERFACE_LOCALES } from '@kapwa/shared';
import type { ControlProps } from './field';
import { languageName } from '../app/language-names';

/** The interface languages, each named in itself. A saved language we don't translate yet is kept. */
export function LanguageSelect({ value, onChange, ...control }: ControlProps & { value: string; onChange(value: string): void }) {
  const languages: string[] = [...INTERFACE_LOCALES];
  if (value && !languages.includes(value)) languages.push(value);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {languageName(language)}
        </option>
      ))}
    </select>
  );
}
