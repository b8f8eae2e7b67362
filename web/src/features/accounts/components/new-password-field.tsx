import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/field';
import { ACCOUNT_LIMITS } from '../account-rules';

/** A new password, with the sign-up rules as its hint. */
export function NewPasswordField({ form, value, error, onChange }: { form: string; value: string; error?: string; onChange(value: string): void }) {
  const { t } = useTranslation('accounts');
  return (
    <Field form={form} name="newPassword" label={t('fields.newPassword.label')} hint={t('fields.password.hint', ACCOUNT_LIMITS)} error={error}>
      {(control) => (
        <input {...control} type="password" autoComplete="new-password" required minLength={ACCOUNT_LIMITS.passwordMin}
          maxLength={ACCOUNT_LIMITS.passwordMax} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
