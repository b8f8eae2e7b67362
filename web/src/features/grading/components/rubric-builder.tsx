import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { Field } from '../../../ui/field';
import { ASSIGNMENT_LIMITS, formatPoints, rubricTotal, type CriterionDraft, type RubricProblems } from '../grading-rules';

let made = 0;
/** A new, empty criterion row. */
export function newCriterion(): CriterionDraft {
  return { key: `criterion-${++made}`, title: '', description: '', maxPoints: '' };
}

interface Props {
  /** Prefix that keeps ids unique when two forms share a page. */
  form: string;
  criteria: CriterionDraft[];
  onChange(next: CriterionDraft[]): void;
  /** Shown after a refused save (not while the trainer is still typing). */
  problems: RubricProblems | null;
  /** The API's word on the rubric as a whole (e.g. it is locked now). */
  error?: string;
  language: string;
  /** The course's language: criteria are course content. */
  courseLanguage: string;
}

/**
 * A rubric as a trainer builds it: 1 to 20 criteria, each with a title, an optional description and its
 * points (more than 0, at most 1000), and the total they add up to, announced as it changes.
 */
export function RubricBuilder({ form, criteria, onChange, problems, error, language, courseLanguage }: Props) {
  const { t } = useTranslation('grading');
  const total = rubricTotal(criteria);
  const set = (key: string, field: keyof CriterionDraft, value: string) =>
    onChange(criteria.map((c) => (c.key === key ? { ...c, [field]: value } : c)));

  function add() {
    const next = newCriterion();
    onChange([...criteria, next]);
    // The new row's title, once rendered.
    queueMicrotask(() => document.getElementById(`${form}-${next.key}-title`)?.focus());
  }

  function remove(index: number) {
    const next = criteria.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    queueMicrotask(() => document.getElementById(neighbour ? `${form}-${neighbour.key}-title` : `${form}-rubric-add`)?.focus());
  }

  const rowMessage = (problem: string | undefined) =>
    problem ? t(`rubric.errors.${problem}`, ASSIGNMENT_LIMITS) : undefined;

  return (
    <fieldset className="rubric-builder" aria-describedby={`${form}-rubric-hint`}>
      <legend>{t('rubric.legend')}</legend>
      <p id={`${form}-rubric-hint`} className="field-hint">
        {t('rubric.hint', ASSIGNMENT_LIMITS)}
      </p>
      {(error || problems?.count) && (
        <p className="field-error" id={`${form}-rubric-error`} tabIndex={-1}>
          {error ?? t(`rubric.errors.${problems!.count}`, ASSIGNMENT_LIMITS)}
        </p>
      )}
      <ol className="rubric-rows">
        {criteria.map((criterion, index) => {
          const rowProblems = problems?.rows[criterion.key];
          const prefix = `${form}-${criterion.key}`;
          return (
            <li key={criterion.key}>
              <fieldset className="rubric-row">
                <legend>{t('rubric.criterion', { number: index + 1 })}</legend>
                <Field form={prefix} name="title" label={t('rubric.title')} error={rowMessage(rowProblems?.title)}>
                  {(control) => (
                    <input {...control} type="text" lang={courseLanguage} required maxLength={ASSIGNMENT_LIMITS.criterionTitleMax} value={criterion.title}
                      onChange={(e) => set(criterion.key, 'title', e.target.value)} />
                  )}
                </Field>
                <Field form={prefix} name="description" label={t('rubric.description')}>
                  {(control) => (
                    <textarea {...control} lang={courseLanguage} rows={2} value={criterion.description} onChange={(e) => set(criterion.key, 'description', e.target.value)} />
                  )}
                </Field>
                <Field form={prefix} name="maxPoints" label={t('rubric.points')} hint={t('rubric.pointsHint', ASSIGNMENT_LIMITS)}
                  error={rowMessage(rowProblems?.maxPoints)}>
                  {(control) => (
                    <input {...control} type="text" inputMode="decimal" required className="points-input" value={criterion.maxPoints}
                      onChange={(e) => set(criterion.key, 'maxPoints', e.target.value)} />
                  )}
                </Field>
                <p className="actions">
                  <Button variant="quiet" size="small" disabled={criteria.length <= ASSIGNMENT_LIMITS.criteriaMin} onClick={() => remove(index)}>
                    {t('rubric.remove', { number: index + 1 })}
                  </Button>
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="rubric-footer">
        <Button id={`${form}-rubric-add`} variant="secondary" size="small" disabled={criteria.length >= ASSIGNMENT_LIMITS.criteriaMax} onClick={add}>
          {t('rubric.add')}
        </Button>
        <span role="status" data-testid="rubric-total" className="rubric-total">
          {t('rubric.total', { count: total, points: formatPoints(total, language) })}
        </span>
      </p>
    </fieldset>
  );
}
