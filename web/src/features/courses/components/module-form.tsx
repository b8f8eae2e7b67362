import { useMutation } from '@apollo/client/react';
import { AddModuleDocument, UpdateModuleDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { OUTLINE_TITLE_MAX, courseFieldMessage, outlineTitleRefused } from '../course-rules';
import { formatInstant, utcToZoned, zoneLabel, zonedToUtc } from '@kapwa/shared';
import { SentenceWithTitle } from '../../../app/sentence-with-title';
import { EditorFormActions } from './editor-form-actions';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { useFollowSaved } from '../hooks/use-follow-saved';

const FIELDS = ['title', 'part', 'opensAt'] as const;

interface Props {
  courseId: string;
  /** The course's zone: the opening time is entered as the organiser's wall-clock time. */
  courseTimeZone: string;
  /** The course's language, its modules' titles' (a module's, in the heading of its form). */
  courseLanguage: string;
  /** The trainer's own zone and language, to show what the entered time means for them. */
  timeZone: string;
  language: string;
  /** A part label to start from (the last module's), since weeks usually follow in the same part. */
  part?: string;
  onAdded?(): void;
  /** Given: the form edits this module (sending only what changed) instead of adding one. */
  module?: { id: string; title: string; part?: string | null; opensAt?: string | null };
  onSaved?(): void;
  onCancel?(): void;
}

export function ModuleForm({ courseId, courseTimeZone, courseLanguage, timeZone, language, part = '', onAdded, module, onSaved, onCancel }: Props) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const [add, { loading: adding }] = useMutation(AddModuleDocument);
  const [update, { loading: saving }] = useMutation(UpdateModuleDocument);
  const loading = adding || saving;
  const prefix = module ? `module-${module.id}` : 'module';
  const initial = module
    ? { title: module.title, part: module.part ?? '', opensAt: module.opensAt ? utcToZoned(module.opensAt, courseTimeZone) : '' }
    : { title: '', part, opensAt: '' };
  const [values, setValues] = useState(initial);
  const { formRef, errors, setErrors } = useFormErrors();
  const [done, setDone] = useState<{ message: string; stamp: number } | null>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  // Renamed in the outline while this form is open: the field follows, unless it was being changed here.
  useFollowSaved(module?.title, (was, now) => setValues((v) => (v.title === was ? { ...v, title: now } : v)));
  const opensAtUtc = values.opensAt ? zonedToUtc(values.opensAt, courseTimeZone) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const missing: Record<string, string> = {};
    if (outlineTitleRefused(values.title)) missing.title = courseFieldMessage(t, 'moduleTitle');
    if (values.opensAt && !opensAtUtc) missing.opensAt = courseFieldMessage(t, 'opensAt');
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      if (module) {
        // Only what changed: the API leaves absent fields alone (opensAt null opens it now, part null removes the label).
        const input: { title?: string; part?: string | null; opensAt?: string | null } = {};
        if (values.title.trim() !== initial.title) input.title = values.title.trim();
        if (values.part.trim() !== initial.part) input.part = values.part.trim() || null;
        if (values.opensAt !== initial.opensAt) input.opensAt = opensAtUtc;
        if (Object.keys(input).length) await update({ variables: { moduleId: module.id, input } });
        setDone({ message: t('editor.saved'), stamp: Date.now() });
        onSaved?.();
        return;
      }
      await add({
        variables: { input: { courseId, title: values.title.trim(), part: values.part.trim() || null, opensAt: opensAtUtc } },
      });
      setDone({ message: t('editor.moduleAdded', { title: values.title.trim() }), stamp: Date.now() });
      setValues((v) => ({ ...v, title: '', opensAt: '' }));
      onAdded?.();
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (field, message) => courseFieldMessage(t, field === 'title' ? 'moduleTitle' : field, message) }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-form-title`} className="form">
      {module ? (
        <h2 id={`${prefix}-form-title`} tabIndex={-1}>
          <SentenceWithTitle t={t} i18nKey="editor.editModule" title={module.title} lang={courseLanguage} />
        </h2>
      ) : (
        <h2 id={`${prefix}-form-title`} tabIndex={-1}>
          {t('editor.addModule')}
        </h2>
      )}
      <FormAlert message={errors.form} />
      <Field form={prefix} name="title" label={t('fields.moduleTitle')} error={errors.fields.title}>
        {(control) => <input {...control} type="text" required maxLength={OUTLINE_TITLE_MAX} value={values.title} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field form={prefix} name="part" label={t('fields.part')} hint={t('fields.partHint')} error={errors.fields.part}>
        {(control) => <input {...control} type="text" maxLength={200} value={values.part} onChange={(e) => set('part')(e.target.value)} />}
      </Field>
      <Field form={prefix} name="opensAt" label={t('fields.opensAt', { zone: zoneLabel(courseTimeZone, language) })} hint={t('fields.opensAtHint')}
        error={errors.fields.opensAt}>
        {(control) => <input {...control} type="datetime-local" value={values.opensAt} onChange={(e) => set('opensAt')(e.target.value)} />}
      </Field>
      {module && values.opensAt && (
        <p>
          <Button variant="quiet" size="small" onClick={() => set('opensAt')('')}>
            {t('editor.openNow')}
          </Button>
        </p>
      )}
      {opensAtUtc && timeZone !== courseTimeZone && (
        <p className="small" data-testid="opens-at-local">
          {t('fields.opensAtForYou', { when: formatInstant(new Date(opensAtUtc), timeZone, language), zone: zoneLabel(timeZone, language) })}
        </p>
      )}
      <EditorFormActions editing={!!module} loading={loading} addLabel={t('editor.addModuleSubmit')} onCancel={onCancel} />
      <FadingStatus message={done?.message ?? null} stamp={done?.stamp} />
    </form>
  );
}
