import { formatInstant } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import type { SaveState } from '../draft-sync';

interface Props {
  state: SaveState;
  timeZone: string;
  language: string;
  /** After a conflict, when the learner closed the choice without choosing. */
  onChoose(): void;
}

/**
 * Where the text stands, always in view beside the editor and announced politely: "Saving…", "Saved
 * 10:42", "Offline — kept on this device", "Couldn't save". A refusal the learner must act on is an alert.
 */
export function SaveStateLine({ state, timeZone, language, onChoose }: Props) {
  const { t } = useTranslation('assignments');
  let text: string | null;
  switch (state.kind) {
    case 'idle':
      text = null;
      break;
    case 'unsaved':
      text = t('save.unsaved');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'saved':
      text = t('save.saved', { time: formatInstant(new Date(state.at), timeZone, language, false) });
      break;
    case 'offline':
      text = t('save.offline');
      break;
    case 'failed':
      text = state.retrying ? t('save.retrying') : t(`save.refused.${state.code}`, { defaultValue: t('save.refused.other') });
      break;
    case 'conflict':
      text = t('save.conflict');
      break;
  }
  const problem = state.kind === 'conflict' || (state.kind === 'failed' && !state.retrying);
  return (
    <div className={`draft-state draft-state-${state.kind}`}>
      <p role={problem ? 'alert' : 'status'} data-testid="save-state">
        {text}
      </p>
      {state.kind === 'conflict' && (
        <Button variant="secondary" size="small" onClick={onChoose}>
          {t('merge.open')}
        </Button>
      )}
    </div>
  );
}
