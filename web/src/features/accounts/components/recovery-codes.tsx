import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: the person confirms they saved them before the codes disappear. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved(): void }) {
  const { t } = useTranslation('accounts');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="recovery-codes">
      <h3 ref={heading} tabIndex={-1} id="recovery-codes-title">{t('twoFactor.recovery.title')}</h3>
      <p>{t('twoFactor.recovery.intro')}</p>
      <ul aria-labelledby="recovery-codes-title" className="recovery-code-list">
        {codes.map((code) => (
          <li key={code}><code>{code}</code></li>
        ))}
      </ul>
      <button type="button" onClick={onSaved}>{t('twoFactor.recovery.saved')}</button>
    </div>
  );
}
