import { useMutation } from '@apollo/client/react';
import { UpdateMyProfileDocument, type DirectoryVisibility, type MyDirectoryProfileQuery } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, toFormErrors } from '../../../app/forms/api-errors';
import { useFormErrors } from '../../../app/forms/use-form-errors';
import { languageName } from '../../../app/language-names';
import { Button } from '../../../ui/button';
import { Field, FormAlert } from '../../../ui/field';
import { FadingStatus } from '../../../ui/status';
import { DIRECTORY_LANGUAGES, expertiseList, PROFILE_LIMITS, withTag } from '../directory-rules';

type Profile = MyDirectoryProfileQuery['myProfile'];
const FIELDS = ['bio', 'expertise', 'languages', 'visibility'] as const;

/**
 * The viewer's directory profile: who sees it, said plainly beside the choice; bio, expertise (with the
 * topics of courses they completed offered as one-click additions) and languages.
 */
export function ProfileEditor({ profile, language }: { profile: Profile; language: string }) {
  const { t } = useTranslation('directory');
  const { t: tApp } = useTranslation('app');
  const [save, { loading }] = useMutation(UpdateMyProfileDocument);
  const [visibility, setVisibility] = useState<DirectoryVisibility>(profile.visibility);
  const [bio, setBio] = useState(profile.bio);
  const [expertise, setExpertise] = useState(profile.expertise.join(', '));
  const [languages, setLanguages] = useState<string[]>(profile.languages);
  const [saved, setSaved] = useState<number | null>(null);
  const { formRef, errors, setErrors } = useFormErrors();
  const offered = DIRECTORY_LANGUAGES.concat(profile.languages.filter((code) => !DIRECTORY_LANGUAGES.includes(code)));
  const have = new Set(expertiseList(expertise).map((tag) => tag.toLocaleLowerCase()));
  const suggestions = (profile.suggestedExpertise ?? []).filter((topic) => !have.has(topic.toLocaleLowerCase()));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const tags = expertiseList(expertise);
    const refused: Record<string, string> = {};
    if (bio.length > PROFILE_LIMITS.bioMax) refused.bio = t('editor.bioTooLong', PROFILE_LIMITS);
    if (tags.length > PROFILE_LIMITS.expertiseMax || tags.some((tag) => tag.length > PROFILE_LIMITS.tagMax)) refused.expertise = t('editor.expertiseTooMany', PROFILE_LIMITS);
    if (Object.keys(refused).length) return setErrors({ fields: refused, form: null });
    setErrors(NO_ERRORS);
    setSaved(null);
    try {
      const result = await save({ variables: { input: { visibility, bio: bio.trim(), expertise: tags, languages } } });
      const updated = result.data?.updateMyProfile;
      if (updated) setExpertise(updated.expertise.join(', '));
      setSaved(Date.now());
    } catch (error) {
      setErrors(toFormErrors(error, tApp, { fields: FIELDS, fieldMessage: (_, apiMessage) => apiMessage }));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form directory-editor" aria-labelledby="page-title">
      <FormAlert message={errors.form} />
      <fieldset className="directory-visibility" aria-describedby="visibility-email">
        <legend>{t('editor.visibility')}</legend>
        {(['HIDDEN', 'MEMBERS'] as const).map((choice) => (
          <div className="radio-field" key={choice}>
            <input
              type="radio"
              id={`visibility-${choice}`}
              name="visibility"
              value={choice}
              checked={visibility === choice}
              onChange={() => setVisibility(choice)}
              aria-describedby={`visibility-${choice}-hint`}
            />
            <label htmlFor={`visibility-${choice}`}>{t(`editor.visibility${choice}`)}</label>
            <p id={`visibility-${choice}-hint`} className="field-hint">
              {t(`editor.visibility${choice}Hint`)}
            </p>
          </div>
        ))}
        <p id="visibility-email" className="field-hint">
          {t('editor.emailNever')}
        </p>
      </fieldset>
      <Field form="profile" name="bio" label={t('editor.bio')} hint={t('editor.bioHint', PROFILE_LIMITS)} error={errors.fields.bio}>
        {(control) => <textarea {...control} rows={5} maxLength={PROFILE_LIMITS.bioMax} value={bio} onChange={(e) => setBio(e.target.value)} />}
      </Field>
      <Field form="profile" name="expertise" label={t('editor.expertise')} hint={t('editor.expertiseHint', PROFILE_LIMITS)} error={errors.fields.expertise}>
        {(control) => <input {...control} type="text" value={expertise} onChange={(e) => setExpertise(e.target.value)} />}
      </Field>
      {suggestions.length > 0 && (
        <section aria-labelledby="suggested-title" className="directory-suggestions">
          <h2 id="suggested-title">{t('editor.suggested')}</h2>
          <p className="field-hint">{t('editor.suggestedHint')}</p>
          <ul className="directory-chips">
            {suggestions.map((topic) => (
              <li key={topic}>
                <Button variant="secondary" size="small" onClick={() => setExpertise((text) => withTag(text, topic))} aria-label={t('editor.addSuggestion', { topic })}>
                  + {topic}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <fieldset className="directory-languages">
        <legend>{t('editor.languages')}</legend>
        {errors.fields.languages && <p className="field-error">{errors.fields.languages}</p>}
        <div className="directory-language-grid">
          {offered.map((code) => (
            <div className="checkbox-field" key={code}>
              <input
                type="checkbox"
                id={`language-${code}`}
                checked={languages.includes(code)}
                onChange={(e) => setLanguages((list) => (e.target.checked ? [...list, code] : list.filter((c) => c !== code)))}
              />
              <label htmlFor={`language-${code}`}>{languageName(code, language)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={loading}>
        {loading ? t('editor.saving') : t('editor.save')}
      </Button>
      <FadingStatus message={saved ? t(visibility === 'MEMBERS' ? 'editor.savedListed' : 'editor.savedHidden') : null} stamp={saved ?? undefined} />
    </form>
  );
}
