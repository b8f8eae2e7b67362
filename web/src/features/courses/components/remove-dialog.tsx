import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { FormAlert } from '../../../ui/field';

interface Props {
  open: boolean;
  title: string;
  /** A node, so the title it names can carry the course's language. */
  question: ReactNode;
  confirm: string;
  confirming: string;
  keep: string;
  busy: boolean;
  /** Throws on failure; the API's error code is shown in the dialog until the next try. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** A removal that cannot be undone asks once more, in a modal dialog: "Yes, remove…" or "No, keep it". */
export function RemoveDialog({ open, title, question, confirm, confirming, keep, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setError(tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <Dialog open={open} title={title} closeLabel={t('editor.close')} onClose={() => { setError(null); onClose(); }}>
      <p>{question}</p>
      <FormAlert message={error} />
      <p className="actions">
        <Button variant="danger" onClick={() => void run()} disabled={busy}>
          {busy ? confirming : confirm}
        </Button>
        <Button variant="secondary" onClick={() => { setError(null); onClose(); }}>
          {keep}
        </Button>
      </p>
    </Dialog>
  );
}
