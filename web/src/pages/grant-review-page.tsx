import { useQuery } from '@apollo/client/react';
import { ReviewApplicationDocument } from '@kapwa/graphql';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { MediaPlayer } from '../app/media';
import { BudgetTable } from '../features/grants/components/application-form';
import { DeclareConflict, ReviewForm } from '../features/grants/components/review-form';
import { countryName } from '../features/grants/grant-rules';
import { EmptyState } from '../ui/empty-state';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/**
 * Scoring one application: the film (low-bitrate, or sound only), the project and its budget, the
 * organization and its country — never the applicant's name — and the review form. After a declared
 * conflict the application is gone, and the page says so.
 */
export default function GrantReviewPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation('grants');
  const { language } = useViewer();
  const [withdrawn, setWithdrawn] = useState(false);
  const { data, loading, error } = useQuery(ReviewApplicationDocument, { variables: { id: applicationId }, skip: withdrawn });
  const application = data?.grantApplication;
  usePageTitle(application?.title ?? t('review.plainTitle'));
  const back = <Link to="/grants/reviews">{t('reviews.title')}</Link>;
  if (withdrawn) {
    return (
      <EmptyState headingLevel={1} title={t('conflict.doneTitle')} action={back}>
        <p role="status">{t('conflict.doneBody')}</p>
      </EmptyState>
    );
  }
  if (loading && !data) return <Skeleton lines={8} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!application) return <EmptyState headingLevel={1} title={t('review.gone')} action={back} />;
  return (
    <article aria-labelledby="page-title" className="grants-page grant-review">
      <p className="breadcrumb">{back}</p>
      <h1 id="page-title">{application.title}</h1>
      <p className="grant-meta" data-testid="review-organization">
        {application.organization.name} · {countryName(application.organization.country, language)} · {application.call.title}
      </p>
      <div className="grant-call">
        <div className="grant-call-main">
          {application.video?.url ? (
            <Suspense fallback={null}>
              <MediaPlayer asset={application.video} />
            </Suspense>
          ) : (
            application.video && <p role="status">{t('form.videoProcessing', { name: application.video.filename })}</p>
          )}
          <h2>{t('form.summary')}</h2>
          <p className="grant-plain">{application.summary}</p>
          <BudgetTable lines={application.budgetLines} total={application.budgetTotal} currency={application.currency} language={language} />
        </div>
        <div className="grant-call-side">
          <ReviewForm application={application} />
          {!application.myReview?.submittedAt && (
            <section aria-labelledby="conflict-heading" className="grant-conflict-panel">
              <h2 id="conflict-heading">{t('conflict.heading')}</h2>
              <p>{t('conflict.hint')}</p>
              <DeclareConflict applicationId={application.id} onDeclared={() => setWithdrawn(true)} />
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
