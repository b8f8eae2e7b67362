import { useQuery } from '@apollo/client/react';
import { CourseDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { AssignmentList } from '../features/assignments/components/assignment-list';
import { useCourseAssignments } from '../features/assignments/hooks/use-course-assignments';
import { CourseShell } from '../features/courses/components/course-shell';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';

/** The course's "Assignments" section: every assignment, when it is due and where the learner stands. */
export default function CourseAssignmentsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('assignments');
  const { isAdmin, timeZone, language } = useViewer();
  const courseQuery = useQuery(CourseDocument, { variables: { slug } });
  const course = courseQuery.data?.course;
  const member = !!course?.myEnrollment || isAdmin;
  const list = useCourseAssignments(slug, { member });
  usePageTitle(course ? `${t('list.title')} · ${course.title}` : t('list.title'));

  if ((courseQuery.loading && !course) || (list.loading && !list.data)) return <Skeleton lines={6} label={t('app:loading')} />;
  if (courseQuery.error) return <QueryError error={courseQuery.error} />;
  if (list.error) return <QueryError error={list.error} />;
  if (!course || !member) {
    return (
      <section>
        <h1>{t('courses:course.notFound')}</h1>
        <p>
          <Link to={course ? `/courses/${course.slug}` : '/courses'}>{t('courses:catalogue.back')}</Link>
        </p>
      </section>
    );
  }
  return (
    <CourseShell course={course} section="assignments">
      <AssignmentList
        slug={course.slug}
        assignments={list.assignments}
        learner={course.myEnrollment?.role === 'LEARNER'}
        lang={course.language}
        timeZone={timeZone}
        courseTimeZone={course.timeZone}
        language={language}
      />
    </CourseShell>
  );
}
