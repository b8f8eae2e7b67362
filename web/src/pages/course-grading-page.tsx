import { useQuery } from '@apollo/client/react';
import { CourseGroupsDocument, GradingCourseDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { SentenceWithTitle, sentenceText } from '../app/sentence-with-title';
import { useViewer } from '../app/use-viewer';
import { BackToCourse } from '../features/courses/components/back-to-course';
import { GradedWork } from '../features/grading/components/graded-work';
import { GradingDesk } from '../features/grading/components/grading-desk';
import { ReleaseGrades } from '../features/grading/components/release-grades';
import { TrainersOnly } from '../features/grading/components/trainers-only';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grading/grading.css';

/**
 * A course's grading, for its trainers and admins: the queue beside the work chosen in it (or one piece of
 * handed-in work opened from the gradebook, `?submission=`), and releasing grades.
 */
export default function CourseGradingPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('grading');
  const { data, loading, error } = useQuery(GradingCourseDocument, { variables: { slug } });
  const course = data?.course;
  usePageTitle(course ? sentenceText(t, 'page.gradingTitle', course.title) : t('page.gradingPlain'));

  if (loading && !course) return <Skeleton label={t('app:loading')} lines={6} />;
  if (error) return <QueryError error={error} />;
  if (!course) return <h1>{t('page.notFound')}</h1>;

  return (
    <TrainersOnly course={course}>
      <article aria-labelledby="page-title" className="grading-page">
        <p className="breadcrumb">
          <BackToCourse course={course} />
        </p>
        <h1 id="page-title">
          <SentenceWithTitle t={t} i18nKey="page.gradingTitle" title={course.title} lang={course.language} />
        </h1>
        <p>
          <Link to={`/courses/${course.slug}/gradebook`}>{t('page.toGradebook')}</Link>
        </p>
        <GradingBody course={course} />
      </article>
    </TrainersOnly>
  );
}

function GradingBody({ course }: { course: { id: string; slug: string; language: string; assignments: { id: string; title: string }[] } }) {
  const { timeZone, language } = useViewer();
  const [params] = useSearchParams();
  const opened = params.get('submission');
  const groupsQuery = useQuery(CourseGroupsDocument, { variables: { slug: course.slug } });
  const groups = [...new Set((groupsQuery.data?.course?.enrollments ?? []).map((e) => e.group).filter((g): g is string => !!g))].sort();
  return (
    <>
      {opened ? (
        <GradedWork submissionId={opened} courseLanguage={course.language} queuePath={`/courses/${course.slug}/grading`} timeZone={timeZone} language={language} />
      ) : (
        <GradingDesk courseId={course.id} courseLanguage={course.language} groups={groups} timeZone={timeZone} language={language} />
      )}
      <ReleaseGrades assignments={course.assignments} courseLanguage={course.language} />
    </>
  );
}
