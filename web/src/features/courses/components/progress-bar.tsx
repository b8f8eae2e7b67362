import { useTranslation } from 'react-i18next';
import { ProgressBar as Bar } from '../../../ui/progress';

/** Course progress, for eyes (a bar and a sentence) and for screen readers (a progressbar that reads the sentence). */
export function ProgressBar({ progress, lessonCount }: { progress: number; lessonCount: number }) {
  const { t } = useTranslation('courses');
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const done = Math.round(progress * lessonCount);
  const text = t('progress.text', { done, total: lessonCount, percent });
  return (
    <div className="course-progress">
      <Bar value={progress} label={t('progress.label')} valueText={text} showValue={false} />
      <p className="course-progress-text" data-testid="progress-text">
        {text}
      </p>
    </div>
  );
}
