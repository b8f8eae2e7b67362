import { useMutation } from '@apollo/client/react';
import { GradeSubmissionDocument, ReturnSubmissionDocument, type GradingSubmissionFieldsFragment } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf, toFormErrors } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { Field, FormAlert } from '../../../ui/field';
import { checkScores, parsePoints } from '../grading-rules';
import { GradingGrid, type GradeDraft } from './grading-grid';

interface Props {
  submission: GradingSubmissionFieldsFragment;
  /** Whose work it is, as the page shows it (the group's name for group work). */
  who: string;
  language: string;
  courseLanguage: string;
  /** After a save or a return: the desk moves on to the next submission. */
  onDone(message: string): void;
  /** Fetch the queue again (after another trainer's save). */
  onReload(): void;
}

function draftOf(submission: GradingSubmissionFieldsFragment): GradeDraft {
  const grade = submission.grade;
  if (!grade) return { points: {}, comments: {}, feedback: '' };
  return {
    points: Object.fromEntries(grade.criterionScores.map((s) => [s.criterion.id, String(s.points)])),
    comments: Object.fromEntries(grade.criterionScores.map((s) => [s.criterion.id, s.comment ?? ''])),
    feedback: grade.feedback,
  };
}

/**
 * Grading one submission: the rubric grid with its live total, the feedback, "Save", "Save and release"
 * and "Return for revision". A save against a grade another trainer has saved meanwhile is refused
 * (expectedGradeVersion) and said so, with a way to reload.
 */
export function GradeForm({ submission, who, language, courseLanguage, onDone, onReload }: Props) {
  const { t } = useTranslation('grading');
  const { t: tApp } = useTranslation('app');
  const [grade, { loading: saving }] = useMutation(GradeSubmissionDocument);
  const [giveBack, { loading: returning }] = useMutation(ReturnSubmissionDocument);
  const [draft, setDraft] = useState<GradeDraft>(() => draftOf(submission));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [alert, setAlert] = useState<{ message: string; stale?: boolean } | null>(null);
  const [returnOpen, setReturnOpen] = useState(false);
  const [returnComment, setReturnComment] = useState('');
  const [returnError, setReturnError] = useState<string | null>(null);
  const rubric = submission.assignment.rubric;
  const form = `grade-${submission.id}`;

  async function save(release: boolean) {
    setAlert(null);
    const refused = checkScores(rubric, draft.points);
    setInvalid(refused);
    if (refused.length) {
      queueMicrotask(() => document.getElementById(`${form}-${refused[0]}-points`)?.focus());
      return;
    }
    try {
      await grade({
        variables: {
          input: {
            submissionId: submission.id,
            criterionScores: rubric.map((c) => ({ criterionId: c.id, points: parsePoints(draft.points[c.id] ?? '')!, comment: draft.comments[c.id]?.trim() || null })),
            feedback: draft.feedback.trim(),
            release,
            expectedGradeVersion: submission.grade?.version ?? 0,
          },
        },
      });
      onDone(release ? t('grade.savedReleased', { who }) : t('grade.saved', { who }));
    } catch (error) {
      const conflict = apiErrorsOf(error).find((e) => e.code === 'CONFLICT');
      if (conflict) {
        // Another grader's newer save, or the work was returned meanwhile: either way, reload to see it.
        setAlert({ message: conflict.field === 'expectedGradeVersion' ? t('grade.stale') : t('grade.notWaiting'), stale: true });
      } else {
        setAlert({ message: toFormErrors(error, tApp, { fields: [], fieldMessage: (_, m) => m }).form ?? tApp('errors.UNKNOWN') });
      }
      queueMicrotask(() => document.getElementById(`${form}-alert`)?.focus());
    }
  }

  async function sendBack(event: FormEvent) {
    event.preventDefault();
    setReturnError(null);
    try {
      await giveBack({ variables: { submissionId: submission.id, comment: returnComment.trim() || null } });
      setReturnOpen(false);
      onDone(t('return.done', { who }));
    } catch (error) {
      setReturnError(toFormErrors(error, tApp, { fields: [], fieldMessage: (_, m) => m }).form);
    }
  }

  return (
    <>
    <form className="form grade-form" noValidate aria-labelledby={`${form}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}>
      <h3 id={`${form}-heading`}>{t('grade.heading')}</h3>
      <div id={`${form}-alert`} tabIndex={-1}>
        <FormAlert message={alert?.message ?? null} />
        {alert?.stale && (
          <p>
            <Button variant="secondary" size="small" onClick={onReload}>
              {t('grade.reload')}
            </Button>
          </p>
        )}
      </div>
      <GradingGrid form={form} rubric={rubric} value={draft} onChange={setDraft} invalid={invalid} language={language} courseLanguage={courseLanguage} />
      <p className="actions">
        <Button type="submit" disabled={saving}>
          {saving ? t('grade.saving') : t('grade.save')}
        </Button>
        <Button variant="secondary" disabled={saving} onClick={() => void save(true)}>
          {t('grade.saveRelease')}
        </Button>
        <Button variant="quiet" onClick={() => setReturnOpen(true)}>
          {t('return.open')}
        </Button>
      </p>
    </form>
      <Dialog open={returnOpen} title={t('return.title', { who })} closeLabel={t('return.cancel')} onClose={() => setReturnOpen(false)}>
        <ReturnForm form={form} comment={returnComment} setComment={setReturnComment} error={returnError} busy={returning} onSubmit={sendBack} />
      </Dialog>
    </>
  );
}

function ReturnForm(props: { form: string; comment: string; setComment(v: string): void; error: string | null; busy: boolean; onSubmit(e: FormEvent): void }) {
  const { t } = useTranslation('grading');
  return (
    <div className="form">
      <p>{t('return.explain')}</p>
      <FormAlert message={props.error} />
      <Field form={props.form} name="returnComment" label={t('return.comment')} hint={t('return.commentHint')}>
        {(control) => <textarea {...control} rows={4} value={props.comment} onChange={(e) => props.setComment(e.target.value)} />}
      </Field>
      <p className="actions">
        <Button disabled={props.busy} onClick={(e) => props.onSubmit(e)}>
          {props.busy ? t('return.returning') : t('return.confirm')}
        </Button>
      </p>
    </div>
  );
}
