import { useQuery } from '@apollo/client/react';
import { CourseDocument, EvaluationSummaryDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SentenceWithTitle } from '../app/sentence-with-title';
import { BackToCourse } from '../features/courses/components/back-to-course';
import { QueryError } from '../ui/query-error';
import { useViewer } from '../app/use-viewer';
import { usePageTitle } from './use-page-title';

export default function CourseEvaluationPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('courses');
  const { language } = useViewer();
  const courseQuery = useQuery(CourseDocument, { variables: { slug } });
  const course = courseQuery.data?.course;
  const summaryQuery = useQuery(EvaluationSummaryDocument, {
    variables: { courseId: course?.id ?? '' },
    skip: !course,
    fetchPolicy: 'cache-and-network',
  });
  const summary = summaryQuery.data?.evaluationSummary;
  usePageTitle(t('summary.title'));
  const mean = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  if ((courseQuery.loading && !course) || (summaryQuery.loading && !summary)) return <p className="loading">{t('app:loading')}</p>;
  if (courseQuery.error || summaryQuery.error) return <QueryError error={courseQuery.error ?? summaryQuery.error} />;
  if (!course || !summary) return <h1>{t('course.notFound')}</h1>;

  return (
    <article aria-labelledby="page-title">
      <p className="breadcrumb">
        <BackToCourse course={course} />
      </p>
      <h1 id="page-title">
        <SentenceWithTitle t={t} i18nKey="summary.heading" title={course.title} lang={course.language} />
      </h1>
      {summary.responses === 0 ? (
        <p>{t('summary.none')}</p>
      ) : (
        <>
          <dl className="summary-figures">
            <div>
              <dt>{t('summary.responses')}</dt>
              <dd>{summary.responses}</dd>
            </div>
            <div>
              <dt>{t('summary.relevance')}</dt>
              <dd>{summary.relevance == null ? '—' : t('summary.outOfFive', { value: mean.format(summary.relevance) })}</dd>
            </div>
            <div>
              <dt>{t('summary.usefulness')}</dt>
              <dd>{summary.usefulness == null ? '—' : t('summary.outOfFive', { value: mean.format(summary.usefulness) })}</dd>
            </div>
          </dl>
          <h2>{t('summary.comments')}</h2>
          {summary.comments.length === 0 ? (
            <p>{t('summary.noComments')}</p>
          ) : (
            <ul className="comments">
              {summary.comments.map((comment, index) => (
                <li key={index}>
                  <blockquote>{comment}</blockquote>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
