import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert } from '../../../app/forms/field';
import { accountFieldMessage } from '../account-rules';
import { useLogIn } from '../hooks/use-account-mutations';
import { useFormErrors } from '../../../app/forms/use-form-errors';

export function LogInForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { logIn, loading } = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [shared, setShared] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = { ...(email.trim() ? {} : { email: t('errors.required') }), ...(password ? {} : { password: t('errors.required') }) };
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await logIn(email.trim(), password, { shared });
      onDone();
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: ['email', 'password'],
          fieldMessage: (field, message) => accountFieldMessage(t, field, message),
          // One answer for a wrong email and a wrong password: the API never says which.
          codeMessages: { UNAUTHENTICATED: t('errors.wrongCredentials') },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="log-in-title" className="form">
      <FormAlert message={errors.form} />
      <Field form="log-in" name="email" label={t('fields.email.label')} error={errors.fields.email}>
        {(control) => (
          <input {...control} type="email" autoComplete="username" inputMode="email" required value={email}
            onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <Field form="log-in" name="password" label={t('fields.password.label')} error={errors.fields.password}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <div className="checkbox-field">
        <input id="log-in-shared" type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)}
          aria-describedby="log-in-shared-hint" />
        <label htmlFor="log-in-shared">{t('logIn.sharedComputer')}</label>
        <p id="log-in-shared-hint" className="field-hint">
          {t('logIn.sharedComputerHint')}
        </p>
      </div>
      <button type="submit" disabled={loading}>
        {loading ? t('logIn.submitting') : t('logIn.submit')}
      </button>
    </form>
  );
}
