import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorFlag, NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert } from '../../../ui/field';
import { accountFieldMessage } from '../account-rules';
import { useLogIn } from '../hooks/use-account-mutations';
import { useFormErrors } from '../../../app/forms/use-form-errors';

export function LogInForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { logIn, loading } = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The second step: the API asked for a code after a right password. Same page, same form.
  const [codeStep, setCodeStep] = useState(false);
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [code, setCode] = useState('');
  const [shared, setShared] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      ...(email.trim() ? {} : { email: t('errors.required') }),
      ...(password ? {} : { password: t('errors.required') }),
      ...(codeStep && !code.trim() ? { twoFactorCode: t('errors.required') } : {}),
    };
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await logIn(email.trim(), password, { shared, twoFactorCode: codeStep ? code.trim() : undefined });
      onDone();
    } catch (error) {
      if (hasErrorFlag(error, 'twoFactorRequired')) {
        const asked = !codeStep;
        setCodeStep(true);
        setErrors(asked ? NO_ERRORS : { fields: { twoFactorCode: t('twoFactor.wrongCode') }, form: null });
        if (asked) requestAnimationFrame(() => document.getElementById('log-in-twoFactorCode')?.focus());
        return;
      }
      setErrors(
        toFormErrors(error, tApp, {
          fields: ['email', 'password'],
          fieldMessage: (field, message) => accountFieldMessage(t, field, message),
          // One answer for a wrong email and a wrong password: the API never says which.
          // FORBIDDEN comes only after the right password: the account is suspended.
          codeMessages: { UNAUTHENTICATED: t('errors.wrongCredentials'), FORBIDDEN: t('errors.suspended') },
        }),
      );
    }
  }

  if (codeStep) {
    return (
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="log-in-title" className="form">
        <FormAlert message={errors.form} />
        <p>{useRecoveryCode ? t('twoFactor.logIn.recoveryIntro') : t('twoFactor.logIn.intro')}</p>
        <Field
          form="log-in"
          name="twoFactorCode"
          label={useRecoveryCode ? t('twoFactor.fields.recoveryCode') : t('twoFactor.fields.code')}
          error={errors.fields.twoFactorCode}
        >
          {(control) => (
            <input {...control} type="text" required value={code} onChange={(e) => setCode(e.target.value)}
              autoComplete="one-time-code" spellCheck={false}
              {...(useRecoveryCode ? {} : { inputMode: 'numeric' as const, pattern: '[0-9 ]*', maxLength: 7 })} />
          )}
        </Field>
        <button type="submit" disabled={loading}>
          {loading ? t('logIn.submitting') : t('logIn.submit')}
        </button>
        <button type="button" className="link-button" onClick={() => { setUseRecoveryCode((r) => !r); setCode(''); setErrors(NO_ERRORS); }}>
          {useRecoveryCode ? t('twoFactor.logIn.useApp') : t('twoFactor.logIn.useRecoveryCode')}
        </button>
      </form>
    );
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
