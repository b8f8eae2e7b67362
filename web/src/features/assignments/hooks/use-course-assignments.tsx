import { useQuery } from '@apollo/client/react';
import { CourseAssignmentsDocument } from '@kapwa/graphql';
import { useMemo } from 'react';
import { assignmentState } from '../assignment-status';
import { StateBadge } from '../components/state-badge';

/**
 * A course's assignments with the viewer's state of each, for members (and admins): nothing is asked of
 * the API for anyone else. A failure leaves the outline without its assignments rather than breaking it.
 */
export function useCourseAssignments(slug: string, { member }: { member: boolean }) {
  const query = useQuery(CourseAssignmentsDocument, { variables: { slug }, skip: !member || !slug });
  const now = Date.now();
  const assignments = useMemo(
    () => (query.data?.course?.assignments ?? []).map((assignment) => ({ ...assignment, state: assignmentState(assignment.dueAt, assignment.mySubmission, now) })),
    [query.data],
  );
  return { ...query, assignments };
}

/** The course's assignments as items of their weeks in the outline: title, link and state badge. */
export function useAssignmentWeekItems(slug: string, { member }: { member: boolean }) {
  const { assignments } = useCourseAssignments(slug, { member });
  return useMemo(
    () =>
      assignments.map((assignment) => ({
        id: assignment.id,
        moduleId: assignment.module?.id ?? null,
        title: assignment.title,
        to: `/courses/${slug}/assignments/${assignment.id}`,
        badge: <StateBadge state={assignment.state} />,
      })),
    [assignments, slug],
  );
}
