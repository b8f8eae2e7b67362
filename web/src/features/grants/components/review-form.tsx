import { useMutation } from '@apollo/client/react';
import { DeclareConflictDocument, SubmitReviewDocument, type ReviewApplicationQuery } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { apiErrorsOf, toFormErrors, type FormErrors } from '../../../app/forms/api-errors';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { scoreProblem, weightedScore } from '../grant-rules';

type Application = NonNullable<ReviewApplicationQuery['grantApplication']>;
type Criterion = Application['call']['criteria'][number];

const FORM = 'review';

/**
 * The API refuses a score on `scores`, naming the criterion by its title in the message: that message goes
 * beside the criterion's input; anything else to the comment or the form's alert.
 */
export function reviewErrors(error: unknown, criteria: readonly Pick<Criterion, 'id' | 'title'>[], tApp: TFunction): FormErrors {
  const fields: Record<string, string> = {};
  for (const e of apiErrorsOf(error)) {
    if (e.code !== 'BAD_USER_INPUT' || !e.field?.startsWith('scores')) continue;
    const criterion = criteria.find((c) => e.message.includes(`"${c.title}"`) || e.field!.includes(c.id));
    if (criterion) fields[`score-${criterion.id}`] ??= e.message;
  }
  const rest = toFormErrors(error, tApp, { fields: ['comment'], fieldMessage: (_, m) => m });
  const placed = Object.keys(fields).length > 0;
  return { fields: { ...rest.fields, ...fields }, form: placed && apiErrorsOf(error).every((e) => e.field?.startsWith('scores') || e.field === 'comment') ? null : rest.form };
}

/** The weighted score of what is typed so far, on 0..100, as the API will compute it. */
export function ScorePreview({ criteria, scores }: { criteria: readonly Criterion[]; scores: Record<string, string> }) {
  const { t } = useTranslation('grants');
  const numbers = Object.fromEntries(Object.entries(scores).map(([id, text]) => [id, text.trim() === '' ? null : Number(text)]));
  const value = weightedScore(criteria, numbers);
  return (
    <p className="grant-score-preview" aria-live="polite" data-testid="score-preview">
      {t('review.preview', { score: value === null ? '—' : value.toFixed(1) })}
    </p>
  );
}

/**
 * Scoring one application: each criterion with its description and a score 0..maxScore, a comment, the
 * weighted score as it will be, and "Submit review" (resubmitting replaces the earlier one).
 */
export function ReviewForm({ application, onSubmitted }: { application: Application; onSubmitted?(): void }) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const criteria = application.call.criteria;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, String(application.myReview?.scores.find((s) => s.criterion.id === c.id)?.score ?? '')])),
  );
  const [comment, setComment] = useState(application.myReview?.comment ?? '');
  const [done, setDone] = useState<{ message: string; stamp: number } | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const [submit, { loading }] = useMutation(SubmitReviewDocument);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    for (const c of criteria) {
      const problem = scoreProblem(scores[c.id] ?? '', c.maxScore);
      if (problem) fields[`score-${c.id}`] = problem === 'missing' ? t('review.scoreMissing') : t('review.scoreRange', { max: c.maxScore });
    }
    if (!comment.trim()) fields.comment = t('review.commentMissing');
    if (Object.keys(fields).length) {
      setErrors({ fields, form: null });
      return;
    }
    setErrors({ fields: {}, form: null });
    try {
      await submit({
        variables: { input: { applicationId: application.id, scores: criteria.map((c) => ({ criterionId: c.id, score: Number(scores[c.id]) })), comment: comment.trim() } },
        refetchQueries: ['MyReviewQueue', 'ReviewApplication'],
      });
      setDone({ message: t('review.submitted'), stamp: Date.now() });
      onSubmitted?.();
    } catch (error) {
      setErrors(reviewErrors(error, criteria, tApp));
    }
  }

  return (
    <form ref={formRef} className="form grant-review-form" noValidate onSubmit={onSubmit} aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review.heading')}</h2>
      <FormAlert message={errors.form} />
      <ol className="grant-criteria">
        {criteria.map((c) => (
          <li key={c.id} className="grant-criterion">
            <Field form={FORM} name={`score-${c.id}`} label={t('review.scoreLabel', { title: c.title, max: c.maxScore })}
              hint={[c.description, t('review.weight', { weight: c.weight })].filter(Boolean).join(' · ')} error={errors.fields[`score-${c.id}`]}>
              {(control) => (
                <input {...control} type="number" inputMode="decimal" min={0} max={c.maxScore} step="any" className="grant-score-input"
                  value={scores[c.id] ?? ''} onChange={(e) => setScores((s) => ({ ...s, [c.id]: e.target.value }))} />
              )}
            </Field>
          </li>
        ))}
      </ol>
      <ScorePreview criteria={criteria} scores={scores} />
      <Field form={FORM} name="comment" label={t('review.comment')} hint={t('review.commentHint')} error={errors.fields.comment}>
        {(control) => <textarea {...control} rows={6} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <div className="actions">
        <Button type="submit" disabled={loading}>
          {loading ? t('review.submitting') : application.myReview?.submittedAt ? t('review.resubmit') : t('review.submit')}
        </Button>
        <FadingStatus message={done?.message ?? null} stamp={done?.stamp} />
      </div>
    </form>
  );
}

/**
 * "Declare a conflict": a reason, asked once more; afterwards the application leaves the reviewer's
 * view for good, and the page says so (`onDeclared`).
 */
export function DeclareConflict({ applicationId, onDeclared }: { applicationId: string; onDeclared(): void }) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string } | null>(null);
  const [declare, { loading }] = useMutation(DeclareConflictDocument);

  async function confirm() {
    if (!reason.trim()) {
      setError({ field: t('conflict.reasonMissing') });
      return;
    }
    try {
      await declare({ variables: { applicationId, reason: reason.trim() }, refetchQueries: ['MyReviewQueue'] });
      setOpen(false);
      onDeclared();
    } catch (e) {
      const sorted = toFormErrors(e, tApp, { fields: ['reason'], fieldMessage: (_, m) => m });
      setError({ field: sorted.fields.reason, form: sorted.form ?? undefined });
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('conflict.open')}
      </Button>
      <Dialog open={open} title={t('conflict.title')} closeLabel={t('conflict.cancel')} onClose={() => setOpen(false)}>
        <div className="form">
          <p>{t('conflict.explain')}</p>
          <FormAlert message={error?.form ?? null} />
          <Field form="conflict" name="reason" label={t('conflict.reason')} error={error?.field}>
            {(control) => <textarea {...control} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <p className="actions">
            <Button variant="danger" disabled={loading} onClick={() => void confirm()}>
              {loading ? t('conflict.declaring') : t('conflict.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('conflict.cancel')}
            </Button>
          </p>
        </div>
      </Dialog>
    </>
  );
}
