import { useMutation } from '@apollo/client/react';
import { SubmitEvaluationDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { courseFieldMessage } from '../course-rules';
import { useFormErrors } from '../../../app/forms/use-form-errors';

const SCALE = [1, 2, 3, 4, 5] as const;
const FIELDS = ['relevance', 'usefulness', 'comment'] as const;

function RatingGroup({ name, value, onChange, error }: { name: 'relevance' | 'usefulness'; value: number | null; onChange(value: number): void; error?: string }) {
  const { t } = useTranslation('courses');
  const errorId = `evaluation-${name}-error`;
  return (
    <fieldset className="rating" aria-describedby={error ? errorId : undefined} {...(error ? { 'aria-invalid': true } : {})}>
      <legend>{t(`evaluation.${name}`)}</legend>
      <div className="rating-options">
        {SCALE.map((score) => (
          <label key={score} className="rating-option">
            <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} />
            <span>
              {score} — {t(`evaluation.scale.${score}`)}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** After completing a course: how relevant and useful it was, 1..5, and an optional comment. A second answer replaces the first. */
export interface EarlierAnswer {
  relevance: number;
  usefulness: number;
  comment?: string | null;
}

export function EvaluationForm({ courseId, earlier }: { courseId: string; earlier?: EarlierAnswer | null }) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const [mutate, { loading }] = useMutation(SubmitEvaluationDocument);
  const [relevance, setRelevance] = useState<number | null>(earlier?.relevance ?? null);
  const [usefulness, setUsefulness] = useState<number | null>(earlier?.usefulness ?? null);
  const [comment, setComment] = useState(earlier?.comment ?? '');
  const { formRef, errors, setErrors } = useFormErrors();
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const missing: Record<string, string> = {};
    if (relevance == null) missing.relevance = t('errors.rating');
    if (usefulness == null) missing.usefulness = t('errors.rating');
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      await mutate({ variables: { input: { courseId, relevance: relevance!, usefulness: usefulness!, comment: comment.trim() || null } } });
      setSent(true);
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (field, message) => courseFieldMessage(t, field, message) }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="evaluation-title" className="form">
      <h2 id="evaluation-title">{t('evaluation.title')}</h2>
      <p>{t(earlier ? 'evaluation.earlier' : 'evaluation.intro')}</p>
      <FormAlert message={errors.form} />
      <RatingGroup name="relevance" value={relevance} onChange={setRelevance} error={errors.fields.relevance} />
      <RatingGroup name="usefulness" value={usefulness} onChange={setUsefulness} error={errors.fields.usefulness} />
      <Field form="evaluation" name="comment" label={t('evaluation.comment')} hint={t('evaluation.commentHint')} error={errors.fields.comment}>
        {(control) => <textarea {...control} rows={4} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('evaluation.sending') : t('evaluation.submit')}
      </button>
      <StatusMessage message={sent ? t('evaluation.sent') : null} />
    </form>
  );
}
