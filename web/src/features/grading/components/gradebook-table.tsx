import type { GradebookQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui/badge';
import { formatPoints } from '../grading-rules';

export type GradebookData = GradebookQuery['gradebook'];

interface Props {
  gradebook: Pick<GradebookData, 'assignments' | 'rows'>;
  language: string;
  courseLanguage: string;
  /** Where handed-in work opens to be graded (again). */
  gradingPath(submissionId: string): string;
}

/**
 * Learners × assignments: each cell says where the work stands (not started, draft, submitted, graded),
 * the score out of the assignment's points, late, and whether the learner sees the grade yet; handed-in
 * work opens from its cell, to be graded or graded again. On a phone the table scrolls sideways with the
 * learners' names kept in view.
 */
export function GradebookTable({ gradebook, language, courseLanguage, gradingPath }: Props) {
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
                        <CellWork
                          text={cell.score != null ? t('gradebook.score', { score: formatPoints(cell.score, language), max: formatPoints(a.maxPoints, language) }) : t(`gradebook.status.${cell.status}`)}
                          scored={cell.score != null}
                          to={cell.submissionId && cell.status !== 'DRAFT' ? gradingPath(cell.submissionId) : null}
                        />
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

/** A cell's score or status: a link to the work once it is handed in. */
function CellWork({ text, scored, to }: { text: string; scored: boolean; to: string | null }) {
  const className = scored ? 'gradebook-score' : undefined;
  return to ? (
    <Link to={to} className={className}>
      {text}
    </Link>
  ) : (
    <span className={className}>{text}</span>
  );
}
