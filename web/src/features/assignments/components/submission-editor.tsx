import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { MediaAttachments, MediaUpload } from '../../../app/media';
import { buttonClass } from '../../../ui/button';
import { ConfirmAction } from '../../../ui/confirm-action';
import { Field } from '../../../ui/field';
import { Skeleton } from '../../../ui/skeleton';
import { type DraftFile, MAX_FILES } from '../attachment-choice';
import type { ServerText } from '../draft-sync';
import { useDraftSync } from '../hooks/use-draft-sync';
import { MergeDialog } from './merge-dialog';
import { SaveStateLine } from './save-state';

interface Props {
  userId: string;
  assignmentId: string;
  /** The submission as the server has it (null before the first save). */
  server: ServerText | null;
  /** The course's language: the learner writes in it. */
  lang: string;
  /** The due time has passed: a submit is marked late. */
  pastDue: boolean;
  groupWork: boolean;
  timeZone: string;
  language: string;
  save(body: string, expectedVersion: number | null): Promise<ServerText>;
  fetchCurrent(): Promise<ServerText | null>;
  submit(body: string, expectedVersion: number | null): Promise<ServerText>;
  /** After a successful submit (the page shows the submitted text). */
  onSubmitted(): void;
  /** The draft's files (attachment-choice.ts): attaching or removing one saves the draft soon. */
  files: DraftFile[];
  onAttach(file: DraftFile): void;
  onRemove(id: string): void;
}

/**
 * The learner's (or their group's) text: saved as they write, kept on the device until the server has it,
 * never overwriting a group member's newer text without asking, and submitted after one more question.
 */
export function SubmissionEditor(props: Props) {
  const { userId, assignmentId, server, lang, pastDue, groupWork, timeZone, language } = props;
  const { t } = useTranslation('assignments');
  const { sync, text, state, restored } = useDraftSync(server, {
    userId,
    assignmentId,
    save: props.save,
    fetchCurrent: props.fetchCurrent,
  });
  const [choosing, setChoosing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const files = props.files;
  // A fresh upload control after each file arrives: the list below follows its processing.
  const [uploads, setUploads] = useState(0);

  function attach(file: DraftFile) {
    props.onAttach(file);
    setUploads((n) => n + 1);
    sync.touch();
  }

  function remove(id: string) {
    props.onRemove(id);
    sync.touch();
  }

  // A conflict opens the choice at once; closing it leaves a button to come back to it.
  useEffect(() => {
    setChoosing(state.kind === 'conflict');
  }, [state.kind]);

  async function submit() {
    setSubmitting(true);
    try {
      await sync.flush();
      const now = sync.snapshot().state;
      if (now.kind === 'conflict') throw conflictError();
      const result = await props.submit(sync.snapshot().text, sync.version());
      sync.adopt(result);
      props.onSubmitted();
    } catch (error) {
      if (apiErrorsOf(error)[0]?.code === 'CONFLICT' && sync.snapshot().state.kind !== 'conflict') void sync.conflictFromServer();
      throw error;
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="submission-editor">
      {restored && <p className="draft-restored">{t('editor.restored')}</p>}
      <Field form="submission" name="body" label={groupWork ? t('editor.groupLabel') : t('editor.label')} hint={t('editor.hint')}>
        {(control) => (
          <textarea
            {...control}
            lang={lang}
            rows={14}
            value={text}
            onChange={(event) => sync.edit(event.target.value)}
            onBlur={() => void sync.flush()}
          />
        )}
      </Field>
      <section className="submission-files" aria-labelledby={`files-${assignmentId}`}>
        <h3 id={`files-${assignmentId}`}>{t('attachments.title')}</h3>
        <Suspense fallback={<Skeleton label={t('app:loading')} />}>
          {files.length > 0 && <MediaAttachments files={files} onRemove={remove} label={t('attachments.listLabel')} />}
          {files.length < MAX_FILES ? (
            <MediaUpload
              key={uploads}
              purpose="ASSIGNMENT_ATTACHMENT"
              label={t('attachments.add')}
              onUploaded={(upload) =>
                attach({ id: upload.id, filename: upload.name, contentType: upload.type, sizeBytes: upload.size, status: 'PROCESSING', url: null, audioUrl: null, thumbnailUrl: null })
              }
            />
          ) : (
            <p className="small">{t('attachments.full', { max: MAX_FILES })}</p>
          )}
        </Suspense>
      </section>
      <SaveStateLine state={state} timeZone={timeZone} language={language} onChoose={() => setChoosing(true)} />
      {state.kind === 'conflict' && (
        <MergeDialog
          key={state.theirs.version}
          open={choosing}
          theirs={state.theirs}
          mine={text}
          lang={lang}
          onClose={() => setChoosing(false)}
          onKeepTheirs={() => void sync.resolve({ keep: 'theirs' })}
          onKeep={(chosen) => void sync.resolve({ keep: 'text', text: chosen })}
        />
      )}
      {(text.trim() !== '' || files.length > 0) && (
        <div className="submission-submit">
          <ConfirmAction
            id={`submit-${assignmentId}`}
            ask={t('submit.ask')}
            askClassName={buttonClass('primary')}
            question={
              <>
                {groupWork ? t('submit.questionGroup') : t('submit.question')}
                {pastDue && <> {t('submit.lateNote')}</>}
              </>
            }
            confirm={t('submit.confirm')}
            confirming={t('submit.confirming')}
            keep={t('submit.keep')}
            busy={submitting}
            onConfirm={submit}
          />
        </div>
      )}
    </div>
  );
}

/** The text is waiting on the learner's choice after a conflict: the submit is refused as the API would. */
function conflictError() {
  return new CombinedGraphQLErrors({ errors: [{ message: 'Someone else saved first', extensions: { code: 'CONFLICT' } }] });
}
