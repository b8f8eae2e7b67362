import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { FormAlert } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { accountFieldMessage, checkAccountFields } from '../account-rules';
import { useResetPassword } from '../hooks/use-recovery-mutations';
import { NewPasswordField } from './new-password-field';

/** Sets a new password from the emailed link's token, then the person is logged in. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone(): void }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { resetPassword, loading } = useResetPassword();
  const [password, setPassword] = useState('');
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (checkAccountFields({ password }).length) {
      setErrors({ fields: { newPassword: accountFieldMessage(t, 'password') }, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await resetPassword(token, password);
      onDone();
    } catch (error) {
      const refused = toFormErrors(error, tApp, {
        fields: ['newPassword', 'token'],
        fieldMessage: (field, message) => (field === 'token' ? t('resetPassword.badLink') : accountFieldMessage(t, 'password', message)),
      });
      // The link is no field of this form: a refused link is said at the top, with what to do.
      setErrors({ fields: { newPassword: refused.fields.newPassword }, form: refused.fields.token ?? refused.form });
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="reset-password-title" className="form">
      <FormAlert message={errors.form} />
      <NewPasswordField form="reset-password" value={password} error={errors.fields.newPassword} onChange={setPassword} />
      <button type="submit" disabled={loading}>
        {loading ? t('resetPassword.submitting') : t('resetPassword.submit')}
      </button>
    </form>
  );
}
