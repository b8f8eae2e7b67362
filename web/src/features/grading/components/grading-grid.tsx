import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/field';
import { addPoints, formatPoints, scoreTotal } from '../grading-rules';

export interface GridCriterion {
  id: string;
  title: string;
  description?: string | null;
  maxPoints: number;
}

/** A grade as the grader types it: points per criterion as typed, a comment per criterion, the feedback. */
export interface GradeDraft {
  points: Record<string, string>;
  comments: Record<string, string>;
  feedback: string;
}

export const EMPTY_GRADE: GradeDraft = { points: {}, comments: {}, feedback: '' };

interface Props {
  /** Prefix that keeps ids unique (one per submission). */
  form: string;
  rubric: readonly GridCriterion[];
  value: GradeDraft;
  onChange(next: GradeDraft): void;
  /** Criteria whose points were refused (missing, or outside 0..their maximum). */
  invalid: readonly string[];
  language: string;
  /** The course's language: criteria are course content. */
  courseLanguage: string;
}

/**
 * The rubric as a grading grid: each criterion's points (0 to its maximum) and an optional comment, the
 * total as it adds up, and the written feedback. Every field is reached with Tab, in reading order.
 */
export function GradingGrid({ form, rubric, value, onChange, invalid, language, courseLanguage }: Props) {
  const { t } = useTranslation('grading');
  const total = scoreTotal(Object.fromEntries(rubric.map((c) => [c.id, value.points[c.id] ?? ''])));
  const max = addPoints(rubric.map((c) => c.maxPoints));
  const setIn = (part: 'points' | 'comments', id: string, text: string) => onChange({ ...value, [part]: { ...value[part], [id]: text } });

  return (
    <div className="grading-grid">
      <ol className="grading-criteria">
        {rubric.map((criterion) => {
          const prefix = `${form}-${criterion.id}`;
          const maxText = formatPoints(criterion.maxPoints, language);
          return (
            <li key={criterion.id}>
              <fieldset className="grading-criterion">
                <legend lang={courseLanguage}>{criterion.title}</legend>
                {criterion.description && (
                  <p className="small" lang={courseLanguage}>
                    {criterion.description}
                  </p>
                )}
                <Field form={prefix} name="points" label={t('grade.points', { max: maxText })}
                  error={invalid.includes(criterion.id) ? t('grade.pointsError', { max: maxText }) : undefined}>
                  {(control) => (
                    <input {...control} type="text" inputMode="decimal" required className="points-input" data-criterion={criterion.id}
                      value={value.points[criterion.id] ?? ''} onChange={(e) => setIn('points', criterion.id, e.target.value)} />
                  )}
                </Field>
                <Field form={prefix} name="comment" label={t('grade.comment')}>
                  {(control) => <textarea {...control} rows={2} value={value.comments[criterion.id] ?? ''} onChange={(e) => setIn('comments', criterion.id, e.target.value)} />}
                </Field>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="grading-total" role="status" data-testid="grade-total">
        {t('grade.total', { score: formatPoints(total, language), max: formatPoints(max, language) })}
      </p>
      <Field form={form} name="feedback" label={t('grade.feedback')} hint={t('grade.feedbackHint')}>
        {(control) => <textarea {...control} rows={5} value={value.feedback} onChange={(e) => onChange({ ...value, feedback: e.target.value })} />}
      </Field>
    </div>
  );
}
