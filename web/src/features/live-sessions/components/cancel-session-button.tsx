import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../ui/confirm-action';
import { SentenceWithTitle } from '../../../app/sentence-with-title';
import { useCancelSession } from '../hooks/use-session-mutations';

/** Cancelling tells every member: it asks once more, in the page. */
export function CancelSessionButton({ session }: { session: { id: string; title: string; course: { language: string } } }) {
  const { t } = useTranslation('live-sessions');
  const { cancel, loading } = useCancelSession();
  return (
    <ConfirmAction
      id={`cancel-${session.id}`}
      ask={t('cancel.ask')}
      askFor={session.title}
      askForLang={session.course.language}
      question={<SentenceWithTitle t={t} i18nKey="cancel.question" title={session.title} lang={session.course.language} />}
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
