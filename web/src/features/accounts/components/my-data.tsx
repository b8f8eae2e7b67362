import { useMutation } from '@apollo/client/react';
import { DeleteMyAccountDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { readToken } from '../../../app/auth-token';
import { toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { useSession } from '../../../app/session';

/** A copy of everything Kapwa keeps about me, as a JSON file. */
export function DownloadMyData() {
  const { t } = useTranslation('accounts');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/my-data', { headers: { authorization: `Bearer ${readToken() ?? ''}` } });
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: 'kapwa-my-data.json' });
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setProblem(t('myData.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="my-data-title" className="profile-section">
      <h2 id="my-data-title">{t('myData.title')}</h2>
      <p>{t('myData.intro')}</p>
      <FormAlert message={problem} />
      <button type="button" disabled={busy} onClick={() => void download()}>
        {busy ? t('myData.preparing') : t('myData.download')}
      </button>
    </section>
  );
}

/** Deleting my account, my password asked again. */
export function DeleteMyAccount() {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const session = useSession();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(DeleteMyAccountDocument);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setErrors({ fields: { password: t('errors.required') }, form: null });
    try {
      await mutate({ variables: { password } });
      setDone(true);
      await session.end();
      void navigate('/', { replace: true });
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: ['password'], fieldMessage: () => t('deleteAccount.wrongPassword') }));
    }
  }

  return (
    <section aria-labelledby="delete-account-title" className="profile-section danger-zone">
      <h2 id="delete-account-title">{t('deleteAccount.title')}</h2>
      <p>{t('deleteAccount.explain')}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        <FormAlert message={errors.form} />
        <Field form="delete-account" name="password" label={t('deleteAccount.password')} error={errors.fields.password}>
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="btn btn-danger" disabled={loading}>
          {loading ? t('deleteAccount.deleting') : t('deleteAccount.submit')}
        </button>
      </form>
      <StatusMessage message={done ? t('deleteAccount.done') : null} />
    </section>
  );
}
