import { useMutation } from '@apollo/client/react';
import { InviteCourseMemberDocument, type EnrollmentRole } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert } from '../../../ui/field';
import { Button } from '../../../ui/button';
import { FadingStatus } from '../../../ui/status';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { courseFieldMessage } from '../course-rules';

const FIELDS = ['email', 'role', 'group'] as const;

/**
 * Invites someone by email, as learner or trainer. The answer is the same whether or not the address
 * has an account, so the form says only that the invitation was sent.
 */
export function InviteForm({ courseId, onInvited }: { courseId: string; onInvited?(): void }) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const [invite, { loading }] = useMutation(InviteCourseMemberDocument);
  const [values, setValues] = useState({ email: '', role: 'LEARNER' as EnrollmentRole, group: '' });
  const { formRef, errors, setErrors } = useFormErrors();
  const [sent, setSent] = useState<{ email: string; stamp: number } | null>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const email = values.email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return setErrors({ fields: { email: courseFieldMessage(t, 'email') }, form: null });
    if (values.group.trim().length > 80) return setErrors({ fields: { group: courseFieldMessage(t, 'group') }, form: null });
    setErrors(NO_ERRORS);
    try {
      await invite({ variables: { courseId, email, role: values.role, group: values.group.trim() || null } });
      setSent({ email, stamp: Date.now() });
      setValues((v) => ({ ...v, email: '' }));
      onInvited?.();
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (field, message) => courseFieldMessage(t, field, message) }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="invite-form-title" className="form">
      <h3 id="invite-form-title">{t('invitations.invite')}</h3>
      <FormAlert message={errors.form} />
      <Field form="invite" name="email" label={t('fields.memberEmail')} hint={t('invitations.emailHint')} error={errors.fields.email}>
        {(control) => (
          <input {...control} type="email" inputMode="email" autoComplete="off" required value={values.email}
            onChange={(e) => set('email')(e.target.value)} />
        )}
      </Field>
      <Field form="invite" name="role" label={t('fields.role')} error={errors.fields.role}>
        {(control) => (
          <select {...control} value={values.role} onChange={(e) => set('role')(e.target.value)}>
            <option value="LEARNER">{t('roles.LEARNER')}</option>
            <option value="TRAINER">{t('roles.TRAINER')}</option>
          </select>
        )}
      </Field>
      <Field form="invite" name="group" label={t('fields.group')} hint={t('fields.groupHint')} error={errors.fields.group}>
        {(control) => <input {...control} type="text" maxLength={80} value={values.group} onChange={(e) => set('group')(e.target.value)} />}
      </Field>
      <Button type="submit" disabled={loading}>
        {loading ? t('invitations.sending') : t('invitations.send')}
      </Button>
      <FadingStatus message={sent ? t('invitations.sent', { email: sent.email }) : null} stamp={sent?.stamp} seconds={8} />
    </form>
  );
}
