import type { LessonQuery } from '@kapwa/graphql';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { FormAlert } from '../../../ui/field';
import { useCompleteLesson } from '../hooks/use-complete-lesson';
import { useImageFallback } from '../hooks/use-image-fallback';
import { useKeyboardScrolling } from '../hooks/use-keyboard-scrolling';
import { usePendingCompletion } from '../hooks/use-offline';

type Lesson = NonNullable<LessonQuery['lesson']>;

/** Text first: the lesson body in a readable column, then the one action, "Mark complete". */
/** `readerId`: whose device queue a completion made offline goes to (the signed-in or offline reader). */
export function LessonReader({ lesson, canComplete, readerId }: { lesson: Lesson; canComplete: boolean; readerId?: string | null }) {
  const { t } = useTranslation('courses');
  const { t: tApp } = useTranslation('app');
  const { completeLesson, loading } = useCompleteLesson();
  const pending = usePendingCompletion(lesson.id);
  const [error, setError] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useKeyboardScrolling(bodyRef, lesson.bodyHtml);
  useImageFallback(bodyRef, lesson.bodyHtml);

  async function complete() {
    setError(null);
    try {
      await completeLesson(lesson.id, readerId);
      // The button is replaced by the "completed" note: keep focus there rather than losing it to <body>.
      queueMicrotask(() => doneRef.current?.focus());
    } catch (e) {
      const code = apiErrorsOf(e)[0]?.code ?? 'UNKNOWN';
      setError(code === 'FORBIDDEN' ? t('lesson.cannotComplete') : tApp(`errors.${code}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  return (
    <>
      {/* bodyHtml is sanitized by the API (the same renderer as previewMarkdown). It is in the course's language. */}
      <div ref={bodyRef} className="prose" lang={lesson.module.course.language} dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
      <div className="lesson-complete">
        <FormAlert message={error} />
        {lesson.completed || pending ? (
          <p ref={doneRef} tabIndex={-1} className="tick" role="status">
            <span aria-hidden="true">✓ </span>
            {t('lesson.completed')}
            {pending && <span className="lesson-pending"> {t('offline.pending')}</span>}
          </p>
        ) : (
          canComplete && (
            <button type="button" onClick={complete} disabled={loading}>
              {loading ? t('lesson.completing') : t('lesson.markComplete')}
            </button>
          )
        )}
      </div>
    </>
  );
}
