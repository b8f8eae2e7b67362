import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFormErrors } from '../../../app/forms/api-errors';
import { OUTLINE_TITLE_MAX, courseFieldMessage, outlineTitleRefused } from '../course-rules';
import { useRename } from '../hooks/use-course-mutations';

interface Props {
  kind: 'module' | 'lesson';
  item: { id: string; title: string };
  /** The course's language: the title is written in it. */
  lang: string;
  /** The new title once saved, or null when the person changed their mind (Escape, or nothing changed). */
  onDone(title: string | null): void;
}

/**
 * A title renamed where it stands in the outline: Enter saves, Escape cancels, leaving the field saves
 * a change. The API's rules are checked first (course-rules.ts); what it still refuses is shown under
 * the field, which keeps the typed title so it can be fixed.
 */
export function InlineRename({ kind, item, lang, onDone }: Props) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const { rename, loading } = useRename(kind);
  const [value, setValue] = useState(item.title);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  /** Set once the rename is over, so the blur that follows does not save again. */
  const finished = useRef(false);
  const id = useId();
  const field = kind === 'module' ? 'moduleTitle' : 'lessonTitle';

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function finish(title: string | null) {
    finished.current = true;
    onDone(title);
  }

  async function save() {
    if (loading || finished.current) return;
    const title = value.trim();
    if (outlineTitleRefused(title)) {
      setError(courseFieldMessage(t, field));
      return;
    }
    if (title === item.title) return finish(null);
    setError(null);
    try {
      await rename(item.id, title);
      finish(title);
    } catch (e) {
      const errors = toFormErrors(e, tApp, { fields: ['title'], fieldMessage: (_, message) => courseFieldMessage(t, field, message) });
      setError(errors.fields.title ?? errors.form);
    }
  }

  return (
    <form className="inline-rename" noValidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        {t(kind === 'module' ? 'editor.renameModuleNamed' : 'editor.renameLessonNamed', { title: item.title })}
      </label>
      <input
        ref={input}
        id={`${id}-title`}
        type="text"
        lang={lang}
        maxLength={OUTLINE_TITLE_MAX}
        value={value}
        // Not disabled while saving: that would drop the focus.
        readOnly={loading}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Only the rename: not a menu or a dialog around it.
          event.preventDefault();
          event.stopPropagation();
          finish(null);
        }}
        onBlur={() => {
          if (finished.current) return;
          if (value.trim() === item.title) finish(null);
          else void save();
        }}
      />
      <p id={`${id}-hint`} className="inline-rename-hint">
        {t('editor.renameHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
