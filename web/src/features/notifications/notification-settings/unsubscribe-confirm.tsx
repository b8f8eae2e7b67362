import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../ui/button';
import { kindFallback } from './notification-settings';

/** The API's one-click address (RFC 8058): GET with JSON says what a token turns off, POST turns it off. */
const endpoint = (token: string) => `/email/unsubscribe?token=${encodeURIComponent(token)}`;

type State = { step: 'loading' } | { step: 'invalid' } | { step: 'ask' | 'working' | 'done' | 'failed'; kind: string; labelKey: string | null };

/**
 * The page an email's unsubscribe link opens: it says what will be turned off and turns it off only when the
 * person presses the one button (opening the link changes nothing), then says what was turned off and where
 * to choose the rest. No sign-in needed: the signed token names the person and the kind.
 */
export function UnsubscribeConfirm({ token }: { token: string }) {
  const { t } = useTranslation('network');
  const [state, setState] = useState<State>({ step: 'loading' });

  useEffect(() => {
    let live = true;
    if (!token) {
      setState({ step: 'invalid' });
      return;
    }
    fetch(endpoint(token), { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!live) return;
        if (!res.ok) return setState({ step: 'invalid' });
        const body = (await res.json()) as { kind: string; labelKey: string | null };
        setState({ step: 'ask', kind: body.kind, labelKey: body.labelKey });
      })
      .catch(() => live && setState({ step: 'invalid' }));
    return () => {
      live = false;
    };
  }, [token]);

  if (state.step === 'loading') return <p>{t('app:loading')}</p>;
  const manage = <Link to="/settings/notifications">{t('unsubscribe.manage')}</Link>;
  if (state.step === 'invalid') {
    return (
      <>
        <p role="alert" className="form-alert">
          {t('unsubscribe.invalid')}
        </p>
        <p>{manage}</p>
      </>
    );
  }
  const all = state.labelKey === null;
  const what = all ? '' : t(state.labelKey!, { defaultValue: kindFallback(state.kind) });
  const confirm = async () => {
    setState({ ...state, step: 'working' });
    try {
      const res = await fetch(endpoint(token), { method: 'POST' });
      setState({ ...state, step: res.ok ? 'done' : 'failed' });
    } catch {
      setState({ ...state, step: 'failed' });
    }
  };
  if (state.step === 'done') {
    return (
      <>
        <p role="status">{all ? t('unsubscribe.doneAll') : t('unsubscribe.done', { what })}</p>
        <p>{manage}</p>
      </>
    );
  }
  return (
    <>
      <p>{all ? t('unsubscribe.confirmAll') : t('unsubscribe.confirm', { what })}</p>
      {state.step === 'failed' && (
        <p role="alert" className="form-alert">
          {t('unsubscribe.failed')}
        </p>
      )}
      <p>
        <Button onClick={() => void confirm()} disabled={state.step === 'working'}>
          {t('unsubscribe.button')}
        </Button>
      </p>
      <p>{manage}</p>
    </>
  );
}
