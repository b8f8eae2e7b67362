import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../app/forms/confirm-action';
import { useCancelSession } from '../hooks/use-session-mutations';

/** Cancelling tells every member: it asks once more, in the page. */
export function CancelSessionButton({ session }: { session: { id: string; title: string } }) {
  const { t } = useTranslation('live-sessions');
  const { cancel, loading } = useCancelSession();
  return (
    <ConfirmAction
      id={`cancel-${session.id}`}
      ask={t('cancel.ask')}
      askFor={session.title}
      question={t('cancel.question', { title: session.title })}
      confirm={t('cancel.confirm')}
      confirming={t('cancel.cancelling')}
      keep={t('cancel.keep')}
      busy={loading}
      onConfirm={async () => {
        await cancel(session.id);
      }}
    />
  );
}
