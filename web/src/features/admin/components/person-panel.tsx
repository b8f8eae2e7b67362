import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminSetRolesDocument,
  OrganizationsDocument,
  RestoreUserDocument,
  SetUserOrganizationDocument,
  SuspendUserDocument,
  type AdminPersonFieldsFragment,
  type Role,
} from '@kapwa/graphql';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';

const ROLES: Role[] = ['ADMIN', 'TRAINER', 'REVIEWER'];
const REASON_MAX_LENGTH = 500;

interface Props {
  person: AdminPersonFieldsFragment;
  isMe: boolean;
  onClose(): void;
}

/** One person's roles, organization and account, each saved on its own. Focus lands on the heading when it opens. */
export function PersonPanel({ person, isMe, onClose }: Props) {
  const { t } = useTranslation('admin');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [person.id]);
  return (
    <section className="admin-panel" aria-labelledby="person-panel-title">
      <h2 id="person-panel-title" ref={headingRef} tabIndex={-1}>
        {t('person.title', { name: person.displayName })}
      </h2>
      <RolesForm key={`roles-${person.id}`} person={person} />
      <OrganizationForm key={`org-${person.id}`} person={person} />
      {!isMe && <AccountForm key={`account-${person.id}`} person={person} />}
      <p className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('people.close')}
        </button>
      </p>
    </section>
  );
}

function RolesForm({ person }: { person: AdminPersonFieldsFragment }) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation('app');
  const [mutate, { loading }] = useMutation(AdminSetRolesDocument);
  const [roles, setRoles] = useState<Role[]>([...person.roles]);
  const [saved, setSaved] = useState<string | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setErrors({ fields: {}, form: null });
    try {
      await mutate({ variables: { userId: person.id, roles } });
      setSaved(t('person.rolesSaved', { name: person.displayName }));
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: [], fieldMessage: (_, m) => m, codeMessages: { CONFLICT: t('person.lastAdmin') } }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="form" noValidate>
      <FormAlert message={errors.form} />
      <fieldset>
        <legend>{t('person.roles')}</legend>
        <p className="field-hint" id="person-roles-hint">{t('person.rolesHint')}</p>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={roles.includes(role)} aria-describedby="person-roles-hint"
              onChange={(e) => {
                setSaved(null);
                setRoles((current) => (e.target.checked ? [...current, role] : current.filter((r) => r !== role)));
              }} />{' '}
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={loading}>
        {loading ? t('person.savingRoles') : t('person.saveRoles')}
      </button>
      <StatusMessage message={saved} />
    </form>
  );
}

function OrganizationForm({ person }: { person: AdminPersonFieldsFragment }) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation('app');
  const { data } = useQuery(OrganizationsDocument);
  const [mutate, { loading }] = useMutation(SetUserOrganizationDocument);
  const [organizationId, setOrganizationId] = useState(person.organization?.id ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setErrors({ fields: {}, form: null });
    try {
      await mutate({ variables: { userId: person.id, organizationId: organizationId || null } });
      setSaved(t('person.organizationSaved', { name: person.displayName }));
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: [], fieldMessage: (_, m) => m }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="form" noValidate>
      <FormAlert message={errors.form} />
      <Field form="person" name="organizationId" label={t('person.organization')}>
        {(control) => (
          <select {...control} value={organizationId} onChange={(e) => {
            setSaved(null);
            setOrganizationId(e.target.value);
          }}>
            <option value="">{t('people.noOrganization')}</option>
            {data?.organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name} ({organization.country})
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('person.savingOrganization') : t('person.saveOrganization')}
      </button>
      <StatusMessage message={saved} />
    </form>
  );
}

/** Suspend with a reason, or restore. After either, focus moves to the other action, and a status says what happened. */
function AccountForm({ person }: { person: AdminPersonFieldsFragment }) {
  const { t } = useTranslation('admin');
  const { t: tApp } = useTranslation('app');
  const [suspend, suspending] = useMutation(SuspendUserDocument);
  const [restore, restoring] = useMutation(RestoreUserDocument);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const nextFocus = useRef<'restore' | 'reason' | null>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (nextFocus.current === 'restore') restoreRef.current?.focus();
    if (nextFocus.current === 'reason') reasonRef.current?.focus();
    nextFocus.current = null;
  }, [person.suspendedAt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    try {
      if (person.suspendedAt) {
        setErrors({ fields: {}, form: null });
        nextFocus.current = 'reason';
        await restore({ variables: { userId: person.id } });
        setDone(t('person.restored', { name: person.displayName }));
      } else {
        const text = reason.trim();
        if (!text || text.length > REASON_MAX_LENGTH) {
          setErrors({ fields: { reason: t('person.reasonRequired') }, form: null });
          return;
        }
        setErrors({ fields: {}, form: null });
        nextFocus.current = 'restore';
        await suspend({ variables: { userId: person.id, reason: text } });
        setReason('');
        setDone(t('person.suspended', { name: person.displayName }));
      }
    } catch (error) {
      nextFocus.current = null;
      const refusedSelf = apiErrorsOf(error).some((e) => e.field === 'userId');
      setErrors(
        toFormErrors(error, tApp, {
          fields: ['reason'],
          fieldMessage: () => t('person.reasonRequired'),
          codeMessages: { CONFLICT: t('person.lastAdmin'), ...(refusedSelf ? { BAD_USER_INPUT: t('person.cannotSuspendSelf') } : {}) },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="form" noValidate aria-labelledby="account-form-title">
      <h3 id="account-form-title">{person.suspendedAt ? t('person.restoreTitle') : t('person.suspendTitle')}</h3>
      <FormAlert message={errors.form} />
      {person.suspendedAt ? (
        <>
          <p>{t('person.restoreHint', { name: person.displayName })}</p>
          <button ref={restoreRef} type="submit" disabled={restoring.loading}>
            {restoring.loading ? t('person.restoring') : t('person.restore')}
          </button>
        </>
      ) : (
        <>
          <p>{t('person.suspendHint')}</p>
          <Field form="person" name="reason" label={t('person.reason')} hint={t('person.reasonHint')} error={errors.fields.reason}>
            {(control) => (
              <textarea {...control} ref={reasonRef} rows={2} maxLength={REASON_MAX_LENGTH} required value={reason}
                onChange={(e) => setReason(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="button-danger" disabled={suspending.loading}>
            {suspending.loading ? t('person.suspending') : t('person.suspend')}
          </button>
        </>
      )}
      <StatusMessage message={done} />
    </form>
  );
}
