import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { Field } from '../../../ui/field';
import type { ServerText } from '../draft-sync';
import { combineTexts } from '../text-merge';

interface Props {
  open: boolean;
  theirs: ServerText;
  mine: string;
  /** The course's language: the texts are written in it. */
  lang: string;
  onClose(): void;
  onKeepTheirs(): void;
  /** Save this text (mine, or the combined one). */
  onKeep(text: string): void;
}

/**
 * Another member saved while this learner was writing: both texts side by side, and a combined text (every
 * line of both) to edit. Nothing is saved until the learner chooses; closing keeps their text on the device.
 */
export function MergeDialog({ open, theirs, mine, lang, onClose, onKeepTheirs, onKeep }: Props) {
  const { t } = useTranslation('assignments');
  const [combined, setCombined] = useState(() => combineTexts(theirs.body, mine));
  return (
    <Dialog open={open} title={t('merge.title')} closeLabel={t('merge.later')} onClose={onClose}>
      <p>{theirs.editorName ? t('merge.introNamed', { name: theirs.editorName }) : t('merge.intro')}</p>
      <div className="merge-sides">
        <section aria-labelledby="merge-theirs">
          <h3 id="merge-theirs">{t('merge.theirs')}</h3>
          <pre className="merge-text" lang={lang} data-testid="merge-theirs">
            {theirs.body}
          </pre>
          <Button variant="secondary" onClick={onKeepTheirs}>
            {t('merge.keepTheirs')}
          </Button>
        </section>
        <section aria-labelledby="merge-mine">
          <h3 id="merge-mine">{t('merge.mine')}</h3>
          <pre className="merge-text" lang={lang} data-testid="merge-mine">
            {mine}
          </pre>
          <Button variant="secondary" onClick={() => onKeep(mine)}>
            {t('merge.keepMine')}
          </Button>
        </section>
      </div>
      <Field form="merge" name="combined" label={t('merge.combined')} hint={t('merge.combinedHint')}>
        {(control) => <textarea {...control} lang={lang} rows={10} value={combined} onChange={(event) => setCombined(event.target.value)} />}
      </Field>
      <p className="actions">
        <Button onClick={() => onKeep(combined)}>{t('merge.keepCombined')}</Button>
      </p>
    </Dialog>
  );
}
