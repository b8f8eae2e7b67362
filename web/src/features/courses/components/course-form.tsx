import { useMutation } from '@apollo/client/react';
import { CreateCourseDocument, UpdateCourseDocument, type CourseKind, type UpdateCourseInput } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { LanguageSelect } from '../../../ui/language-select';
import { TimeZoneSelect } from '../../../ui/time-zone-select';
import { COURSE_LIMITS, checkCourseFields, courseFieldMessage, outcomeLines, suggestSlug, topicList } from '../course-rules';
import { zonedToUtc } from '@kapwa/shared';
import { useFormErrors } from '../../../app/forms/use-form-errors';

const FIELDS = ['slug', 'title', 'summary', 'outcomes', 'topics', 'audience', 'color', 'kind', 'language', 'timeZone', 'startsAt', 'endsAt'] as const;

/** What the course editor's Details tab changes: what `updateCourse` takes. */
export interface EditableCourse {
  id: string;
  slug: string;
  title: string;
  summary: string;
  outcomes: readonly string[];
  topics?: readonly string[];
  audience?: string | null;
  color: string;
}

interface Props {
  timeZone: string;
  language: string;
  /** Called with the new course's address. */
  onDone?(slug: string): void;
  /** Given: the form changes this course (what can change once it exists) instead of creating one. */
  course?: EditableCourse;
}

/** A new course starts as a DRAFT that only its trainers and admins see; `onDone` gets its address. */
export function CourseForm({ timeZone, language, onDone, course }: Props) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const [mutate, { loading: creating }] = useMutation(CreateCourseDocument);
  const [update, { loading: saving }] = useMutation(UpdateCourseDocument);
  const loading = creating || saving;
  const [saved, setSaved] = useState<number | null>(null);
  const [values, setValues] = useState({
    title: course?.title ?? '',
    slug: course?.slug ?? '',
    summary: course?.summary ?? '',
    kind: 'COURSE' as CourseKind,
    language,
    timeZone,
    startsAt: '',
    endsAt: '',
    outcomes: course?.outcomes.join('\n') ?? '',
    topics: course?.topics?.join(', ') ?? '',
    audience: course?.audience ?? '',
    color: course?.color ?? '#2f5f6a',
  });
  // Without a colour of its own, the course gets a calm one derived from its address. A course that
  // exists shows its colour, which the trainer may change.
  const [ownColor, setOwnColor] = useState(!!course);
  const [slugTouched, setSlugTouched] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = checkCourseFields(values);
    if (refused.length) {
      setErrors({ fields: Object.fromEntries(refused.map((f) => [f, courseFieldMessage(t, f)])), form: null });
      return;
    }
    setErrors(NO_ERRORS);
    const slug = values.slug.trim();
    try {
      if (course) {
        await saveChanges(course);
        return;
      }
      await mutate({
        variables: {
          input: {
            slug,
            title: values.title.trim(),
            summary: values.summary.trim(),
            kind: values.kind,
            language: values.language,
            timeZone: values.timeZone,
            // Dates are days in the course's zone: it starts at the first minute and ends after the last.
            startsAt: values.startsAt ? zonedToUtc(values.startsAt, values.timeZone) : null,
            endsAt: values.endsAt ? zonedToUtc(`${values.endsAt}T23:59`, values.timeZone) : null,
            outcomes: outcomeLines(values.outcomes),
            topics: topicList(values.topics),
            audience: values.audience.trim() || null,
            color: ownColor ? values.color : null,
          },
        },
        refetchQueries: ['Courses'],
      });
      onDone?.(slug);
    } catch (error) {
      setErrors(
        toFormErrors(error, tApp, {
          fields: FIELDS,
          fieldMessage: (field, message) => courseFieldMessage(t, field, message),
          conflict: { field: 'slug', message: t('errors.slugTaken') },
        }),
      );
    }
  }

  /** Only what changed: the API leaves absent fields alone. */
  async function saveChanges(before: EditableCourse) {
    setSaved(null);
    const input: UpdateCourseInput = {};
    if (values.title.trim() !== before.title) input.title = values.title.trim();
    if (values.summary.trim() !== before.summary) input.summary = values.summary.trim();
    const outcomes = outcomeLines(values.outcomes);
    if (outcomes.join('\n') !== before.outcomes.join('\n')) input.outcomes = outcomes;
    const topics = topicList(values.topics);
    if (topics.join('\n') !== (before.topics ?? []).join('\n')) input.topics = topics;
    if (values.audience.trim() !== (before.audience ?? '')) input.audience = values.audience.trim() || null;
    if (values.color !== before.color) input.color = values.color;
    if (Object.keys(input).length) await update({ variables: { courseId: before.id, input } });
    setSaved(Date.now());
  }

  const editing = !!course;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={editing ? 'course-form-title' : 'page-title'} className="form">
      {editing && <h2 id="course-form-title">{t('editor.detailsTitle')}</h2>}
      <FormAlert message={errors.form} />
      <Field form="course" name="title" label={t('fields.title')} error={errors.fields.title}>
        {(control) => (
          <input {...control} type="text" required maxLength={COURSE_LIMITS.titleMax} value={values.title}
            onChange={(e) => {
              set('title')(e.target.value);
              if (!slugTouched && !editing) set('slug')(suggestSlug(e.target.value));
            }} />
        )}
      </Field>
      {/* The address, kind, language, zone and dates are set when the course is created. */}
      {!editing && (
        <Field form="course" name="slug" label={t('fields.slug')} hint={t('fields.slugHint')} error={errors.fields.slug}>
          {(control) => (
            <input {...control} type="text" required autoCapitalize="none" spellCheck={false} maxLength={COURSE_LIMITS.slugMax}
              value={values.slug} onChange={(e) => { setSlugTouched(true); set('slug')(e.target.value); }} />
          )}
        </Field>
      )}
      <Field form="course" name="summary" label={t('fields.summary')} error={errors.fields.summary}>
        {(control) => (
          <textarea {...control} rows={4} required maxLength={COURSE_LIMITS.summaryMax} value={values.summary}
            onChange={(e) => set('summary')(e.target.value)} />
        )}
      </Field>
      <Field form="course" name="outcomes" label={t('fields.outcomes')} hint={t('fields.outcomesHint', COURSE_LIMITS)} error={errors.fields.outcomes}>
        {(control) => (
          <textarea {...control} rows={5} value={values.outcomes} onChange={(e) => set('outcomes')(e.target.value)} />
        )}
      </Field>
      <Field form="course" name="topics" label={t('fields.topics')} hint={t('fields.topicsHint')} error={errors.fields.topics}>
        {(control) => <input {...control} type="text" value={values.topics} onChange={(e) => set('topics')(e.target.value)} />}
      </Field>
      <Field form="course" name="audience" label={t('fields.audience')} hint={t('fields.audienceHint')} error={errors.fields.audience}>
        {(control) => (
          <textarea {...control} rows={3} maxLength={COURSE_LIMITS.audienceMax} value={values.audience}
            onChange={(e) => set('audience')(e.target.value)} />
        )}
      </Field>
      {!editing && (
        <div className="checkbox-field">
          <input id="course-own-color" type="checkbox" checked={ownColor} onChange={(e) => setOwnColor(e.target.checked)}
            aria-describedby="course-own-color-hint" />
          <label htmlFor="course-own-color">{t('fields.ownColor')}</label>
          <p id="course-own-color-hint" className="field-hint">
            {t('fields.ownColorHint')}
          </p>
        </div>
      )}
      {ownColor && (
        <Field form="course" name="color" label={t('fields.color')} error={errors.fields.color}>
          {(control) => <input {...control} type="color" value={values.color} onChange={(e) => set('color')(e.target.value)} />}
        </Field>
      )}
      {!editing && (
        <>
          <Field form="course" name="kind" label={t('fields.kind')} hint={t('fields.kindHint')} error={errors.fields.kind}>
            {(control) => (
              <select {...control} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
                <option value="COURSE">{t('kind.COURSE')}</option>
                <option value="REFRESHER">{t('kind.REFRESHER')}</option>
              </select>
            )}
          </Field>
          <Field form="course" name="language" label={t('fields.language')} error={errors.fields.language}>
            {(control) => <LanguageSelect {...control} value={values.language} onChange={set('language')} />}
          </Field>
          <Field form="course" name="timeZone" label={t('fields.timeZone')} hint={t('fields.timeZoneHint')} error={errors.fields.timeZone}>
            {(control) => <TimeZoneSelect {...control} value={values.timeZone} onChange={set('timeZone')} />}
          </Field>
          <Field form="course" name="startsAt" label={t('fields.startsAt')} hint={t('fields.optional')} error={errors.fields.startsAt}>
            {(control) => <input {...control} type="date" value={values.startsAt} onChange={(e) => set('startsAt')(e.target.value)} />}
          </Field>
          <Field form="course" name="endsAt" label={t('fields.endsAt')} hint={t('fields.optional')} error={errors.fields.endsAt}>
            {(control) => <input {...control} type="date" min={values.startsAt || undefined} value={values.endsAt}
              onChange={(e) => set('endsAt')(e.target.value)} />}
          </Field>
        </>
      )}
      <button type="submit" disabled={loading}>
        {editing ? (loading ? t('editor.saving') : t('editor.save')) : loading ? t('newCourse.creating') : t('newCourse.submit')}
      </button>
      {editing && <FadingStatus message={saved ? t('editor.saved') : null} stamp={saved ?? undefined} />}
    </form>
  );
}
