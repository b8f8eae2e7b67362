import { useMutation } from '@apollo/client/react';
import { CreateOrganizationDocument, UpdateOrganizationDocument, type OrganizationKind, type OrganizationsQuery } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { CountrySelect } from '../../../ui/country-select';

type Organization = OrganizationsQuery['organizations'][number];

export const ORGANIZATION_KINDS: OrganizationKind[] = ['NHRI', 'NGO', 'GOVERNMENT', 'UNIVERSITY', 'INTERGOVERNMENTAL', 'OTHER'];
const FIELDS = ['name', 'country', 'kind'] as const;

interface Props {
  /** Absent: a form that creates one. */
  organization?: Organization;
  onDone?(organization: Organization): void;
  onCancel?(): void;
}

/** Creates an organization, or edits one (sending only what changed). */
export function OrganizationForm({ organization, onDone, onCancel }: Props) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation('app');
  const [create, creating] = useMutation(CreateOrganizationDocument, { refetchQueries: ['Organizations'] });
  const [update, updating] = useMutation(UpdateOrganizationDocument);
  const empty = { name: '', country: '', kind: 'NHRI' as OrganizationKind };
  const [values, setValues] = useState(organization ? { name: organization.name, country: organization.country, kind: organization.kind } : empty);
  const [done, setDone] = useState<string | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const form = organization ? `organization-${organization.id}` : 'new-organization';
  const busy = creating.loading || updating.loading;
  const set = (field: keyof typeof values) => (value: string) => {
    setDone(null);
    setValues((v) => ({ ...v, [field]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const name = values.name.trim();
    const refused: Record<string, string> = {};
    if (name.length < 2 || name.length > 200 || /[\r\n]/.test(name)) refused.name = t('organizations.nameInvalid');
    if (!values.country) refused.country = t('organizations.countryRequired');
    if (Object.keys(refused).length) return setErrors({ fields: refused, form: null });
    setErrors({ fields: {}, form: null });
    try {
      let saved: Organization | undefined;
      if (organization) {
        const input = Object.fromEntries(
          Object.entries({ ...values, name }).filter(([field, value]) => organization[field as keyof typeof values] !== value),
        );
        saved = (await update({ variables: { id: organization.id, input } })).data?.updateOrganization;
        if (saved) setDone(t('organizations.saved', { name: saved.name }));
      } else {
        saved = (await create({ variables: { input: { ...values, name } } })).data?.createOrganization;
        if (saved) setDone(t('organizations.created', { name: saved.name }));
        setValues(empty);
      }
      if (saved) onDone?.(saved);
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: FIELDS,
          fieldMessage: (field) => (field === 'country' ? t('organizations.countryRequired') : t('organizations.nameInvalid')),
          conflict: { field: 'name', message: t('organizations.nameTaken') },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby={`${form}-title`}>
      <h2 id={`${form}-title`} tabIndex={-1}>
        {organization ? t('organizations.editTitle', { name: organization.name }) : t('organizations.create')}
      </h2>
      <FormAlert message={errors.form} />
      <Field form={form} name="name" label={t('organizations.name')} hint={t('organizations.nameHint')} error={errors.fields.name}>
        {(control) => <input {...control} type="text" required maxLength={200} value={values.name} onChange={(e) => set('name')(e.target.value)} />}
      </Field>
      <Field form={form} name="country" label={t('organizations.country')} error={errors.fields.country}>
        {(control) => <CountrySelect {...control} value={values.country} onChange={set('country')} />}
      </Field>
      <Field form={form} name="kind" label={t('organizations.kind')} error={errors.fields.kind}>
        {(control) => (
          <select {...control} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
            {ORGANIZATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organizations.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="actions">
        <button type="submit" disabled={busy}>
          {organization ? (busy ? t('organizations.saving') : t('organizations.save')) : busy ? t('organizations.creating') : t('organizations.createSubmit')}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('organizations.cancel')}
          </button>
        )}
      </p>
      <StatusMessage message={done} />
    </form>
  );
}
