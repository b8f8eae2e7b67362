import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { FormAlert } from '../../../ui/field';
import { useTwoFactorPolicy } from '../hooks/use-two-factor';

/** For admins: require two-step sign-in of every admin, trainer and reviewer. */
export function TwoFactorPolicySwitch() {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const policy = useTwoFactorPolicy();
  const [error, setError] = useState<string | null>(null);
  if (policy.requiredForStaff === undefined) return null;

  async function change(required: boolean) {
    setError(null);
    try {
      await policy.setRequired(required);
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setError(code === 'CONFLICT' ? t('twoFactor.policy.selfFirst') : tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <section aria-labelledby="two-factor-policy-title" className="two-factor-policy">
      <h2 id="two-factor-policy-title">{t('twoFactor.policy.title')}</h2>
      <FormAlert message={error} />
      <div className="field">
        <label>
          <input type="checkbox" checked={policy.requiredForStaff} disabled={policy.loading}
            aria-describedby="two-factor-policy-hint" onChange={(e) => void change(e.target.checked)} />{' '}
          {t('twoFactor.policy.label')}
        </label>
        <p id="two-factor-policy-hint" className="field-hint">{t('twoFactor.policy.hint')}</p>
      </div>
    </section>
  );
}
