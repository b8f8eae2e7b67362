import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Field } from '../../../ui/field';

/** Anyone with a code (an employer, a funder) opens its public page. */
export function VerifyForm({ initial = '', heading: Heading = 'h2' }: { initial?: string; heading?: 'h1' | 'h2' }) {
  const { t } = useTranslation('certificates');
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean = code.trim();
    if (!clean) {
      setError(t('verify.required'));
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    void navigate(`/certificates/${encodeURIComponent(clean)}`);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="verify-title" className="form verify-form">
      <Heading id="verify-title">{t('verify.title')}</Heading>
      <Field form="verify" name="code" label={t('verify.code')} hint={t('verify.hint')} error={error}>
        {(control) => (
          <input {...control} ref={inputRef} type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false}
            value={code} onChange={(e) => setCode(e.target.value)} />
        )}
      </Field>
      <button type="submit">{t('verify.submit')}</button>
    </form>
  );
}
