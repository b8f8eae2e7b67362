import { useApolloClient, useMutation } from '@apollo/client/react';
import { AddLessonDocument, PreviewMarkdownDocument, UpdateLessonDocument } from '@kapwa/graphql';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, apiErrorsOf, toFormErrors } from '../../../app/forms/api-errors';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { COURSE_LIMITS, OUTLINE_TITLE_MAX, courseFieldMessage, outlineTitleRefused } from '../course-rules';
import { useImageFallback } from '../hooks/use-image-fallback';
import { useKeyboardScrolling } from '../hooks/use-keyboard-scrolling';
import { SentenceWithTitle } from '../../../app/sentence-with-title';
import { EditorFormActions } from './editor-form-actions';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { useFollowSaved } from '../hooks/use-follow-saved';

const FIELDS = ['moduleId', 'title', 'estimatedMinutes', 'body'] as const;
const TABS = ['write', 'preview'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  /** The lesson's course: the preview shows its images as its lessons do. */
  courseId: string;
  modules: readonly { id: string; title: string }[];
  /** The course's language: the lesson's words (its title, its preview) are read in it, the form in the interface's. */
  courseLanguage: string;
  /** When adding: the module the lesson goes to, unless the trainer picks another (the last one otherwise). */
  moduleId?: string;
  onAdded?(): void;
  /** Given: the form edits this lesson (sending only what changed) instead of adding one; it stays in its module. */
  lesson?: { id: string; title: string; body: string; estimatedMinutes?: number | null };
  onSaved?(): void;
  onCancel?(): void;
}

/** A lesson in Markdown, with a preview rendered by the API exactly as learners will see it. */
export function LessonForm({ courseId, modules, courseLanguage, moduleId: startIn, onAdded, lesson, onSaved, onCancel }: Props) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const client = useApolloClient();
  const [add, { loading: adding }] = useMutation(AddLessonDocument);
  const [update, { loading: saving }] = useMutation(UpdateLessonDocument);
  const loading = adding || saving;
  const prefix = lesson ? `lesson-${lesson.id}` : 'lesson';
  const [values, setValues] = useState(() => ({
    moduleId: startIn ?? modules.at(-1)?.id ?? '',
    title: lesson?.title ?? '',
    estimatedMinutes: lesson?.estimatedMinutes != null ? String(lesson.estimatedMinutes) : '',
    body: lesson?.body ?? '',
  }));
  const [tab, setTab] = useState<Tab>('write');
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const [preview, setPreview] = useState<{ html: string | null; error: string | null; loading: boolean }>({ html: null, error: null, loading: false });
  const previewRef = useRef<HTMLDivElement>(null);
  useKeyboardScrolling(previewRef, preview.html);
  useImageFallback(previewRef, preview.html);
  const { formRef, errors, setErrors } = useFormErrors();
  const [done, setDone] = useState<{ message: string; stamp: number } | null>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  // Renamed in the outline while this form is open: the field follows, unless it was being changed here.
  useFollowSaved(lesson?.title, (was, now) => setValues((v) => (v.title === was ? { ...v, title: now } : v)));
  const moduleId = modules.some((m) => m.id === values.moduleId) ? values.moduleId : (modules.at(-1)?.id ?? '');

  async function showPreview() {
    setTab('preview');
    setPreview({ html: null, error: null, loading: true });
    try {
      const { data } = await client.query({ query: PreviewMarkdownDocument, variables: { source: values.body, courseId }, fetchPolicy: 'no-cache' });
      setPreview({ html: data?.previewMarkdown ?? '', error: null, loading: false });
    } catch (error) {
      const code = apiErrorsOf(error)[0]?.code ?? 'UNKNOWN';
      setPreview({ html: null, error: tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }), loading: false });
    }
  }

  function select(next: Tab) {
    if (next === 'preview') void showPreview();
    else setTab('write');
  }

  /**
   * The tabs pattern (WAI-ARIA APG): arrows (round the ends), Home and End move to a tab and show it;
   * Tab leaves the tab list for the panel, as only the shown tab is in the tab order.
   */
  function moveBetweenTabs(event: KeyboardEvent) {
    const at = TABS.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length];
    if (next !== tab) select(next);
    tabRefs.current[next]?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const minutes = values.estimatedMinutes ? Number(values.estimatedMinutes) : null;
    const missing: Record<string, string> = {};
    if (!lesson && !moduleId) missing.moduleId = courseFieldMessage(t, 'moduleId');
    if (outlineTitleRefused(values.title)) missing.title = courseFieldMessage(t, 'lessonTitle');
    if (minutes != null && (!Number.isInteger(minutes) || minutes < COURSE_LIMITS.minutesMin || minutes > COURSE_LIMITS.minutesMax)) {
      missing.estimatedMinutes = courseFieldMessage(t, 'estimatedMinutes');
    }
    if (!values.body.trim()) missing.body = courseFieldMessage(t, 'body');
    if (Object.keys(missing).length) {
      setTab('write');
      setErrors({ fields: missing, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      if (lesson) {
        // Only what changed: the API leaves absent fields alone.
        const input: { title?: string; estimatedMinutes?: number | null; body?: string } = {};
        if (values.title.trim() !== lesson.title) input.title = values.title.trim();
        if (minutes !== (lesson.estimatedMinutes ?? null)) input.estimatedMinutes = minutes;
        if (values.body !== lesson.body) input.body = values.body;
        if (Object.keys(input).length) await update({ variables: { lessonId: lesson.id, input } });
        setDone({ message: t('editor.saved'), stamp: Date.now() });
        onSaved?.();
        return;
      }
      await add({ variables: { input: { moduleId, title: values.title.trim(), estimatedMinutes: minutes, body: values.body } } });
      setDone({ message: t('editor.lessonAdded', { title: values.title.trim() }), stamp: Date.now() });
      setValues((v) => ({ ...v, title: '', estimatedMinutes: '', body: '' }));
      setTab('write');
      onAdded?.();
    } catch (error) {
      setTab('write');
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (field, message) => courseFieldMessage(t, field === 'title' ? 'lessonTitle' : field, message) }));
    }
  }

  if (!lesson && modules.length === 0) return <p>{t('editor.addModuleFirst')}</p>;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-form-title`} className="form">
      {lesson ? (
        <h2 id={`${prefix}-form-title`} tabIndex={-1}>
          <SentenceWithTitle t={t} i18nKey="editor.editLesson" title={lesson.title} lang={courseLanguage} />
        </h2>
      ) : (
        <h2 id={`${prefix}-form-title`} tabIndex={-1}>
          {t('editor.addLesson')}
        </h2>
      )}
      <FormAlert message={errors.form} />
      {!lesson && (
        <Field form={prefix} name="moduleId" label={t('fields.module')} error={errors.fields.moduleId}>
          {(control) => (
            <select {...control} value={moduleId} onChange={(e) => set('moduleId')(e.target.value)}>
              {modules.map((module) => (
                <option key={module.id} value={module.id}>
                  {module.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field form={prefix} name="title" label={t('fields.lessonTitle')} error={errors.fields.title}>
        {(control) => <input {...control} type="text" required maxLength={OUTLINE_TITLE_MAX} value={values.title} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field form={prefix} name="estimatedMinutes" label={t('fields.estimatedMinutes')} hint={t('fields.optional')}
        error={errors.fields.estimatedMinutes}>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={COURSE_LIMITS.minutesMin} max={COURSE_LIMITS.minutesMax}
            value={values.estimatedMinutes} onChange={(e) => set('estimatedMinutes')(e.target.value)} />
        )}
      </Field>
      <div className="ui-tablist" role="tablist" aria-label={t('fields.body')} onKeyDown={moveBetweenTabs}>
        {TABS.map((name) => (
          <button key={name} ref={(button) => { tabRefs.current[name] = button; }} type="button" role="tab" id={`${prefix}-tab-${name}`}
            aria-controls={`${prefix}-panel-${name}`} aria-selected={tab === name} tabIndex={tab === name ? 0 : -1}
            className="ui-tab" onClick={() => select(name)}>
            {t(`editor.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefix}-panel-write`} aria-labelledby={`${prefix}-tab-write`} hidden={tab !== 'write'}>
        <Field form={prefix} name="body" label={t('fields.body')} hint={t('fields.bodyHint')} error={errors.fields.body}>
          {(control) => (
            <textarea {...control} rows={14} required className="markdown-input" value={values.body} onChange={(e) => set('body')(e.target.value)} />
          )}
        </Field>
      </div>
      {/* Focusable (APG): Tab from the tab reaches the preview even when it holds no link or table. */}
      <div ref={previewRef} role="tabpanel" id={`${prefix}-panel-preview`} aria-labelledby={`${prefix}-tab-preview`} hidden={tab !== 'preview'}
        tabIndex={0} className="preview-panel">
        {preview.loading && <p className="loading">{t('app:loading')}</p>}
        {preview.error && <p className="form-alert">{preview.error}</p>}
        {preview.html !== null &&
          (preview.html ? (
            // Sanitized by the API: the same renderer lessons use.
            <div className="prose" lang={courseLanguage} dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="small">{t('editor.previewEmpty')}</p>
          ))}
      </div>
      <EditorFormActions editing={!!lesson} loading={loading} addLabel={t('editor.addLessonSubmit')} onCancel={onCancel} />
      <FadingStatus message={done?.message ?? null} stamp={done?.stamp} />
    </form>
  );
}
