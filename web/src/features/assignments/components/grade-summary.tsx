import type { SubmissionFieldsFragment } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Rubric } from './rubric';

type Grade = NonNullable<SubmissionFieldsFragment['grade']>;

interface Props {
  grade: Grade;
  rubric: { id: string; title: string; description?: string | null; maxPoints: number }[];
  maxPoints: number;
  lang: string;
  language: string;
  when(iso: string): string;
}

/** A released grade: the score out of the maximum, the points and comment of each criterion, the feedback. */
export function GradeSummary({ grade, rubric, maxPoints, lang, language, when }: Props) {
  const { t } = useTranslation('assignments');
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="grade-title" className="assignment-grade">
      <h2 id="grade-title">{t('grade.title')}</h2>
      <p className="assignment-score" data-testid="grade-score">
        <span>{t('grade.scoreLabel')}</span> <strong>{t('grade.score', { score: number.format(grade.score), max: number.format(maxPoints) })}</strong>
      </p>
      <Rubric rubric={rubric} maxPoints={maxPoints} scores={grade.criterionScores} lang={lang} language={language} />
      {grade.feedback.trim() && (
        <>
          <h3>{t('grade.feedback')}</h3>
          {/* Plain text from the trainer: React writes it as text, never as HTML. */}
          <p className="assignment-feedback" lang={lang}>
            {grade.feedback}
          </p>
        </>
      )}
      {grade.releasedAt && <p className="small">{t('grade.releasedAt', { time: when(grade.releasedAt) })}</p>}
    </section>
  );
}
