import { useQuery } from '@apollo/client/react';
import { MyReviewQueueDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { ReviewQueue } from '../features/grants/components/review-queue';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/** A reviewer's queue: the applications assigned to them (none they declared a conflict on). */
export default function GrantReviewsPage() {
  const { t } = useTranslation('grants');
  const { timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(MyReviewQueueDocument, { fetchPolicy: 'cache-and-network' });
  usePageTitle(t('reviews.title'));
  return (
    <section aria-labelledby="page-title" className="grants-page">
      <h1 id="page-title">{t('reviews.title')}</h1>
      <p className="lead">{t('reviews.intro')}</p>
      {loading && !data ? <Skeleton lines={5} label={t('app:loading')} /> : error && !data ? <QueryError error={error} /> : <ReviewQueue queue={data?.myReviewQueue ?? []} timeZone={timeZone} language={language} />}
    </section>
  );
}
