import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { accountFieldMessage, checkAccountFields } from '../account-rules';
import { useRequestPasswordReset } from '../hooks/use-recovery-mutations';

/** Asks for the email; the answer is the same whether or not it has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { requestReset, loading } = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (checkAccountFields({ email }).length) {
      setErrors({ fields: { email: accountFieldMessage(t, 'email') }, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await requestReset(email.trim());
      setSent(true);
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: ['email'], fieldMessage: (field, message) => accountFieldMessage(t, field, message) }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="forgot-password-title" className="form">
      <FormAlert message={errors.form} />
      <Field form="forgot-password" name="email" label={t('fields.email.label')} error={errors.fields.email}>
        {(control) => (
          <input {...control} type="email" autoComplete="username" inputMode="email" required value={email}
            onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
      </button>
      <StatusMessage message={sent ? t('forgotPassword.sent') : null} />
    </form>
  );
}
