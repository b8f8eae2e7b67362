import { useApolloClient, useMutation } from '@apollo/client/react';
import { AddCourseMemberDocument, FindPersonByEmailDocument, type EnrollmentRole } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../app/forms/field';
import { courseFieldMessage } from '../course-rules';
import { useFormErrors } from '../../../app/forms/use-form-errors';

const FIELDS = ['email', 'role', 'group'] as const;

/** Adds someone who already has an account, found by their exact email address, as learner or trainer. */
export function MemberForm({ courseId, onAdded }: { courseId: string; onAdded?(): void }) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const client = useApolloClient();
  const [mutate] = useMutation(AddCourseMemberDocument);
  const [values, setValues] = useState({ email: '', role: 'LEARNER' as EnrollmentRole, group: '' });
  const [busy, setBusy] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();
  const [added, setAdded] = useState<string | null>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function refuse(fields: Record<string, string>) {
    setErrors({ fields, form: null });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const email = values.email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return refuse({ email: courseFieldMessage(t, 'email') });
    if (values.group.trim().length > 80) return refuse({ group: courseFieldMessage(t, 'group') });
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      const { data } = await client.query({ query: FindPersonByEmailDocument, variables: { email }, fetchPolicy: 'no-cache' });
      const person = data?.findPersonByEmail;
      if (!person) return refuse({ email: t('errors.noSuchPerson') });
      await mutate({ variables: { courseId, userId: person.id, role: values.role, group: values.group.trim() || null } });
      setAdded(person.displayName);
      setValues((v) => ({ ...v, email: '' }));
      onAdded?.();
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (field, message) => courseFieldMessage(t, field, message) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="member-form-title" className="form">
      <h2 id="member-form-title">{t('editor.addMember')}</h2>
      <FormAlert message={errors.form} />
      <Field form="member" name="email" label={t('fields.memberEmail')} hint={t('fields.memberEmailHint')} error={errors.fields.email}>
        {(control) => (
          <input {...control} type="email" inputMode="email" autoComplete="off" required value={values.email}
            onChange={(e) => set('email')(e.target.value)} />
        )}
      </Field>
      <Field form="member" name="role" label={t('fields.role')} error={errors.fields.role}>
        {(control) => (
          <select {...control} value={values.role} onChange={(e) => set('role')(e.target.value)}>
            <option value="LEARNER">{t('roles.LEARNER')}</option>
            <option value="TRAINER">{t('roles.TRAINER')}</option>
          </select>
        )}
      </Field>
      <Field form="member" name="group" label={t('fields.group')} hint={t('fields.groupHint')} error={errors.fields.group}>
        {(control) => <input {...control} type="text" maxLength={80} value={values.group} onChange={(e) => set('group')(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? t('editor.adding') : t('editor.addMemberSubmit')}
      </button>
      <StatusMessage message={added ? t('editor.memberAdded', { name: added }) : null} />
    </form>
  );
}
