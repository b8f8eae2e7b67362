import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERFACE_LANGUAGES } from './i18n';
import { languageName } from './language-names';

/**
 * For signed-out visitors; signed-in users choose their language in their profile. Each language is
 * named in itself ("မြန်မာ"), so people find their own in any interface. A browser lays out every
 * option of a select, and a name in another script would fetch that script's web font on every page
 * (fonts.css): until someone reaches for the picker, the other languages are named in the interface's
 * language ("Burmese") instead, so an English page loads no font.
 */
export function InterfaceLanguagePicker() {
  const { t, i18n } = useTranslation('app');
  const [reached, setReached] = useState(false);
  const current = i18n.resolvedLanguage ?? 'en';
  const reach = () => setReached(true);
  return (
    <div className="language-picker">
      <label htmlFor="interface-language">{t('interfaceLanguage')}</label>
      <select
        id="interface-language"
        value={current}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
        onFocus={reach}
        onPointerEnter={reach}
        onPointerDown={reach}
      >
        {INTERFACE_LANGUAGES.map((language) =>
          reached || language === current ? (
            <option key={language} value={language} lang={language}>
              {languageName(language)}
            </option>
          ) : (
            <option key={language} value={language}>
              {languageName(language, current)}
            </option>
          ),
        )}
      </select>
    </div>
  );
}
