import { useMutation } from '@apollo/client/react';
import { AddResourceDocument, type AddResourceInput, SuggestResourceDocument } from '@kapwa/graphql';
import { type FormEvent, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../../app/forms/api-errors';
import { MediaUpload } from '../../../app/media';
import { Button } from '../../../ui/button';
import { CountrySelect } from '../../../ui/country-select';
import { Field, focusFirstError, FormAlert, StatusMessage } from '../../../ui/field';
import { LanguageSelect } from '../../../ui/language-select';
import { isWebLink, tagsFromText } from '../resource-filter';

const FORM = 'resource';
const FIELDS = ['title', 'description', 'url', 'mediaAssetId', 'language', 'tags', 'countries'] as const;

type Source = 'LINK' | 'FILE';
interface Values {
  title: string;
  description: string;
  source: Source;
  url: string;
  file: { id: string; name: string } | null;
  language: string;
  tags: string;
  countries: string[];
}

const EMPTY = (language: string): Values => ({ title: '', description: '', source: 'LINK', url: '', file: null, language, tags: '', countries: [] });

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Adding a resource (admins and trainers: published at once) or suggesting one (members: an admin
 * reviews it first, as the form says). A link or a file sent through the shared upload control.
 */
export function ResourceForm({ mode, language, onDone }: { mode: 'add' | 'suggest'; language: string; onDone?: () => void }) {
  const { t } = useTranslation('resources');
  const { t: tApp } = useTranslation('app');
  const [values, setValues] = useState<Values>(() => EMPTY(language));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const [uploadKey, setUploadKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const [add, added] = useMutation(AddResourceDocument, { refetchQueries: ['LibraryResources'] });
  const [suggest, suggested] = useMutation(SuggestResourceDocument);
  const busy = added.loading || suggested.loading;
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  function check(): FormErrors['fields'] {
    const fields: Record<string, string> = {};
    if (values.title.trim().length < 3) fields.title = t('form.errors.title');
    if (values.source === 'LINK' && !isWebLink(values.url)) fields.url = t('form.errors.url');
    if (values.source === 'FILE' && !values.file) fields.mediaAssetId = t('form.errors.file');
    return fields;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const fields = check();
    if (Object.keys(fields).length) {
      setErrors({ fields, form: null });
      queueMicrotask(() => focusFirstError(formRef.current));
      return;
    }
    setErrors(NO_ERRORS);
    const input: AddResourceInput = {
      title: values.title,
      description: values.description,
      language: values.language,
      tags: tagsFromText(values.tags),
      countries: values.countries,
      ...(values.source === 'LINK' ? { url: values.url.trim() } : { mediaAssetId: values.file!.id }),
    };
    try {
      if (mode === 'add') await add({ variables: { input } });
      else await suggest({ variables: { input } });
      setValues(EMPTY(values.language));
      setUploadKey((key) => key + 1);
      setDone(mode === 'add' ? t('form.added') : t('form.suggested'));
      onDone?.();
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (_, message) => message }));
      queueMicrotask(() => focusFirstError(formRef.current));
    }
  }

  return (
    <form ref={formRef} className="resource-form" aria-labelledby={`${FORM}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={`${FORM}-heading`}>{mode === 'add' ? t('form.addHeading') : t('form.suggestHeading')}</h2>
      {mode === 'suggest' && <p className="resource-review-note">{t('form.reviewNote')}</p>}
      <Field form={FORM} name="title" label={t('form.title')} error={errors.fields.title}>
        {(control) => <input {...control} type="text" value={values.title} maxLength={200} onChange={(event) => set('title')(event.target.value)} />}
      </Field>
      <Field form={FORM} name="description" label={t('form.description')} hint={t('form.descriptionHint')} error={errors.fields.description}>
        {(control) => <textarea {...control} rows={4} value={values.description} maxLength={5000} onChange={(event) => set('description')(event.target.value)} />}
      </Field>
      <fieldset className="resource-source">
        <legend>{t('form.source')}</legend>
        {(['LINK', 'FILE'] as const).map((source) => (
          <div className="radio-field" key={source}>
            <input id={`${FORM}-source-${source}`} type="radio" name="source" value={source} checked={values.source === source} onChange={() => set('source')(source)} />
            <label htmlFor={`${FORM}-source-${source}`}>{source === 'LINK' ? t('form.sourceLink') : t('form.sourceFile')}</label>
          </div>
        ))}
      </fieldset>
      {values.source === 'LINK' ? (
        <Field form={FORM} name="url" label={t('form.url')} hint={t('form.urlHint')} error={errors.fields.url}>
          {(control) => <input {...control} type="url" inputMode="url" value={values.url} onChange={(event) => set('url')(event.target.value)} />}
        </Field>
      ) : (
        <div className="field">
          {values.file && <p role="status">{t('form.fileChosen', { name: values.file.name })}</p>}
          <Suspense fallback={<p>{tApp('loading')}</p>}>
            <MediaUpload key={uploadKey} purpose="RESOURCE" label={values.file ? t('form.replaceFile') : t('form.chooseFile')} onUploaded={(upload) => set('file')({ id: upload.id, name: upload.name })} />
          </Suspense>
          {errors.fields.mediaAssetId && (
            <p id={`${FORM}-mediaAssetId-error`} className="field-error" aria-invalid="true" tabIndex={-1}>
              {errors.fields.mediaAssetId}
            </p>
          )}
        </div>
      )}
      <Field form={FORM} name="language" label={t('form.language')} error={errors.fields.language}>
        {(control) => <LanguageSelect {...control} value={values.language} onChange={set('language')} />}
      </Field>
      <Field form={FORM} name="tags" label={t('form.tags')} hint={t('form.tagsHint')} error={errors.fields.tags}>
        {(control) => <input {...control} type="text" value={values.tags} onChange={(event) => set('tags')(event.target.value)} />}
      </Field>
      <Field form={FORM} name="countries" label={t('form.countries')} hint={t('form.countriesHint')} error={errors.fields.countries}>
        {(control) => (
          <CountrySelect {...control} value="" emptyLabel={t('form.addCountry')}
            onChange={(code) => code && !values.countries.includes(code) && set('countries')([...values.countries, code])} />
        )}
      </Field>
      {values.countries.length > 0 && (
        <ul className="resource-chosen-countries" aria-label={t('form.chosenCountries')}>
          {values.countries.map((code) => (
            <li key={code}>
              {countryName(code, language)}{' '}
              <Button variant="quiet" size="small" onClick={() => set('countries')(values.countries.filter((c) => c !== code))}
                aria-label={t('form.removeCountry', { country: countryName(code, language) })}>
                {t('form.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={errors.form} />
      <StatusMessage message={done} />
      <Button type="submit" disabled={busy}>
        {busy ? t('form.sending') : mode === 'add' ? t('form.add') : t('form.suggest')}
      </Button>
    </form>
  );
}
