import type { MeFieldsFragment } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { ACCOUNT_FIELDS, ACCOUNT_LIMITS, accountFieldMessage, checkAccountFields } from '../account-rules';
import { useUpdateMe } from '../hooks/use-account-mutations';
import { CountrySelect } from '../../../ui/country-select';
import { LanguageSelect } from '../../../ui/language-select';
import { TimeZoneSelect } from '../../../ui/time-zone-select';
import { useFormErrors } from '../../../app/forms/use-form-errors';

export function ProfileForm({ me }: { me: MeFieldsFragment }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { updateMe, loading } = useUpdateMe();
  const [values, setValues] = useState({
    displayName: me.displayName,
    country: me.country ?? '',
    timeZone: me.timeZone,
    locale: me.locale,
  });
  const { formRef, errors, setErrors } = useFormErrors();
  const [saved, setSaved] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [field]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const refused = checkAccountFields(values);
    if (refused.length) {
      setErrors({ fields: Object.fromEntries(refused.map((f) => [f, accountFieldMessage(t, f)])), form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await updateMe({
        displayName: values.displayName.trim(),
        country: values.country || null,
        timeZone: values.timeZone,
        locale: values.locale,
      });
      setSaved(true);
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: ACCOUNT_FIELDS,
          fieldMessage: (field, message) => accountFieldMessage(t, field, message),
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="profile-title" className="form">
      <FormAlert message={errors.form} />
      {me.email && (
        <p className="field-readonly">
          <span className="field-readonly-label">{t('fields.email.label')}</span> {me.email}
          <br />
          <span className="field-hint">{t('profile.emailPrivacy')}</span>
        </p>
      )}
      <Field form="profile" name="displayName" label={t('fields.displayName.label')} hint={t('fields.displayName.hint', ACCOUNT_LIMITS)}
        error={errors.fields.displayName}>
        {(control) => (
          <input {...control} type="text" autoComplete="nickname" required maxLength={ACCOUNT_LIMITS.displayNameMax}
            value={values.displayName} onChange={(e) => set('displayName')(e.target.value)} />
        )}
      </Field>
      <Field form="profile" name="country" label={t('fields.country.label')} hint={t('fields.country.hint')} error={errors.fields.country}>
        {(control) => <CountrySelect {...control} value={values.country} onChange={set('country')} />}
      </Field>
      <Field form="profile" name="timeZone" label={t('fields.timeZone.label')} hint={t('fields.timeZone.hint')} error={errors.fields.timeZone}>
        {(control) => <TimeZoneSelect {...control} value={values.timeZone} onChange={set('timeZone')} />}
      </Field>
      <Field form="profile" name="locale" label={t('fields.locale.label')} error={errors.fields.locale}>
        {(control) => <LanguageSelect {...control} value={values.locale} onChange={set('locale')} />}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('profile.saving') : t('profile.save')}
      </button>
      <StatusMessage message={saved ? t('profile.saved') : null} />
    </form>
  );
}
