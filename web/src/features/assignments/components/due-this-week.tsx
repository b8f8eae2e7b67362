import { useQuery } from '@apollo/client/react';
import { DueAssignmentsDocument } from '@kapwa/graphql';
import { formatInstantWithZones, zoneLabel } from '@kapwa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assignmentState, dueThisWeek } from '../assignment-status';
import { StateBadge } from './state-badge';

interface Props {
  timeZone: string;
  language: string;
  /** The current time (ms); the dashboard renews it. */
  now: number;
}

/**
 * The dashboard's "Due this week": assignments of the courses the viewer is learning, due in the next seven
 * days and not yet handed in, soonest first, each linking to its page, times in the viewer's zone with
 * the course's beside. With nothing due (or while it loads, or when it fails) it is left out.
 */
export function DueThisWeek({ timeZone, language, now }: Props) {
  const { t } = useTranslation('assignments');
  const { data } = useQuery(DueAssignmentsDocument, { fetchPolicy: 'cache-and-network' });
  const items = (data?.myEnrollments ?? [])
    .filter((enrollment) => enrollment.role === 'LEARNER' && enrollment.status === 'ACTIVE')
    .flatMap(({ course }) => course.assignments.map((assignment) => ({ ...assignment, course, state: assignmentState(assignment.dueAt, assignment.mySubmission, now) })));
  const due = dueThisWeek(items, now);
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="due-this-week-title" className="dashboard-section">
      <h2 id="due-this-week-title">{t('dueThisWeek.title')}</h2>
      <ul className="due-list">
        {due.map((assignment) => (
          <li key={assignment.id} className="due-item">
            <Link to={`/courses/${assignment.course.slug}/assignments/${assignment.id}`} lang={assignment.course.language}>
              {assignment.title}
            </Link>{' '}
            <StateBadge state={assignment.state} />
            <span className="small due-course" lang={assignment.course.language}>
              {assignment.course.title}
            </span>
            <span className="small">
              {t('due.label')}{' '}
              <time dateTime={assignment.dueAt!}>
                {formatInstantWithZones(new Date(assignment.dueAt!), timeZone, assignment.course.timeZone, language, (zone) => zoneLabel(zone, language))}
              </time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
