import { useMutation } from '@apollo/client/react';
import { SaveGrantApplicationDocument, SubmitGrantApplicationDocument, type GrantApplicationFormFieldsFragment } from '@kapwa/graphql';
import { Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../../app/forms/api-errors';
import { sortApiErrors } from '../api-field-errors';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { MediaPlayer, MediaUpload } from '../../../app/media';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { Field, FormAlert, StatusMessage } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { budgetTotal, formatMoney, parseAmount, type BudgetRow } from '../grant-rules';
import { BudgetLines } from './budget-lines';
import { CallTime } from './call-times';
import { ApplicationStatusBadge } from './status-badges';

type Application = GrantApplicationFormFieldsFragment;

const FIELDS = ['organizationId', 'title', 'summary', 'currency', 'budgetLines', 'videoId', 'publicConsent'] as const;
const FORM = 'grant-application';

interface Props {
  callId: string;
  callTimeZone: string;
  application: Application | null;
  /** The viewer's organizations that may apply (from the call's eligibility). */
  organizations: { id: string; name: string }[];
  timeZone: string;
  language: string;
}

interface Values {
  organizationId: string;
  title: string;
  summary: string;
  currency: string;
  rows: BudgetRow[];
  videoId: string | null;
  publicConsent: boolean;
}

function valuesOf(application: Application | null, organizations: { id: string }[]): Values {
  return {
    organizationId: application?.organization.id ?? organizations[0]?.id ?? '',
    title: application?.title ?? '',
    summary: application?.summary ?? '',
    currency: application?.currency ?? '',
    rows: application?.budgetLines.length ? application.budgetLines.map((l) => ({ description: l.description, amount: String(l.amount) })) : [{ description: '', amount: '' }],
    videoId: application?.video?.id ?? null,
    publicConsent: application?.publicConsent ?? false,
  };
}

/** What the form can tell before sending that submitting needs. */
export function submitProblems(values: Values, hasVideo: boolean): Partial<Record<(typeof FIELDS)[number], true>> {
  const lines = values.rows.filter((r) => r.description.trim() || r.amount.trim());
  return {
    ...(values.title.trim() ? {} : { title: true }),
    ...(values.summary.trim() ? {} : { summary: true }),
    ...(values.currency ? {} : { currency: true }),
    ...(lines.length > 0 && lines.every((r) => r.description.trim() && parseAmount(r.amount) !== null) ? {} : { budgetLines: true }),
    ...(hasVideo ? {} : { videoId: true }),
  };
}

/**
 * The application while it is a draft: title, summary, budget, the documentary video through the one
 * upload control, consent to public showing; "Save draft" and "Submit" (asked once more: it is final).
 * Once submitted it is shown as sent, and after a decision with the decision and its message.
 */
export function ApplicationForm({ callId, callTimeZone, application, organizations, timeZone, language }: Props) {
  if (application && application.status !== 'DRAFT') return <SubmittedApplication application={application} callTimeZone={callTimeZone} timeZone={timeZone} language={language} />;
  return <DraftForm key="draft" callId={callId} callTimeZone={callTimeZone} application={application} organizations={organizations} timeZone={timeZone} language={language} />;
}

function DraftForm({ callId, application, organizations, language }: Props) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const [values, setValues] = useState<Values>(() => valuesOf(application, organizations));
  const [video, setVideo] = useState<Application['video'] | { id: string; filename: string; status: 'PROCESSING' } | null>(application?.video ?? null);
  const [replacing, setReplacing] = useState(!application?.video);
  const [saved, setSaved] = useState<{ message: string; stamp: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { formRef, errors, setErrors } = useFormErrors();
  const [save, { loading: saving }] = useMutation(SaveGrantApplicationDocument);
  const [submit, { loading: submitting }] = useMutation(SubmitGrantApplicationDocument);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  function apiErrors(error: unknown): FormErrors {
    return sortApiErrors(error, tApp, FIELDS);
  }

  async function saveDraft(next: Values = values): Promise<Application | null> {
    setErrors({ fields: {}, form: null });
    const lines = next.rows
      .filter((r) => r.description.trim() || r.amount.trim())
      .map((r) => ({ description: r.description.trim(), amount: parseAmount(r.amount) ?? NaN }));
    if (lines.some((l) => Number.isNaN(l.amount))) {
      setErrors({ fields: { budgetLines: t('form.amountProblem') }, form: null });
      return null;
    }
    try {
      const { data } = await save({
        variables: {
          input: {
            callId,
            organizationId: next.organizationId,
            title: next.title.trim(),
            summary: next.summary.trim(),
            videoId: next.videoId,
            currency: next.currency || null,
            budgetLines: lines,
            publicConsent: next.publicConsent,
          },
        },
        refetchQueries: application ? [] : ['GrantCallDetails'],
      });
      return data?.saveGrantApplication ?? null;
    } catch (error) {
      setErrors(apiErrors(error));
      return null;
    }
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    const result = await saveDraft();
    if (result) setSaved({ message: t('form.saved'), stamp: Date.now() });
  }

  function askToSubmit() {
    const problems = submitProblems(values, !!values.videoId);
    const fields = Object.fromEntries(Object.keys(problems).map((field) => [field, t(`form.needed.${field}`)]));
    if (Object.keys(fields).length) {
      setErrors({ fields, form: t('form.notReady') });
      return;
    }
    setErrors({ fields: {}, form: null });
    setConfirming(true);
  }

  async function confirmSubmit() {
    const draft = await saveDraft();
    if (!draft) {
      setConfirming(false);
      return;
    }
    try {
      await submit({ variables: { applicationId: draft.id }, refetchQueries: ['GrantCallDetails'] });
      setConfirming(false);
    } catch (error) {
      setConfirming(false);
      setErrors(apiErrors(error));
    }
  }

  async function uploaded(upload: { id: string; name: string }) {
    const next = { ...values, videoId: upload.id };
    setValues(next);
    setVideo({ id: upload.id, filename: upload.name, status: 'PROCESSING' });
    // Attached at once: a draft that names its video keeps it, whatever happens to this tab.
    const result = await saveDraft(next);
    if (result) setSaved({ message: t('form.videoAttached'), stamp: Date.now() });
  }

  const { fields } = errors;
  return (
    <form ref={formRef} className="form grant-form" noValidate onSubmit={onSave} aria-labelledby="application-heading">
      <h2 id="application-heading">{application ? t('form.draftHeading') : t('form.newHeading')}</h2>
      <FormAlert message={errors.form} />
      {organizations.length > 1 && !application ? (
        <Field form={FORM} name="organizationId" label={t('form.organization')} error={fields.organizationId}>
          {(control) => (
            <select {...control} value={values.organizationId} onChange={(e) => set('organizationId')(e.target.value)}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <>
          <p className="grant-meta">{t('form.for', { organization: application?.organization.name ?? organizations[0]?.name ?? '' })}</p>
          {fields.organizationId && <p className="field-error">{fields.organizationId}</p>}
        </>
      )}
      <Field form={FORM} name="title" label={t('form.title')} error={fields.title}>
        {(control) => <input {...control} value={values.title} maxLength={200} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field form={FORM} name="summary" label={t('form.summary')} hint={t('form.summaryHint')} error={fields.summary}>
        {(control) => <textarea {...control} rows={8} value={values.summary} maxLength={5000} onChange={(e) => set('summary')(e.target.value)} />}
      </Field>
      <BudgetLines form={FORM} rows={values.rows} currency={values.currency} onRows={set('rows')} onCurrency={set('currency')} language={language}
        error={fields.budgetLines} currencyError={fields.currency} />
      <fieldset className="grant-video" aria-describedby={fields.videoId ? `${FORM}-videoId-error` : undefined}>
        <legend>{t('form.video')}</legend>
        <p className="field-hint">{t('form.videoHint')}</p>
        {video && !replacing && <VideoState video={video} />}
        <Suspense fallback={<p className="loading">{tApp('loading')}</p>}>
          {replacing ? (
            <MediaUpload purpose="GRANT_VIDEO" label={video ? t('form.replaceVideo') : t('form.chooseVideo')} onUploaded={(u) => void uploaded(u)}
              onReady={(asset) => setVideo(asset)} />
          ) : (
            <Button variant="secondary" size="small" onClick={() => setReplacing(true)}>
              {t('form.replaceVideo')}
            </Button>
          )}
        </Suspense>
        {fields.videoId && (
          <p id={`${FORM}-videoId-error`} className="field-error">
            {fields.videoId}
          </p>
        )}
      </fieldset>
      <div className="checkbox-field">
        <input id={`${FORM}-publicConsent`} type="checkbox" checked={values.publicConsent} onChange={(e) => set('publicConsent')(e.target.checked)} />
        <label htmlFor={`${FORM}-publicConsent`}>{t('form.consent')}</label>
      </div>
      <div className="actions">
        <Button type="submit" variant="secondary" disabled={saving}>
          {saving ? t('form.saving') : t('form.saveDraft')}
        </Button>
        <Button onClick={askToSubmit} disabled={saving || submitting}>
          {t('form.submit')}
        </Button>
        <FadingStatus message={saved?.message ?? null} stamp={saved?.stamp} />
      </div>
      <Dialog open={confirming} title={t('form.confirmTitle')} closeLabel={t('form.keepEditing')} onClose={() => setConfirming(false)}>
        <p>{t('form.confirmBody', { total: formatMoney(budgetTotal(values.rows), values.currency, language) })}</p>
        <p className="actions">
          <Button onClick={() => void confirmSubmit()} disabled={submitting || saving}>
            {submitting || saving ? t('form.submitting') : t('form.confirmSubmit')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('form.keepEditing')}
          </Button>
        </p>
      </Dialog>
    </form>
  );
}

/** The attached video: a player once it is ready, else where it is (processing, failed and why). */
function VideoState({ video }: { video: NonNullable<Application['video']> | { id: string; filename: string; status: 'PROCESSING' } }) {
  const { t } = useTranslation('grants');
  if (video.status === 'READY' && 'url' in video && video.url) {
    return (
      <Suspense fallback={null}>
        <MediaPlayer asset={video} />
      </Suspense>
    );
  }
  if (video.status === 'FAILED') return <FormAlert message={t('form.videoFailed', { reason: 'failureReason' in video ? (video.failureReason ?? '') : '' })} />;
  return <StatusMessage message={t('form.videoProcessing', { name: video.filename })} />;
}

/** A sent application: frozen, said so, and the decision with its message once there is one. */
export function SubmittedApplication({ application, callTimeZone, timeZone, language }: { application: Application; callTimeZone: string; timeZone: string; language: string }) {
  const { t } = useTranslation('grants');
  const decided = application.status === 'AWARDED' || application.status === 'DECLINED';
  return (
    <article className="grant-submitted" aria-labelledby="application-heading">
      <h2 id="application-heading">
        {application.title} <ApplicationStatusBadge status={application.status} />
      </h2>
      {decided && (
        <section className={`grant-decision grant-decision-${application.status.toLowerCase()}`} aria-labelledby="decision-heading" data-testid="grant-decision">
          <h3 id="decision-heading">{application.status === 'AWARDED' ? t('decision.awarded') : t('decision.declined')}</h3>
          {application.decidedAt && (
            <p className="grant-meta">
              {t('decision.on')} <CallTime at={application.decidedAt} timeZone={timeZone} callTimeZone={callTimeZone} language={language} />
            </p>
          )}
          {application.decisionMessage && <p className="grant-plain">{application.decisionMessage}</p>}
        </section>
      )}
      {application.submittedAt && (
        <p className="grant-frozen" data-testid="submitted-note">
          {t('form.submittedOn')} <CallTime at={application.submittedAt} timeZone={timeZone} callTimeZone={callTimeZone} language={language} /> — {t('form.frozen')}
        </p>
      )}
      <p className="grant-meta">{t('form.for', { organization: application.organization.name })}</p>
      <h3>{t('form.summary')}</h3>
      <p className="grant-plain">{application.summary}</p>
      <BudgetTable lines={application.budgetLines} total={application.budgetTotal} currency={application.currency} language={language} />
      {application.video && <VideoState video={application.video} />}
      <p>{application.publicConsent ? t('form.consentGiven') : t('form.consentNotGiven')}</p>
    </article>
  );
}

export function BudgetTable({ lines, total, currency, language }: { lines: { description: string; amount: number }[]; total: number; currency?: string | null; language: string }) {
  const { t } = useTranslation('grants');
  return (
    <table className="grant-table">
      <caption>{t('form.budget')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('form.lineDescription')}</th>
          <th scope="col">{t('form.lineAmount')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          // eslint-disable-next-line react/no-array-index-key -- lines have no id; their order is fixed
          <tr key={index}>
            <td>{line.description}</td>
            <td>{formatMoney(line.amount, currency, language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('form.total')}</th>
          <td>{formatMoney(total, currency, language)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
