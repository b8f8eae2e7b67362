import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert } from '../../../ui/field';
import { browserLanguage } from '../../../app/i18n';
import { ACCOUNT_FIELDS, ACCOUNT_LIMITS, accountFieldMessage, checkAccountFields } from '../account-rules';
import { useSignUp } from '../hooks/use-account-mutations';
import { CountrySelect } from '../../../ui/country-select';
import { LanguageSelect } from '../../../ui/language-select';
import { TimeZoneSelect, browserTimeZone } from '../../../ui/time-zone-select';
import { useFormErrors } from '../../../app/forms/use-form-errors';

export function SignUpForm({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { signUp, loading } = useSignUp();
  const [values, setValues] = useState({
    email: '',
    password: '',
    displayName: '',
    country: '',
    timeZone: browserTimeZone(),
    locale: i18n.resolvedLanguage ?? browserLanguage(),
  });
  const { formRef, errors, setErrors } = useFormErrors();
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (field: keyof typeof values) => errors.fields[field];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = checkAccountFields(values);
    if (refused.length) {
      setErrors({ fields: Object.fromEntries(refused.map((f) => [f, accountFieldMessage(t, f)])), form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await signUp({
        email: values.email.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
        country: values.country || null,
        timeZone: values.timeZone,
        locale: values.locale,
      });
      onDone();
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: ACCOUNT_FIELDS,
          fieldMessage: (field, message) => accountFieldMessage(t, field, message),
          conflict: { field: 'email', message: t('errors.emailTaken') },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="sign-up-title" className="form">
      <FormAlert message={errors.form} />
      <Field form="sign-up" name="email" label={t('fields.email.label')} error={fieldError('email')}>
        {(control) => (
          <input {...control} type="email" autoComplete="email" inputMode="email" required maxLength={ACCOUNT_LIMITS.emailMax}
            value={values.email} onChange={(e) => set('email')(e.target.value)} />
        )}
      </Field>
      <Field form="sign-up" name="password" label={t('fields.password.label')} hint={t('fields.password.hint', ACCOUNT_LIMITS)}
        error={fieldError('password')}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" required minLength={ACCOUNT_LIMITS.passwordMin}
            maxLength={ACCOUNT_LIMITS.passwordMax} value={values.password} onChange={(e) => set('password')(e.target.value)} />
        )}
      </Field>
      <Field form="sign-up" name="displayName" label={t('fields.displayName.label')} hint={t('fields.displayName.hint', ACCOUNT_LIMITS)}
        error={fieldError('displayName')}>
        {(control) => (
          <input {...control} type="text" autoComplete="nickname" required maxLength={ACCOUNT_LIMITS.displayNameMax}
            value={values.displayName} onChange={(e) => set('displayName')(e.target.value)} />
        )}
      </Field>
      <Field form="sign-up" name="country" label={t('fields.country.label')} hint={t('fields.country.hint')} error={fieldError('country')}>
        {(control) => <CountrySelect {...control} value={values.country} onChange={set('country')} />}
      </Field>
      <Field form="sign-up" name="timeZone" label={t('fields.timeZone.label')} hint={t('fields.timeZone.hint')} error={fieldError('timeZone')}>
        {(control) => <TimeZoneSelect {...control} value={values.timeZone} onChange={set('timeZone')} />}
      </Field>
      <Field form="sign-up" name="locale" label={t('fields.locale.label')} error={fieldError('locale')}>
        {(control) => <LanguageSelect {...control} value={values.locale} onChange={set('locale')} />}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('signUp.submitting') : t('signUp.submit')}
      </button>
    </form>
  );
}
