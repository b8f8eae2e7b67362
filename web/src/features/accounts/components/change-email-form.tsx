import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { accountFieldMessage, checkAccountFields } from '../account-rules';
import { useRequestEmailChange } from '../hooks/use-recovery-mutations';

/** The address changes only once the link sent to the new one is opened. */
export function ChangeEmailForm() {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { requestEmailChange, loading } = useRequestEmailChange();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const missing = {
      ...(checkAccountFields({ email: newEmail }).length ? { newEmail: accountFieldMessage(t, 'email') } : {}),
      ...(password ? {} : { password: t('errors.required') }),
    };
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await requestEmailChange(newEmail.trim(), password);
      setSentTo(newEmail.trim());
      setPassword('');
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: ['newEmail', 'password'],
          fieldMessage: (field, message) => (field === 'password' ? t('errors.currentPassword') : accountFieldMessage(t, 'email', message)),
          conflict: { field: 'newEmail', message: t('errors.emailTaken') },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="change-email-title" className="form">
      <h2 id="change-email-title">{t('changeEmail.title')}</h2>
      <p>{t('changeEmail.intro')}</p>
      <FormAlert message={errors.form} />
      <Field form="change-email" name="newEmail" label={t('fields.newEmail.label')} error={errors.fields.newEmail}>
        {(control) => (
          <input {...control} type="email" autoComplete="email" inputMode="email" required value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)} />
        )}
      </Field>
      <Field form="change-email" name="password" label={t('fields.currentPassword.label')} error={errors.fields.password}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('changeEmail.submitting') : t('changeEmail.submit')}
      </button>
      <StatusMessage message={sentTo ? t('changeEmail.sent', { email: sentTo }) : null} />
    </form>
  );
}
