import type { LiveSessionFieldsFragment, UpdateLiveSessionInput } from '@kapwa/graphql';
import { formatInstantWithZones, utcToZoned, zoneLabel, zonedToUtc } from '@kapwa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { HiddenItemName } from '../../../app/hidden-item-name';
import { SentenceWithTitle } from '../../../app/sentence-with-title';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { useScheduleSession, useUpdateSession } from '../hooks/use-session-mutations';
import { SESSION_LIMITS, isWebAddress, parseGroups, sessionFieldMessage } from '../session-rules';
import { useFormErrors } from '../../../app/forms/use-form-errors';

const FIELDS = ['title', 'startsAt', 'durationMinutes', 'joinUrl', 'recordingUrl', 'breakoutGroups'] as const;

interface Props {
  courseId: string;
  /** The course's zone: trainers enter the organiser's wall-clock time. */
  courseTimeZone: string;
  /** The trainer's own zone and language, to show what the entered time means for them. */
  timeZone: string;
  language: string;
  /** Given: edit (reschedule, add the recording) this session; otherwise schedule a new one. */
  session?: LiveSessionFieldsFragment;
  onDone?(): void;
}

function initialValues(session: LiveSessionFieldsFragment | undefined, courseTimeZone: string) {
  return {
    title: session?.title ?? '',
    startsAt: session ? utcToZoned(session.startsAt, courseTimeZone) : '',
    durationMinutes: String(session?.durationMinutes ?? 60),
    joinUrl: session?.joinUrl ?? '',
    recordingUrl: session?.recordingUrl ?? '',
    breakoutGroups: session?.breakoutGroups.join(', ') ?? '',
  };
}

export function SessionForm({ courseId, courseTimeZone, timeZone, language, session, onDone }: Props) {
  const { t } = useTranslation('live-sessions');
  const { t: tApp } = useTranslation('app');
  const { schedule, loading: scheduling } = useScheduleSession();
  const { update, loading: updating } = useUpdateSession();
  const initial = initialValues(session, courseTimeZone);
  const [values, setValues] = useState(initial);
  const { formRef, errors, setErrors } = useFormErrors();
  const [done, setDone] = useState<{ message: string; stamp: number } | null>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const form = session ? `session-${session.id}` : 'session-new';
  const startsAtUtc = values.startsAt ? zonedToUtc(values.startsAt, courseTimeZone) : null;
  const startChanged = !session || values.startsAt !== initial.startsAt;

  function check(): Record<string, string> {
    const refused: Record<string, string> = {};
    const title = values.title.trim();
    if (!title || title.length > SESSION_LIMITS.titleMax) refused.title = sessionFieldMessage(t, 'title');
    if (!startsAtUtc || (startChanged && new Date(startsAtUtc).getTime() <= Date.now())) refused.startsAt = sessionFieldMessage(t, 'startsAt');
    const minutes = Number(values.durationMinutes);
    if (!Number.isInteger(minutes) || minutes < SESSION_LIMITS.durationMin || minutes > SESSION_LIMITS.durationMax) {
      refused.durationMinutes = sessionFieldMessage(t, 'durationMinutes');
    }
    if (values.joinUrl.trim() && !isWebAddress(values.joinUrl.trim())) refused.joinUrl = sessionFieldMessage(t, 'joinUrl');
    if (values.recordingUrl.trim() && !isWebAddress(values.recordingUrl.trim())) refused.recordingUrl = sessionFieldMessage(t, 'recordingUrl');
    if (parseGroups(values.breakoutGroups).some((g) => g.length > SESSION_LIMITS.groupMax)) refused.breakoutGroups = sessionFieldMessage(t, 'breakoutGroups');
    return refused;
  }

  /** Only what changed: an unchanged time must not count as a reschedule (nor be refused once it has passed). */
  function changes(): UpdateLiveSessionInput {
    const input: UpdateLiveSessionInput = {};
    if (values.title.trim() !== initial.title) input.title = values.title.trim();
    if (startChanged) input.startsAt = startsAtUtc;
    if (values.durationMinutes !== initial.durationMinutes) input.durationMinutes = Number(values.durationMinutes);
    if (values.joinUrl.trim() !== initial.joinUrl) input.joinUrl = values.joinUrl.trim() || null;
    if (values.recordingUrl.trim() !== initial.recordingUrl) input.recordingUrl = values.recordingUrl.trim() || null;
    if (values.breakoutGroups !== initial.breakoutGroups) input.breakoutGroups = parseGroups(values.breakoutGroups);
    return input;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const refused = check();
    if (Object.keys(refused).length) {
      setErrors({ fields: refused, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      if (session) {
        await update(session.id, changes());
        setDone({ message: t('form.saved'), stamp: Date.now() });
      } else {
        const groups = parseGroups(values.breakoutGroups);
        await schedule({
          courseId,
          title: values.title.trim(),
          startsAt: startsAtUtc!,
          durationMinutes: Number(values.durationMinutes),
          joinUrl: values.joinUrl.trim() || null,
          // Empty: the API takes the course's enrolment groups.
          ...(groups.length ? { breakoutGroups: groups } : {}),
        });
        setDone({ message: t('form.scheduled', { title: values.title.trim() }), stamp: Date.now() });
        setValues(initialValues(undefined, courseTimeZone));
      }
      onDone?.();
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (field, message) => sessionFieldMessage(t, field, message) }));
    }
  }

  const loading = scheduling || updating;
  const titleId = `${form}-heading`;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={titleId} className="form">
      <h3 id={titleId}>
        {session ? (
          <SentenceWithTitle t={t} i18nKey="form.editTitle" title={session.title} lang={session.course.language} />
        ) : (
          t('form.scheduleTitle')
        )}
      </h3>
      <FormAlert message={errors.form} />
      <Field form={form} name="title" label={t('fields.title')} error={errors.fields.title}>
        {(control) => <input {...control} type="text" required maxLength={SESSION_LIMITS.titleMax} value={values.title} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field form={form} name="startsAt" label={t('fields.startsAt', { zone: zoneLabel(courseTimeZone, language) })} hint={t('fields.startsAtHint')}
        error={errors.fields.startsAt}>
        {(control) => <input {...control} type="datetime-local" required value={values.startsAt} onChange={(e) => set('startsAt')(e.target.value)} />}
      </Field>
      {startsAtUtc && (
        <p className="small" data-testid="starts-at-local">
          {t('fields.startsAtForYou', { when: formatInstantWithZones(new Date(startsAtUtc), timeZone, courseTimeZone, language, (zone) => zoneLabel(zone, language)) })}
        </p>
      )}
      <Field form={form} name="durationMinutes" label={t('fields.durationMinutes')} hint={t('fields.durationHint', SESSION_LIMITS)}
        error={errors.fields.durationMinutes}>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" required min={SESSION_LIMITS.durationMin} max={SESSION_LIMITS.durationMax} step={5}
            value={values.durationMinutes} onChange={(e) => set('durationMinutes')(e.target.value)} />
        )}
      </Field>
      <Field form={form} name="joinUrl" label={t('fields.joinUrl')} hint={t('fields.joinUrlHint')} error={errors.fields.joinUrl}>
        {(control) => <input {...control} type="url" inputMode="url" value={values.joinUrl} onChange={(e) => set('joinUrl')(e.target.value)} />}
      </Field>
      {session && (
        <Field form={form} name="recordingUrl" label={t('fields.recordingUrl')} hint={t('fields.recordingUrlHint')} error={errors.fields.recordingUrl}>
          {(control) => <input {...control} type="url" inputMode="url" value={values.recordingUrl} onChange={(e) => set('recordingUrl')(e.target.value)} />}
        </Field>
      )}
      <Field form={form} name="breakoutGroups" label={t('fields.breakoutGroups')}
        hint={session ? t('fields.breakoutGroupsEditHint') : t('fields.breakoutGroupsHint')} error={errors.fields.breakoutGroups}>
        {(control) => <input {...control} type="text" value={values.breakoutGroups} onChange={(e) => set('breakoutGroups')(e.target.value)} />}
      </Field>
      <button type="submit" disabled={loading}>
        {loading ? t('form.saving') : session ? t('form.save') : t('form.schedule')}
        {session && <HiddenItemName name={session.title} lang={session.course.language} />}
      </button>
      <FadingStatus message={done?.message ?? null} stamp={done?.stamp} seconds={8} />
    </form>
  );
}
