import type { MyReviewQueueQuery } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui/badge';
import { EmptyState } from '../../../ui/empty-state';
import { countryName } from '../grant-rules';
import { CallTime } from './call-times';

/** A reviewer's applications: to review first, then the reviewed ones (a review can be resubmitted). */
export function ReviewQueue({ queue, timeZone, language }: { queue: MyReviewQueueQuery['myReviewQueue']; timeZone: string; language: string }) {
  const { t } = useTranslation('grants');
  if (queue.length === 0) {
    return (
      <EmptyState title={t('reviews.emptyTitle')}>
        <p>{t('reviews.emptyHint')}</p>
      </EmptyState>
    );
  }
  const sorted = [...queue].sort((a, b) => Number(!!a.myReview?.submittedAt) - Number(!!b.myReview?.submittedAt) || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return (
    <table className="grant-table">
      <thead>
        <tr>
          <th scope="col">{t('reviews.application')}</th>
          <th scope="col">{t('reviews.organization')}</th>
          <th scope="col">{t('reviews.call')}</th>
          <th scope="col">{t('reviews.state')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((application) => (
          <tr key={application.id}>
            <td>
              <Link to={`/grants/reviews/${application.id}`}>{application.title}</Link>
            </td>
            <td>
              {application.organization.name} · {countryName(application.organization.country, language)}
            </td>
            <td>
              {application.call.title}
              <br />
              <span className="grant-meta">
                {t('list.closesAt')} <CallTime at={application.call.closesAt} timeZone={timeZone} callTimeZone={application.call.timeZone} language={language} />
              </span>
            </td>
            <td>
              {application.myReview?.submittedAt ? (
                <Badge tone="success">{t('reviews.reviewed', { score: application.myReview.weightedScore.toFixed(1) })}</Badge>
              ) : (
                <Badge tone="highlight">{t('reviews.toReview')}</Badge>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
