import type { GradebookQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/badge';
import { formatPoints } from '../grading-rules';

export type GradebookData = GradebookQuery['gradebook'];

interface Props {
  gradebook: Pick<GradebookData, 'assignments' | 'rows'>;
  language: string;
  courseLanguage: string;
}

/**
 * Learners × assignments: each cell says where the work stands (not started, draft, submitted, graded),
 * the score out of the assignment's points, late, and whether the learner sees the grade yet. On a phone
 * the table scrolls sideways with the learners' names kept in view.
 */
export function GradebookTable({ gradebook, language, courseLanguage }: Props) {
  const { t } = useTranslation('grading');
  const { assignments, rows } = gradebook;
  if (!rows.length) return <p>{t('gradebook.noLearners')}</p>;
  return (
    // A focusable region, so keyboard users can scroll it sideways.
    <div className="table-scroll gradebook-scroll" role="region" aria-labelledby="gradebook-caption" tabIndex={0}>
      <table className="table gradebook">
        <caption id="gradebook-caption" className="visually-hidden">
          {t('gradebook.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="gradebook-learner">
              {t('gradebook.learner')}
            </th>
            {assignments.map((a) => (
              <th scope="col" key={a.id}>
                <span lang={courseLanguage}>{a.title}</span>
                <span className="small gradebook-max">{t('gradebook.outOf', { max: formatPoints(a.maxPoints, language) })}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.learner.id}>
              <th scope="row" className="gradebook-learner">
                {row.learner.displayName}
                {row.group && <span className="small gradebook-group">{row.group}</span>}
              </th>
              {assignments.map((a) => {
                const cell = row.cells.find((c) => c.assignmentId === a.id);
                return (
                  <td key={a.id} data-testid={`cell-${row.learner.id}-${a.id}`}>
                    {!cell?.status ? (
                      <span className="small">{t('gradebook.status.NONE')}</span>
                    ) : (
                      <>
                        {cell.score != null ? (
                          <span className="gradebook-score">{t('gradebook.score', { score: formatPoints(cell.score, language), max: formatPoints(a.maxPoints, language) })}</span>
                        ) : (
                          <span>{t(`gradebook.status.${cell.status}`)}</span>
                        )}
                        <span className="gradebook-badges">
                          {cell.late && <Badge tone="danger">{t('queue.late')}</Badge>}
                          {cell.status === 'GRADED' &&
                            (cell.released ? <Badge tone="success">{t('gradebook.released')}</Badge> : <Badge>{t('gradebook.notReleased')}</Badge>)}
                        </span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
