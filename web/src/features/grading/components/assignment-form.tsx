import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  CreateAssignmentDocument,
  PreviewMarkdownDocument,
  UpdateAssignmentDocument,
  type AssignmentEditorFieldsFragment,
  type UpdateAssignmentInput,
} from '@kapwa/graphql';
import { formatInstantWithZones, utcToZoned, zoneLabel, zonedToUtc } from '@kapwa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, apiErrorsOf, toFormErrors, type FormErrors } from '../../../app/forms/api-errors';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { Button } from '../../../ui/button';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import {
  ASSIGNMENT_LIMITS,
  checkRubric,
  formatPoints,
  parsePoints,
  rubricInput,
  rubricIsValid,
  rubricTotal,
  type CriterionDraft,
  type RubricProblems,
} from '../grading-rules';
import { RubricBuilder, newCriterion } from './rubric-builder';

const FIELDS = ['title', 'instructions', 'moduleId', 'dueAt', 'rubric', 'passPoints'] as const;

export interface WeekOption {
  id: string;
  title: string;
}

interface Props {
  courseId: string;
  /** The course's zone: the due time is entered on the organiser's clock. */
  courseTimeZone: string;
  courseLanguage: string;
  /** The trainer's zone and language, to say what the entered time means for them. */
  timeZone: string;
  language: string;
  weeks: WeekOption[];
  /** Given: edit it; otherwise create a new assignment. */
  assignment?: AssignmentEditorFieldsFragment;
  onSaved?(assignment: AssignmentEditorFieldsFragment): void;
  onCancel?(): void;
}

function initialValues(assignment: AssignmentEditorFieldsFragment | undefined, courseTimeZone: string) {
  return {
    title: assignment?.title ?? '',
    instructions: assignment?.instructions ?? '',
    moduleId: assignment?.module?.id ?? '',
    dueAt: assignment?.dueAt ? utcToZoned(assignment.dueAt, courseTimeZone) : '',
    groupWork: assignment?.groupWork ?? false,
    shareWithCohort: assignment?.shareWithCohort ?? false,
    required: assignment?.required ?? false,
    passPoints: assignment?.passPoints == null ? '' : String(assignment.passPoints),
  };
}

function criteriaOf(assignment: AssignmentEditorFieldsFragment | undefined): CriterionDraft[] {
  if (!assignment?.rubric.length) return [newCriterion()];
  return assignment.rubric.map((c) => ({ ...newCriterion(), title: c.title, description: c.description ?? '', maxPoints: String(c.maxPoints) }));
}

const sameRubric = (a: ReturnType<typeof rubricInput>, b: ReturnType<typeof rubricInput>) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An assignment as its trainers set it: title, Markdown instructions (with the API's preview), the week
 * it belongs to, the due time on the course's clock, the rubric, group work and sharing, and whether the
 * certificate waits for it (with its pass mark). Once a submission is graded the rubric is locked.
 */
export function AssignmentForm({ courseId, courseTimeZone, courseLanguage, timeZone, language, weeks, assignment, onSaved, onCancel }: Props) {
  const { t } = useTranslation('grading');
  const { t: tApp } = useTranslation('app');
  const client = useApolloClient();
  const [create, { loading: creating }] = useMutation(CreateAssignmentDocument);
  const [update, { loading: updating }] = useMutation(UpdateAssignmentDocument);
  const initial = initialValues(assignment, courseTimeZone);
  const [values, setValues] = useState(initial);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => criteriaOf(assignment));
  const [problems, setProblems] = useState<RubricProblems | null>(null);
  const [locked, setLocked] = useState(assignment?.locked ?? false);
  const [preview, setPreview] = useState<{ html: string | null; error: string | null; loading: boolean } | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const [done, setDone] = useState<{ message: string; stamp: number } | null>(null);
  const set = <K extends keyof typeof values>(field: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [field]: value }));
  const form = assignment ? `assignment-${assignment.id}` : 'assignment-new';
  const dueAtUtc = values.dueAt ? zonedToUtc(values.dueAt, courseTimeZone) : null;
  const total = locked && assignment ? assignment.maxPoints : rubricTotal(criteria);

  function check(): { fields: Record<string, string>; rubric: RubricProblems | null } {
    const fields: Record<string, string> = {};
    const title = values.title.trim();
    if (!title || title.length > ASSIGNMENT_LIMITS.titleMax) fields.title = t('form.errors.title', ASSIGNMENT_LIMITS);
    if (!values.instructions.trim()) fields.instructions = t('form.errors.instructions');
    if (values.dueAt && !dueAtUtc) fields.dueAt = t('form.errors.dueAt');
    if (values.passPoints.trim()) {
      const pass = parsePoints(values.passPoints);
      if (pass === null || pass > total) fields.passPoints = t('form.errors.passPoints', { max: formatPoints(total, language) });
    }
    const rubric = locked ? null : checkRubric(criteria);
    return { fields, rubric: rubric && !rubricIsValid(rubric) ? rubric : null };
  }

  async function showPreview() {
    setPreview({ html: null, error: null, loading: true });
    try {
      const { data } = await client.query({ query: PreviewMarkdownDocument, variables: { source: values.instructions }, fetchPolicy: 'no-cache' });
      setPreview({ html: data?.previewMarkdown ?? '', error: null, loading: false });
    } catch (error) {
      const code = apiErrorsOf(error)[0]?.code ?? 'UNKNOWN';
      setPreview({ html: null, error: tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }), loading: false });
    }
  }

  /** Only what changed: the rubric is sent only when it did (a graded assignment's rubric cannot change). */
  function changes(id: string): UpdateAssignmentInput {
    const input: UpdateAssignmentInput = { id };
    if (values.title.trim() !== initial.title) input.title = values.title.trim();
    if (values.instructions !== initial.instructions) input.instructions = values.instructions;
    if (values.moduleId !== initial.moduleId) input.moduleId = values.moduleId || null;
    if (values.dueAt !== initial.dueAt) input.dueAt = dueAtUtc;
    if (values.groupWork !== initial.groupWork) input.groupWork = values.groupWork;
    if (values.shareWithCohort !== initial.shareWithCohort) input.shareWithCohort = values.shareWithCohort;
    if (values.required !== initial.required) input.required = values.required;
    if (values.passPoints !== initial.passPoints) input.passPoints = parsePoints(values.passPoints);
    if (!locked && !sameRubric(rubricInput(criteria), rubricInput(criteriaOf(assignment)))) input.rubric = rubricInput(criteria);
    return input;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const refused = check();
    setProblems(refused.rubric);
    if (Object.keys(refused.fields).length || refused.rubric) {
      // An empty rubric entry still moves focus (useFormErrors) to the first rubric row in error.
      setErrors({ fields: refused.rubric ? { ...refused.fields, rubric: '' } : refused.fields, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      let saved: AssignmentEditorFieldsFragment | undefined;
      if (assignment) {
        saved = (await update({ variables: { input: changes(assignment.id) } })).data?.updateAssignment;
        setDone({ message: t('form.saved'), stamp: Date.now() });
      } else {
        saved = (
          await create({
            variables: {
              input: {
                courseId,
                moduleId: values.moduleId || null,
                title: values.title.trim(),
                instructions: values.instructions,
                dueAt: dueAtUtc,
                rubric: rubricInput(criteria),
                groupWork: values.groupWork,
                shareWithCohort: values.shareWithCohort,
                required: values.required,
                passPoints: parsePoints(values.passPoints),
              },
            },
          })
        ).data?.createAssignment;
        setDone({ message: t('form.created', { title: values.title.trim() }), stamp: Date.now() });
        setValues(initialValues(undefined, courseTimeZone));
        setCriteria([newCriterion()]);
      }
      if (saved) onSaved?.(saved);
    } catch (error) {
      setErrors(assignmentErrors(error));
    }
  }

  /** The API's refusals beside their fields: a rubric row's, a rubric locked by grading meanwhile, group work already begun. */
  function assignmentErrors(error: unknown): FormErrors {
    const refusals = apiErrorsOf(error);
    const conflict = refusals.find((e) => e.code === 'CONFLICT')?.field;
    // Graded work holds the rubric: lock it here and say why.
    if (conflict === 'rubric') setLocked(true);
    const errors = toFormErrors(error, tApp, {
      fields: FIELDS,
      fieldMessage: (field, message) => t(`form.errors.${field}`, { ...ASSIGNMENT_LIMITS, max: formatPoints(total, language), defaultValue: message }),
      conflict: conflict === 'rubric' ? { field: 'rubric', message: t('rubric.lockedNow') } : undefined,
      codeMessages: conflict === 'groupWork' ? { CONFLICT: t('form.errors.groupWorkBegun') } : undefined,
    });
    // "rubric.2.maxPoints": the rubric's own message, in the API's words.
    const row = refusals.find((e) => e.code === 'BAD_USER_INPUT' && e.field?.startsWith('rubric.'));
    return row ? { fields: { ...errors.fields, rubric: row.message }, form: null } : errors;
  }

  const loading = creating || updating;
  const titleId = `${form}-heading`;
  const switchField = (name: 'groupWork' | 'shareWithCohort' | 'required') => (
    <div className="checkbox-field">
      <input id={`${form}-${name}`} type="checkbox" role="switch" checked={values[name]} aria-describedby={`${form}-${name}-hint`}
        onChange={(e) => set(name)(e.target.checked)} />
      <label htmlFor={`${form}-${name}`}>{t(`form.${name}`)}</label>
      <p id={`${form}-${name}-hint`} className="field-hint">
        {t(`form.${name}Hint`)}
      </p>
    </div>
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={titleId} className="form assignment-form">
      <h3 id={titleId} tabIndex={-1}>
        {assignment ? t('form.editTitle') : t('form.newTitle')}
      </h3>
      <FormAlert message={errors.form} />
      <Field form={form} name="title" label={t('form.title')} error={errors.fields.title}>
        {(control) => (
          <input {...control} type="text" lang={courseLanguage} required maxLength={ASSIGNMENT_LIMITS.titleMax} value={values.title}
            onChange={(e) => set('title')(e.target.value)} />
        )}
      </Field>
      <Field form={form} name="instructions" label={t('form.instructions')} hint={t('form.instructionsHint')} error={errors.fields.instructions}>
        {(control) => (
          <textarea {...control} lang={courseLanguage} rows={8} className="markdown-input" value={values.instructions}
            onChange={(e) => set('instructions')(e.target.value)} />
        )}
      </Field>
      <div className="assignment-preview">
        <Button variant="secondary" size="small" aria-expanded={preview !== null} aria-controls={`${form}-preview`}
          onClick={() => (preview ? setPreview(null) : void showPreview())}>
          {preview ? t('form.hidePreview') : t('form.showPreview')}
        </Button>
        <div id={`${form}-preview`} hidden={!preview} className="preview-panel" aria-label={t('form.preview')} role="region" tabIndex={preview ? 0 : -1}>
          {preview?.loading && <p className="loading">{t('app:loading')}</p>}
          {preview?.error && <p className="form-alert">{preview.error}</p>}
          {preview?.html !== null && preview?.html !== undefined &&
            (preview.html ? (
              // Sanitized by the API, exactly as learners will see it.
              <div className="prose" lang={courseLanguage} dangerouslySetInnerHTML={{ __html: preview.html }} />
            ) : (
              <p className="small">{t('form.previewEmpty')}</p>
            ))}
        </div>
      </div>
      <Field form={form} name="moduleId" label={t('form.week')} error={errors.fields.moduleId}>
        {(control) => (
          <select {...control} value={values.moduleId} onChange={(e) => set('moduleId')(e.target.value)}>
            <option value="">{t('form.noWeek')}</option>
            {weeks.map((week) => (
              <option key={week.id} value={week.id} lang={courseLanguage}>
                {week.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="dueAt" label={t('form.dueAt', { zone: zoneLabel(courseTimeZone, language) })} hint={t('form.dueAtHint')}
        error={errors.fields.dueAt}>
        {(control) => <input {...control} type="datetime-local" value={values.dueAt} onChange={(e) => set('dueAt')(e.target.value)} />}
      </Field>
      {dueAtUtc && (
        <p className="small" data-testid="due-at-local">
          {t('form.dueAtForYou', { when: formatInstantWithZones(new Date(dueAtUtc), timeZone, courseTimeZone, language, (zone) => zoneLabel(zone, language)) })}
        </p>
      )}
      {locked && assignment ? (
        <section className="rubric-locked" aria-labelledby={`${form}-rubric-locked`}>
          <h4 id={`${form}-rubric-locked`}>{t('rubric.legend')}</h4>
          <p className="field-hint" id={`${form}-rubric-error`} tabIndex={-1}>
            {errors.fields.rubric || t('rubric.locked')}
          </p>
          <ol>
            {assignment.rubric.map((c) => (
              <li key={c.id} lang={courseLanguage}>
                {c.title} <span lang={language}>{t('rubric.pointsOf', { count: c.maxPoints, points: formatPoints(c.maxPoints, language) })}</span>
              </li>
            ))}
          </ol>
          <p>{t('rubric.total', { count: assignment.maxPoints, points: formatPoints(assignment.maxPoints, language) })}</p>
        </section>
      ) : (
        <RubricBuilder form={form} criteria={criteria} onChange={setCriteria} problems={problems} error={errors.fields.rubric || undefined}
          language={language} courseLanguage={courseLanguage} />
      )}
      {switchField('groupWork')}
      {switchField('shareWithCohort')}
      {switchField('required')}
      <Field form={form} name="passPoints" label={t('form.passPoints')} hint={t('form.passPointsHint', { max: formatPoints(total, language) })}
        error={errors.fields.passPoints}>
        {(control) => (
          <input {...control} type="text" inputMode="decimal" className="points-input" value={values.passPoints} onChange={(e) => set('passPoints')(e.target.value)} />
        )}
      </Field>
      <p className="actions">
        <Button type="submit" disabled={loading}>
          {loading ? t('form.saving') : assignment ? t('form.save') : t('form.create')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        )}
      </p>
      <FadingStatus message={done?.message ?? null} stamp={done?.stamp} seconds={8} />
    </form>
  );
}
