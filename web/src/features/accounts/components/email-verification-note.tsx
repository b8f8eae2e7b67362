import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../ui/field';
import { useResendVerificationEmail } from '../hooks/use-recovery-mutations';

/** A gentle note while the address is not confirmed; the account works all the same. */
export function EmailVerificationNote() {
  const { t } = useTranslation('accounts');
  const { resend, loading } = useResendVerificationEmail();
  const [status, setStatus] = useState<string | null>(null);
  async function send() {
    setStatus(null);
    try {
      await resend();
      setStatus(t('verifyEmail.resent'));
    } catch {
      setStatus(t('verifyEmail.resendFailed'));
    }
  }
  return (
    <div className="note" role="note">
      <p>{t('verifyEmail.pending')}</p>
      <button type="button" className="button-secondary" disabled={loading} onClick={() => void send()}>
        {loading ? t('verifyEmail.resending') : t('verifyEmail.resend')}
      </button>
      <StatusMessage message={status} />
    </div>
  );
}
