import { useTranslation } from 'react-i18next';
import { INTERFACE_LANGUAGES } from './i18n';
import { languageName } from './language-names';

/** For signed-out visitors; signed-in users choose their language in their profile. */
export function InterfaceLanguagePicker() {
  const { t, i18n } = useTranslation('app');
  return (
    <div className="language-picker">
      <label htmlFor="interface-language">{t('interfaceLanguage')}</label>
      <select
        id="interface-language"
        value={i18n.resolvedLanguage}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {INTERFACE_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageName(language)}
          </option>
        ))}
      </select>
    </div>
  );
}
