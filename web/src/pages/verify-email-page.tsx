import { useVerifyEmail } from '../features/accounts/hooks/use-recovery-mutations';
import { EmailLinkOutcome } from '../features/accounts/components/email-link-outcome';

/** Opened from the link emailed at sign-up: /verify-email?token=… */
export default function VerifyEmailPage() {
  const { verifyEmail } = useVerifyEmail();
  return <EmailLinkOutcome kind="verifyEmail" spend={verifyEmail} />;
}
