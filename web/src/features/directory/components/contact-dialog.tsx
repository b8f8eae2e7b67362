import { useMutation } from '@apollo/client/react';
import { ContactMemberDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { Field, FormAlert } from '../../../ui/field';
import { PROFILE_LIMITS } from '../directory-rules';

/**
 * "Contact": a message to a member, sent as a Kapwa notification and email. Neither person's email address
 * is shown to the other; the dialog says so before anything is sent, and confirms once it is.
 */
export function ContactDialog({ userId, name, open, onClose }: { userId: string; name: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation('directory');
  const { t: tApp } = useTranslation('app');
  const [send, { loading }] = useMutation(ContactMemberDocument);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();

  function close() {
    setMessage('');
    setSent(false);
    setErrors(NO_ERRORS);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) return setErrors({ fields: { message: t('contact.empty') }, form: null });
    if (message.length > PROFILE_LIMITS.messageMax) return setErrors({ fields: { message: t('contact.tooLong', PROFILE_LIMITS) }, form: null });
    setErrors(NO_ERRORS);
    try {
      await send({ variables: { userId, message } });
      setSent(true);
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: ['message'], fieldMessage: (_, apiMessage) => apiMessage }));
    }
  }

  return (
    <Dialog open={open} title={t('contact.title', { name })} onClose={close} closeLabel={t('contact.close')}>
      {sent ? (
        <div className="directory-contact-sent">
          <p role="status">{t('contact.sent', { name })}</p>
          <Button onClick={close}>{t('contact.done')}</Button>
        </div>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate className="form">
          <FormAlert message={errors.form} />
          <Field form="contact" name="message" label={t('contact.message')} hint={t('contact.hint')} error={errors.fields.message}>
            {(control) => <textarea {...control} rows={6} maxLength={PROFILE_LIMITS.messageMax} value={message} onChange={(e) => setMessage(e.target.value)} />}
          </Field>
          <Button type="submit" disabled={loading}>
            {loading ? t('contact.sending') : t('contact.send')}
          </Button>
        </form>
      )}
    </Dialog>
  );
}
