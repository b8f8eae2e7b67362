import { useQuery } from '@apollo/client/react';
import { type MeFieldsFragment, OrganizationsDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { useUpdateMe } from '../hooks/use-account-mutations';

/** Join an organization from the list, or leave the one I belong to. */
export function MyOrganization({ me }: { me: MeFieldsFragment }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const { data } = useQuery(OrganizationsDocument);
  const { updateMe, loading } = useUpdateMe();
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const current = me.organization;

  async function save(organizationId: string | null, done: string) {
    setStatus(null);
    try {
      await updateMe({ organizationId });
      setStatus(done);
      setChosen('');
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: ['organizationId'], fieldMessage: () => t('organization.choose') }));
    }
  }

  function join(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setErrors({ fields: { organizationId: t('organization.choose') }, form: null });
    const name = data?.organizations.find((o) => o.id === chosen)?.name ?? '';
    void save(chosen, t('organization.joined', { name }));
  }

  return (
    <section aria-labelledby="organization-title" className="profile-section">
      <h2 id="organization-title">{t('organization.title')}</h2>
      <FormAlert message={errors.form} />
      {current ? (
        <p>
          {t('organization.current', { name: current.name })}{' '}
          <button type="button" disabled={loading} onClick={() => void save(null, t('organization.left', { name: current.name }))}>
            {t('organization.leave')}
          </button>
        </p>
      ) : (
        <form ref={formRef} onSubmit={join} noValidate className="form">
          <p>{t('organization.none')}</p>
          <Field form="organization" name="organizationId" label={t('organization.label')} error={errors.fields.organizationId}>
            {(control) => (
              <select {...control} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">{t('organization.pick')}</option>
                {(data?.organizations ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.country})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={loading}>{t('organization.join')}</button>
        </form>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
