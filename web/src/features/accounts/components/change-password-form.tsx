import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { accountFieldMessage, checkAccountFields } from '../account-rules';
import { useLogIn } from '../hooks/use-account-mutations';
import { useChangePassword } from '../hooks/use-recovery-mutations';
import { NewPasswordField } from './new-password-field';

/**
 * Changing the password ends every session, this one too (a stolen token stops working): the form
 * then logs in again with the new password, so the person stays signed in here.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { changePassword, loading } = useChangePassword();
  const { logIn, loading: loggingIn } = useLogIn();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const missing = {
      ...(current ? {} : { currentPassword: t('errors.required') }),
      ...(checkAccountFields({ password: next }).length ? { newPassword: accountFieldMessage(t, 'password') } : {}),
    };
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await changePassword(current, next);
      await logIn(email, next);
      setCurrent('');
      setNext('');
      setChanged(true);
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: ['currentPassword', 'newPassword'],
          fieldMessage: (field, message) => (field === 'currentPassword' ? t('errors.currentPassword') : accountFieldMessage(t, 'password', message)),
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="change-password-title" className="form">
      <h2 id="change-password-title">{t('changePassword.title')}</h2>
      <p>{t('changePassword.intro')}</p>
      <FormAlert message={errors.form} />
      <Field form="change-password" name="currentPassword" label={t('fields.currentPassword.label')} error={errors.fields.currentPassword}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" required value={current}
            onChange={(e) => setCurrent(e.target.value)} />
        )}
      </Field>
      <NewPasswordField form="change-password" value={next} error={errors.fields.newPassword} onChange={setNext} />
      <button type="submit" disabled={loading || loggingIn}>
        {loading || loggingIn ? t('changePassword.submitting') : t('changePassword.submit')}
      </button>
      <StatusMessage message={changed ? t('changePassword.done') : null} />
    </form>
  );
}
