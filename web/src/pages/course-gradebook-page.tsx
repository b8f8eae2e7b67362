import { useQuery } from '@apollo/client/react';
import { GradebookDocument, GradingCourseDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SentenceWithTitle, sentenceText } from '../app/sentence-with-title';
import { useViewer } from '../app/use-viewer';
import { BackToCourse } from '../features/courses/components/back-to-course';
import { downloadGradebook } from '../features/grading/components/download-gradebook';
import { GradebookTable } from '../features/grading/components/gradebook-table';
import { TrainersOnly } from '../features/grading/components/trainers-only';
import { Button } from '../ui/button';
import { FormAlert } from '../ui/field';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grading/grading.css';

/** A course's gradebook, for its trainers and admins: learners × assignments, and the same as a CSV file. */
export default function CourseGradebookPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('grading');
  const { data, loading, error } = useQuery(GradingCourseDocument, { variables: { slug } });
  const course = data?.course;
  usePageTitle(course ? sentenceText(t, 'page.gradebookTitle', course.title) : t('page.gradebookPlain'));

  if (loading && !course) return <Skeleton label={t('app:loading')} lines={6} />;
  if (error) return <QueryError error={error} />;
  if (!course) return <h1>{t('page.notFound')}</h1>;

  return (
    <TrainersOnly course={course}>
      <article aria-labelledby="page-title" className="gradebook-page">
        <p className="breadcrumb">
          <BackToCourse course={course} />
        </p>
        <h1 id="page-title">
          <SentenceWithTitle t={t} i18nKey="page.gradebookTitle" title={course.title} lang={course.language} />
        </h1>
        <p>
          <Link to={`/courses/${course.slug}/grading`}>{t('page.toGrading')}</Link>
        </p>
        <GradebookBody course={course} />
      </article>
    </TrainersOnly>
  );
}

function GradebookBody({ course }: { course: { id: string; slug: string; language: string } }) {
  const { t } = useTranslation('grading');
  const { language } = useViewer();
  const { data, loading, error } = useQuery(GradebookDocument, { variables: { courseId: course.id }, fetchPolicy: 'cache-and-network' });
  const [downloading, setDownloading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  async function download() {
    setFailed(null);
    setDownloading(true);
    try {
      await downloadGradebook(course.id, `${course.slug}-gradebook.csv`);
    } catch {
      setFailed(t('gradebook.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      <p className="actions">
        <Button variant="secondary" onClick={() => void download()} disabled={downloading}>
          {downloading ? t('gradebook.downloading') : t('gradebook.download')}
        </Button>
      </p>
      <FormAlert message={failed} />
      {loading && !data ? (
        <Skeleton label={t('app:loading')} lines={5} />
      ) : error ? (
        <QueryError error={error} />
      ) : data ? (
        <GradebookTable gradebook={data.gradebook} language={language} courseLanguage={course.language} gradingPath={(id) => `/courses/${course.slug}/grading?submission=${id}`} />
      ) : null}
    </>
  );
}
