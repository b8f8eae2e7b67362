import type { MeFieldsFragment } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { useTwoFactorMutations } from '../hooks/use-two-factor';
import { RecoveryCodes } from './recovery-codes';

type Setup = { secret: string; qrCodeSvg: string };

/** "Two-step sign-in" on the profile page: set up, confirm, see recovery codes once, replace them, turn off. */
export function TwoFactorSection({ me }: { me: MeFieldsFragment }) {
  const { t } = useTranslation('accounts');
  const { t: tApp } = useTranslation('app');
  const twoFactor = useTwoFactorMutations();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { formRef, errors, setErrors } = useFormErrors();
  const enabled = !!me.twoFactorEnabled;

  const refused = (error: unknown) =>
    setErrors(
      toFormErrors(error, tApp, {
        fields: ['code', 'password'],
        fieldMessage: (field) => (field === 'password' ? t('twoFactor.wrongPassword') : t('twoFactor.wrongCode')),
      }),
    );

  async function run(action: () => Promise<void>) {
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      await action();
      setCode('');
      setPassword('');
    } catch (error) {
      refused(error);
    }
  }

  const begin = () => run(async () => setSetup(await twoFactor.startSetup()));

  function submit(kind: 'confirm' | 'regenerate' | 'disable') {
    return (event: FormEvent) => {
      event.preventDefault();
      const missing = { ...(code.trim() ? {} : { code: t('errors.required') }), ...(kind === 'disable' && !password ? { password: t('errors.required') } : {}) };
      if (Object.keys(missing).length) return setErrors({ fields: missing, form: null });
      void run(async () => {
        if (kind === 'confirm') {
          setCodes(await twoFactor.confirm(code.trim()));
          setSetup(null);
        } else if (kind === 'regenerate') {
          setCodes(await twoFactor.regenerate(code.trim()));
        } else {
          await twoFactor.disable(password, code.trim());
          setStatus(t('twoFactor.turnedOff'));
        }
      });
    };
  }

  const codeField = (hint?: string) => (
    <Field form="two-factor" name="code" label={t('twoFactor.fields.code')} hint={hint} error={errors.fields.code}>
      {(control) => (
        <input {...control} type="text" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} value={code}
          onChange={(e) => setCode(e.target.value)} />
      )}
    </Field>
  );

  let body;
  if (codes) {
    body = <RecoveryCodes codes={codes} onSaved={() => { setCodes(null); setStatus(t('twoFactor.turnedOn')); }} />;
  } else if (setup) {
    body = (
      <form ref={formRef} onSubmit={submit('confirm')} noValidate className="form" aria-labelledby="two-factor-title">
        <FormAlert message={errors.form} />
        <ol className="two-factor-steps">
          <li>
            {t('twoFactor.setup.scan')}
            <img className="two-factor-qr" width={200} height={200} alt={t('twoFactor.setup.qrAlt')}
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrCodeSvg)}`} />
            <p>{t('twoFactor.setup.manual')}</p>
            <p><code aria-label={t('twoFactor.setup.key')}>{setup.secret.match(/.{1,4}/g)!.join(' ')}</code></p>
          </li>
          <li>{codeField(t('twoFactor.setup.enterCode'))}</li>
        </ol>
        <button type="submit" disabled={twoFactor.loading}>{t('twoFactor.setup.confirm')}</button>
        <button type="button" className="link-button" onClick={() => { setSetup(null); setErrors(NO_ERRORS); }}>{t('twoFactor.cancel')}</button>
      </form>
    );
  } else if (enabled) {
    body = (
      <form ref={formRef} onSubmit={submit('disable')} noValidate className="form" aria-labelledby="two-factor-title">
        <FormAlert message={errors.form} />
        <p>{t('twoFactor.on')}</p>
        {codeField(t('twoFactor.codeHint'))}
        <button type="button" disabled={twoFactor.loading} onClick={(e) => submit('regenerate')(e as unknown as FormEvent)}>
          {t('twoFactor.regenerate')}
        </button>
        <Field form="two-factor" name="password" label={t('fields.password.label')} hint={t('twoFactor.disableHint')} error={errors.fields.password}>
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={twoFactor.loading}>{t('twoFactor.disable')}</button>
      </form>
    );
  } else {
    body = (
      <>
        <FormAlert message={errors.form} />
        <p>{t('twoFactor.off')}</p>
        <button type="button" disabled={twoFactor.loading} onClick={() => void begin()}>{t('twoFactor.setUp')}</button>
      </>
    );
  }

  return (
    <section aria-labelledby="two-factor-title" className="two-factor" id="two-step">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      <p>{t('twoFactor.intro')}</p>
      {me.twoFactorRequired && !enabled && <p className="notice" role="note">{t('twoFactor.requiredNotice')}</p>}
      {body}
      <StatusMessage message={status} />
    </section>
  );
}
