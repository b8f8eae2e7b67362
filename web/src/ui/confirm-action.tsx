import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenItemName } from '../app/hidden-item-name';
import { apiErrorsOf } from '../app/forms/api-errors';
import { FormAlert } from './field';

interface Props {
  /** Unique on the page: names the question for screen readers. */
  id: string;
  ask: string;
  /** A fuller name for the first button when its text alone is ambiguous (e.g. several "Remove" in a list). */
  askLabel?: string;
  /** What the action is for, heard after `ask` when a list repeats it ("Cancel session: Welcome call"). */
  askFor?: string;
  /** `askFor`'s language when it is content (a session's title, in its course's language). */
  askForLang?: string;
  askClassName?: string;
  /** A node, so content it names can carry its own language. */
  question: ReactNode;
  confirm: string;
  confirming: string;
  keep: string;
  busy: boolean;
  /** Throws on failure; the API's error code is shown in the question's alert. */
  onConfirm(): Promise<void>;
}

/**
 * An action that cannot be undone asks once more, in the page rather than in a browser dialog, and
 * moves focus to the answer and back, so keyboard and screen-reader users keep their place.
 */
export function ConfirmAction({ id, ask, askLabel, askFor, askForLang, askClassName = 'button-secondary', question, confirm, confirming, keep, busy, onConfirm }: Props) {
  const { t: tApp } = useTranslation('app');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);

  async function run() {
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setError(tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  if (!asking) {
    return (
      <button ref={askRef} type="button" className={askClassName} aria-label={askLabel}
        onClick={() => {
          setAsking(true);
          queueMicrotask(() => confirmRef.current?.focus());
        }}>
        {ask}
        {askFor && <HiddenItemName name={askFor} lang={askForLang} />}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <FormAlert message={error} />
      <p className="actions">
        <button ref={confirmRef} type="button" className="button-danger" onClick={run} disabled={busy}>
          {busy ? confirming : confirm}
        </button>
        <button type="button" className="button-secondary" onClick={() => {
          setAsking(false);
          queueMicrotask(() => askRef.current?.focus());
        }}>
          {keep}
        </button>
      </p>
    </div>
  );
}
