import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { usePageTitle } from '../../../pages/use-page-title';

type Outcome = 'working' | 'done' | 'badLink' | 'taken' | 'failed';

/**
 * A page opened from an emailed link that acts on arrival (confirm an address, switch to a new one).
 * `kind` names its texts in the accounts namespace.
 */
export function EmailLinkOutcome({ kind, spend }: { kind: 'verifyEmail' | 'confirmEmail'; spend(token: string): Promise<void> }) {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const token = params.get('token');
  const [outcome, setOutcome] = useState<Outcome>(token ? 'working' : 'badLink');
  const started = useRef(false);
  usePageTitle(t(`${kind}.title`));

  useEffect(() => {
    // Once only, even when a development render runs effects twice: the link is single use.
    if (!token || started.current) return;
    started.current = true;
    spend(token).then(
      () => setOutcome('done'),
      (error: unknown) => {
        const codes = apiErrorsOf(error).map((e) => e.code);
        setOutcome(codes.includes('CONFLICT') ? 'taken' : codes.includes('BAD_USER_INPUT') ? 'badLink' : 'failed');
      },
    );
  }, [token, spend]);

  return (
    <section className="narrow">
      <h1>{t(`${kind}.title`)}</h1>
      <p role={outcome === 'done' || outcome === 'working' ? 'status' : 'alert'}>{t(`${kind}.${outcome}`)}</p>
      {outcome !== 'working' && (
        <p>
          <Link to="/profile">{t('verifyEmail.toProfile')}</Link>
        </p>
      )}
    </section>
  );
}
