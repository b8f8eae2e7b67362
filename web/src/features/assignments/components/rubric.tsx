import { useTranslation } from 'react-i18next';

interface Criterion {
  id: string;
  title: string;
  description?: string | null;
  maxPoints: number;
}

interface Props {
  rubric: Criterion[];
  maxPoints: number;
  /** Released points and comments per criterion (a graded submission). */
  scores?: { criterion: { id: string }; points: number; comment?: string | null }[];
  /** The course's language: criteria are its words. */
  lang: string;
  language: string;
}

/**
 * The rubric the work is graded by: each criterion with its points; once a grade is released, the points
 * given and the trainer's comment beside each.
 */
export function Rubric({ rubric, maxPoints, scores, lang, language }: Props) {
  const { t } = useTranslation('assignments');
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const scoreOf = (id: string) => scores?.find((score) => score.criterion.id === id);
  return (
    <div className="assignment-rubric">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('rubric.criterion')}</th>
            <th scope="col" className="assignment-rubric-points">
              {t('rubric.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => {
            const score = scoreOf(criterion.id);
            return (
              <tr key={criterion.id}>
                <th scope="row">
                  <span lang={lang} className="assignment-rubric-title">
                    {criterion.title}
                  </span>
                  {criterion.description && (
                    <span lang={lang} className="assignment-rubric-description">
                      {criterion.description}
                    </span>
                  )}
                  {score?.comment && (
                    <span className="assignment-rubric-comment">
                      <span className="visually-hidden">{t('rubric.comment')}: </span>
                      <span lang={lang}>{score.comment}</span>
                    </span>
                  )}
                </th>
                <td className="assignment-rubric-points">
                  {score ? t('grade.score', { score: number.format(score.points), max: number.format(criterion.maxPoints) }) : t('rubric.max', { points: number.format(criterion.maxPoints) })}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('rubric.total')}</th>
            <td className="assignment-rubric-points">
              {scores
                ? t('grade.score', { score: number.format(scores.reduce((sum, score) => sum + score.points, 0)), max: number.format(maxPoints) })
                : t('rubric.max', { points: number.format(maxPoints) })}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
