import { useQuery } from '@apollo/client/react';
import { AssignmentDocument, CourseDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canManageCourse, useViewer } from '../app/use-viewer';
import { AssignmentUnavailable } from '../features/assignments/components/assignment-unavailable';
import { AssignmentView } from '../features/assignments/components/assignment-view';
import { useAssignmentWeekItems } from '../features/assignments/hooks/use-course-assignments';
import { CourseShell } from '../features/courses/components/course-shell';
import { LessonSwitcher } from '../features/courses/components/lesson-switcher';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';

/** An assignment inside its course's frame: the outline beside it (its week's items marked), as lessons are read. */
export default function AssignmentPage() {
  const { slug = '', assignmentId = '' } = useParams();
  const { t } = useTranslation('assignments');
  const { me, isAdmin, timeZone, language } = useViewer();
  const query = useQuery(AssignmentDocument, { variables: { id: assignmentId } });
  const courseQuery = useQuery(CourseDocument, { variables: { slug } });
  const course = courseQuery.data?.course;
  const assignment = query.data?.assignment;
  const member = !!course?.myEnrollment || isAdmin;
  const weekItems = useAssignmentWeekItems(slug, { member });
  usePageTitle(assignment?.title ?? t('title'));

  if ((courseQuery.loading && !course) || (query.loading && !assignment)) return <Skeleton lines={8} label={t('app:loading')} />;
  if (courseQuery.error) return <QueryError error={courseQuery.error} />;
  if (query.error) return <QueryError error={query.error} />;
  if (!course || !assignment || assignment.course.slug !== course.slug) return <AssignmentUnavailable slug={slug} />;

  return (
    <CourseShell course={course} section="assignment" assignment={assignment} weekItems={weekItems}>
      {/* Phones: the outline from the bar at the top, as on a lesson. */}
      <LessonSwitcher course={course} lessonId={assignment.id} previous={null} next={null} weekItems={weekItems} />
      <AssignmentView
        assignment={assignment}
        course={course}
        viewer={me ? { id: me.id, timeZone, language } : null}
        refetch={() => void query.refetch()}
      />
      {canManageCourse(isAdmin, course.myEnrollment) && (
        <p>
          <Link to={`/courses/${course.slug}/grading`}>{t('courses:shell.grading')}</Link>
        </p>
      )}
    </CourseShell>
  );
}
