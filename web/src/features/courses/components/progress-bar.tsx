import { useTranslation } from 'react-i18next';

/** Course progress, for eyes (a bar and a sentence) and for screen readers (a progressbar with its value). */
export function ProgressBar({ progress, lessonCount, id }: { progress: number; lessonCount: number; id: string }) {
  const { t } = useTranslation('courses');
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const done = Math.round(progress * lessonCount);
  const text = t('progress.text', { done, total: lessonCount, percent });
  return (
    <div className="progress">
      <div
        role="progressbar"
        className="progress-track"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        aria-labelledby={`${id}-label`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text">
        <span id={`${id}-label`}>{t('progress.label')}</span>: <span data-testid="progress-text">{text}</span>
      </p>
    </div>
  );
}
