import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui/badge';
import { EmptyState } from '../../../ui/empty-state';
import type { AssignmentState } from '../assignment-status';
import { DueTime } from './due-time';
import { StateBadge } from './state-badge';
import './assignments.css';

interface Item {
  id: string;
  title: string;
  dueAt: string | null;
  maxPoints: number;
  groupWork: boolean;
  state: AssignmentState;
}

interface Props {
  slug: string;
  assignments: Item[];
  /** Learners see their state of each. */
  learner: boolean;
  lang: string;
  timeZone: string;
  courseTimeZone: string;
  language: string;
}

/** The course's assignments in outline order: title, due time, points, group work and (learners) their state. */
export function AssignmentList({ slug, assignments, learner, lang, timeZone, courseTimeZone, language }: Props) {
  const { t } = useTranslation('assignments');
  if (assignments.length === 0) {
    return <EmptyState title={t('list.empty')} />;
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  return (
    <ul className="assignment-list">
      {assignments.map((assignment) => (
        <li key={assignment.id} className="assignment-list-item">
          <h2 className="assignment-list-title">
            <Link to={`/courses/${slug}/assignments/${assignment.id}`} lang={lang}>
              {assignment.title}
            </Link>
          </h2>
          <p className="assignment-facts">
            {learner && <StateBadge state={assignment.state} />}
            {assignment.groupWork && <Badge tone="accent">{t('list.groupWork')}</Badge>}
            <span>{t('list.points', { points: number.format(assignment.maxPoints) })}</span>
          </p>
          <p className="small">
            {assignment.dueAt ? (
              <DueTime dueAt={assignment.dueAt} timeZone={timeZone} courseTimeZone={courseTimeZone} language={language} />
            ) : (
              t('due.none')
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
