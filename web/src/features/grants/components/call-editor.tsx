import { useMutation, useQuery } from '@apollo/client/react';
import { CreateGrantCallDocument, GrantCourseChoicesDocument, UpdateGrantCallDocument, type GrantCallEditorFieldsFragment } from '@kapwa/graphql';
import { utcToZoned, zonedToUtc } from '@kapwa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sortApiErrors } from '../api-field-errors';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { Button } from '../../../ui/button';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { TimeZoneSelect } from '../../../ui/time-zone-select';
import { CRITERIA_MAX, CRITERIA_MIN, criteriaProblems, ORGANIZATION_KINDS, type CriterionRow } from '../grant-rules';

type Call = GrantCallEditorFieldsFragment;
const FORM = 'grant-call';
const FIELDS = ['title', 'description', 'opensAt', 'closesAt', 'timeZone', 'criteria', 'eligibleOrganizationKinds', 'requiredCourseId', 'reviewsWanted'] as const;

interface Values {
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  criteria: CriterionRow[];
  kinds: string[];
  requiredCourseId: string;
  reviewsWanted: string;
}

const EMPTY_CRITERION: CriterionRow = { title: '', description: '', weight: '1', maxScore: '10' };

function valuesOf(call: Call | null, defaultZone: string): Values {
  const zone = call?.timeZone ?? defaultZone;
  return {
    title: call?.title ?? '',
    description: call?.description ?? '',
    opensAt: call ? utcToZoned(call.opensAt, zone) : '',
    closesAt: call ? utcToZoned(call.closesAt, zone) : '',
    timeZone: zone,
    criteria: call?.criteria.map((c) => ({ title: c.title, description: c.description ?? '', weight: String(c.weight), maxScore: String(c.maxScore) })) ?? [
      { ...EMPTY_CRITERION },
      { ...EMPTY_CRITERION },
    ],
    kinds: call ? [...call.eligibleOrganizationKinds] : [],
    requiredCourseId: call?.requiredCourse?.id ?? '',
    reviewsWanted: String(call?.reviewsWanted ?? 2),
  };
}

/**
 * A call as admins write it, while it is a draft: title, Markdown description, when it opens and closes
 * (wall-clock times in the call's zone), 2–10 weighted criteria, who may apply, and reviews wanted.
 */
export function CallEditor({ call, defaultTimeZone, onSaved }: { call: Call | null; defaultTimeZone: string; onSaved(call: Call): void }) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const [values, setValues] = useState<Values>(() => valuesOf(call, defaultTimeZone));
  const [rowProblems, setRowProblems] = useState<Record<number, string[]>>({});
  const [saved, setSaved] = useState<{ message: string; stamp: number } | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const courses = useQuery(GrantCourseChoicesDocument);
  const [create, { loading: creating }] = useMutation(CreateGrantCallDocument);
  const [update, { loading: updating }] = useMutation(UpdateGrantCallDocument);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setRow = (index: number, patch: Partial<CriterionRow>) => set('criteria')(values.criteria.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!values.title.trim()) fields.title = t('editor.needed.title');
    if (!values.description.trim()) fields.description = t('editor.needed.description');
    const opensAt = zonedToUtc(values.opensAt, values.timeZone);
    const closesAt = zonedToUtc(values.closesAt, values.timeZone);
    if (!opensAt) fields.opensAt = t('editor.needed.opensAt');
    if (!closesAt) fields.closesAt = t('editor.needed.closesAt');
    else if (opensAt && closesAt <= opensAt) fields.closesAt = t('editor.closesBeforeOpens');
    const problems = criteriaProblems(values.criteria);
    if (problems.count) fields.criteria = t('editor.criteriaCount', { min: CRITERIA_MIN, max: CRITERIA_MAX });
    else if (Object.keys(problems.rows).length) fields.criteria = t('editor.criteriaRows');
    const wanted = Number(values.reviewsWanted);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > 10) fields.reviewsWanted = t('editor.reviewsWantedRange');
    setRowProblems(problems.rows);
    if (Object.keys(fields).length) {
      setErrors({ fields, form: null });
      return;
    }
    setErrors({ fields: {}, form: null });
    const input = {
      title: values.title.trim(),
      description: values.description,
      opensAt: opensAt!,
      closesAt: closesAt!,
      timeZone: values.timeZone,
      criteria: values.criteria.map((c) => ({ title: c.title.trim(), description: c.description.trim() || null, weight: Number(c.weight), maxScore: Number(c.maxScore) })),
      eligibleOrganizationKinds: values.kinds as Call['eligibleOrganizationKinds'],
      requiredCourseId: values.requiredCourseId || null,
      reviewsWanted: wanted,
    };
    try {
      const result = call
        ? (await update({ variables: { input: { callId: call.id, ...input } } })).data?.updateGrantCall
        : (await create({ variables: { input }, refetchQueries: ['AdminGrantCalls'] })).data?.createGrantCall;
      if (result) {
        setSaved({ message: t('editor.saved'), stamp: Date.now() });
        onSaved(result);
      }
    } catch (error) {
      setErrors(sortApiErrors(error, tApp, FIELDS));
    }
  }

  const { fields } = errors;
  return (
    <form ref={formRef} className="form grant-call-editor" noValidate onSubmit={onSubmit} aria-labelledby="editor-heading">
      <h2 id="editor-heading">{call ? t('editor.editHeading') : t('editor.newHeading')}</h2>
      <FormAlert message={errors.form} />
      <Field form={FORM} name="title" label={t('editor.title')} error={fields.title}>
        {(control) => <input {...control} value={values.title} maxLength={200} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field form={FORM} name="description" label={t('editor.description')} hint={t('editor.descriptionHint')} error={fields.description}>
        {(control) => <textarea {...control} rows={10} value={values.description} onChange={(e) => set('description')(e.target.value)} />}
      </Field>
      <Field form={FORM} name="timeZone" label={t('editor.timeZone')} hint={t('editor.timeZoneHint')} error={fields.timeZone}>
        {(control) => <TimeZoneSelect {...control} value={values.timeZone} onChange={set('timeZone')} />}
      </Field>
      <div className="grant-editor-dates">
        <Field form={FORM} name="opensAt" label={t('editor.opensAt')} error={fields.opensAt}>
          {(control) => <input {...control} type="datetime-local" value={values.opensAt} onChange={(e) => set('opensAt')(e.target.value)} />}
        </Field>
        <Field form={FORM} name="closesAt" label={t('editor.closesAt')} error={fields.closesAt}>
          {(control) => <input {...control} type="datetime-local" value={values.closesAt} onChange={(e) => set('closesAt')(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="grant-editor-criteria" aria-describedby={fields.criteria ? `${FORM}-criteria-error` : undefined}>
        <legend>{t('editor.criteria')}</legend>
        <p className="field-hint">{t('editor.criteriaHint', { min: CRITERIA_MIN, max: CRITERIA_MAX })}</p>
        <ol className="grant-criteria">
          {values.criteria.map((row, index) => {
            const bad = rowProblems[index] ?? [];
            const n = index + 1;
            return (
              // eslint-disable-next-line react/no-array-index-key -- a row is its place in the list
              <li key={index} className="grant-criterion-row">
                <label>
                  {t('editor.criterionTitle', { n })}
                  <input value={row.title} maxLength={200} aria-invalid={bad.includes('title') ? true : undefined} onChange={(e) => setRow(index, { title: e.target.value })} />
                </label>
                <label>
                  {t('editor.criterionDescription', { n })}
                  <input value={row.description} maxLength={1000} onChange={(e) => setRow(index, { description: e.target.value })} />
                </label>
                <label>
                  {t('editor.criterionWeight', { n })}
                  <input type="number" min={0} step="any" className="grant-number" value={row.weight} aria-invalid={bad.includes('weight') ? true : undefined}
                    onChange={(e) => setRow(index, { weight: e.target.value })} />
                </label>
                <label>
                  {t('editor.criterionMax', { n })}
                  <input type="number" min={1} step="any" className="grant-number" value={row.maxScore} aria-invalid={bad.includes('maxScore') ? true : undefined}
                    onChange={(e) => setRow(index, { maxScore: e.target.value })} />
                </label>
                <Button variant="quiet" size="small" disabled={values.criteria.length <= CRITERIA_MIN}
                  onClick={() => set('criteria')(values.criteria.filter((_, i) => i !== index))}>
                  {t('editor.removeCriterion', { n })}
                </Button>
              </li>
            );
          })}
        </ol>
        {fields.criteria && (
          <p id={`${FORM}-criteria-error`} className="field-error">
            {fields.criteria}
          </p>
        )}
        <Button variant="secondary" size="small" disabled={values.criteria.length >= CRITERIA_MAX} onClick={() => set('criteria')([...values.criteria, { ...EMPTY_CRITERION }])}>
          {t('editor.addCriterion')}
        </Button>
      </fieldset>
      <fieldset className="grant-editor-kinds">
        <legend>{t('editor.kinds')}</legend>
        <p className="field-hint">{t('editor.kindsHint')}</p>
        {ORGANIZATION_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="checkbox" checked={values.kinds.includes(kind)}
              onChange={(e) => set('kinds')(e.target.checked ? [...values.kinds, kind] : values.kinds.filter((k) => k !== kind))} />{' '}
            {t(`kinds.${kind}`)}
          </label>
        ))}
        {fields.eligibleOrganizationKinds && <p className="field-error">{fields.eligibleOrganizationKinds}</p>}
      </fieldset>
      <Field form={FORM} name="requiredCourseId" label={t('editor.requiredCourse')} hint={t('editor.requiredCourseHint')} error={fields.requiredCourseId}>
        {(control) => (
          <select {...control} value={values.requiredCourseId} onChange={(e) => set('requiredCourseId')(e.target.value)}>
            <option value="">{t('editor.noCourse')}</option>
            {(courses.data?.courses ?? []).map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={FORM} name="reviewsWanted" label={t('editor.reviewsWanted')} hint={t('editor.reviewsWantedHint')} error={fields.reviewsWanted}>
        {(control) => <input {...control} type="number" min={1} max={10} className="grant-number" value={values.reviewsWanted} onChange={(e) => set('reviewsWanted')(e.target.value)} />}
      </Field>
      <div className="actions">
        <Button type="submit" disabled={creating || updating}>
          {creating || updating ? t('editor.saving') : call ? t('editor.save') : t('editor.create')}
        </Button>
        <FadingStatus message={saved?.message ?? null} stamp={saved?.stamp} />
      </div>
    </form>
  );
}
