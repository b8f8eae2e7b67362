import { useQuery } from '@apollo/client/react';
import { CourseDocument, SharedSubmissionsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { AssignmentUnavailable } from '../features/assignments/components/assignment-unavailable';
import { SharedSubmissionList } from '../features/assignments/components/shared-submission-list';
import { CourseShell } from '../features/courses/components/course-shell';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';

/** Work the cohort shares (country reports read before a seminar): for the course's members. */
export default function SharedSubmissionsPage() {
  const { slug = '', assignmentId = '' } = useParams();
  const { t } = useTranslation('assignments');
  const { timeZone, language } = useViewer();
  const query = useQuery(SharedSubmissionsDocument, { variables: { id: assignmentId } });
  const courseQuery = useQuery(CourseDocument, { variables: { slug } });
  const course = courseQuery.data?.course;
  const assignment = query.data?.assignment;
  usePageTitle(assignment ? `${t('shared.title')} · ${assignment.title}` : t('shared.title'));

  if ((courseQuery.loading && !course) || (query.loading && !assignment)) return <Skeleton lines={8} label={t('app:loading')} />;
  if (courseQuery.error) return <QueryError error={courseQuery.error} />;
  if (query.error) return <QueryError error={query.error} />;
  if (!course || !assignment || assignment.course.slug !== course.slug) return <AssignmentUnavailable slug={slug} />;
  const assignmentPath = `/courses/${course.slug}/assignments/${assignment.id}`;
  return (
    <CourseShell course={course} section="assignment" assignment={{ id: assignment.id, title: assignment.title }}>
      <section aria-labelledby="page-title" className="shared-page">
        <p className="lesson-kicker" lang={course.language}>
          {assignment.title}
        </p>
        <h1 id="page-title">{t('shared.title')}</h1>
        <p className="lead">{t('shared.intro')}</p>
        <SharedSubmissionList
          submissions={assignment.sharedSubmissions}
          lang={course.language}
          timeZone={timeZone}
          courseTimeZone={course.timeZone}
          language={language}
        />
        <p>
          <Link to={assignmentPath}>{t('shared.back')}</Link>
        </p>
      </section>
    </CourseShell>
  );
}
