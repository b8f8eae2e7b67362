import { useConfirmEmailChange } from '../features/accounts/hooks/use-recovery-mutations';
import { EmailLinkOutcome } from '../features/accounts/components/email-link-outcome';

/** Opened from the link emailed to a new address: /confirm-email?token=… */
export default function ConfirmEmailPage() {
  const { confirmEmailChange } = useConfirmEmailChange();
  return <EmailLinkOutcome kind="confirmEmail" spend={confirmEmailChange} />;
}
