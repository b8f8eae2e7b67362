import { useMutation } from '@apollo/client/react';
import { DecideApplicationDocument, type RankedApplicationFieldsFragment } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFormErrors } from '../../../app/forms/api-errors';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { Field, FormAlert } from '../../../ui/field';
import { canDecide, countryName, rankApplications } from '../grant-rules';
import { ReviewerAssignment } from './reviewer-assignment';
import { ApplicationStatusBadge } from './status-badges';

type Application = RankedApplicationFieldsFragment;

function score(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/**
 * A call's submitted applications ranked by their raw average score, with the normalized score (each
 * reviewer's scores standardised over the call) beside it, the number of reviews (flagged when fewer
 * than wanted), how far reviewers disagree, who reviews, and the decision.
 */
export function ApplicationsRanking({ call, applications, language }: { call: { id: string; status: string; reviewsWanted: number }; applications: readonly Application[]; language: string }) {
  const { t } = useTranslation('grants');
  const [reviewersOf, setReviewersOf] = useState<Application | null>(null);
  const [deciding, setDeciding] = useState<{ application: Application; status: 'AWARDED' | 'DECLINED' } | null>(null);
  const ranked = rankApplications(applications);
  if (ranked.length === 0) return <p>{t('ranking.none')}</p>;
  return (
    <>
      {call.status === 'OPEN' && <p className="grant-meta">{t('ranking.decideAfterClose')}</p>}
      <div className="grant-table-wrap">
        <table className="grant-table grant-ranking">
          <caption className="visually-hidden">{t('ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ranking.rank')}</th>
              <th scope="col">{t('ranking.application')}</th>
              <th scope="col">{t('ranking.average')}</th>
              <th scope="col">{t('ranking.normalized')}</th>
              <th scope="col">{t('ranking.reviews')}</th>
              <th scope="col">{t('ranking.spread')}</th>
              <th scope="col">{t('ranking.reviewers')}</th>
              <th scope="col">{t('ranking.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((application, index) => (
              <tr key={application.id} data-testid="ranking-row">
                <td>{index + 1}</td>
                <th scope="row">
                  {application.title}
                  <br />
                  <span className="grant-meta">
                    {application.organization.name} · {countryName(application.organization.country, language)}
                  </span>
                </th>
                <td data-testid="average-score">{score(application.averageScore)}</td>
                <td data-testid="normalized-score">{score(application.normalizedScore, 2)}</td>
                <td>
                  {t('ranking.reviewCount', { n: application.reviewCount, wanted: call.reviewsWanted })}
                  {application.needsMoreReviews && (
                    <>
                      {' '}
                      <Badge tone="highlight">{t('ranking.needsMore')}</Badge>
                    </>
                  )}
                </td>
                <td>{score(application.scoreSpread)}</td>
                <td>
                  <ul className="grant-reviewers">
                    {application.reviewerAssignments.map((a) => (
                      <li key={a.reviewer.id}>
                        {a.reviewer.displayName} {a.submitted ? <span className="grant-meta">{t('assign.submitted')}</span> : null}
                      </li>
                    ))}
                  </ul>
                  <Button variant="secondary" size="small" onClick={() => setReviewersOf(application)} aria-label={t('ranking.manageReviewersOf', { title: application.title })}>
                    {t('ranking.manageReviewers')}
                  </Button>
                </td>
                <td>
                  {canDecide(call.status, application.status) ? (
                    <span className="grant-decide">
                      <Button size="small" onClick={() => setDeciding({ application, status: 'AWARDED' })} aria-label={t('ranking.awardTitle', { title: application.title })}>
                        {t('ranking.award')}
                      </Button>
                      <Button size="small" variant="secondary" onClick={() => setDeciding({ application, status: 'DECLINED' })}
                        aria-label={t('ranking.declineTitle', { title: application.title })}>
                        {t('ranking.decline')}
                      </Button>
                    </span>
                  ) : (
                    <ApplicationStatusBadge status={application.status} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog open={!!reviewersOf} title={t('assign.title', { title: reviewersOf?.title ?? '' })} closeLabel={t('assign.close')} onClose={() => setReviewersOf(null)}>
        {reviewersOf && <ReviewerAssignment application={applications.find((a) => a.id === reviewersOf.id) ?? reviewersOf} language={language} />}
      </Dialog>
      <Dialog open={!!deciding} title={deciding ? t(deciding.status === 'AWARDED' ? 'decide.awardTitle' : 'decide.declineTitle', { title: deciding.application.title }) : ''}
        closeLabel={t('decide.cancel')} onClose={() => setDeciding(null)}>
        {deciding && <DecisionForm application={deciding.application} status={deciding.status} onDone={() => setDeciding(null)} />}
      </Dialog>
    </>
  );
}

/** The decision's message to the applicant's organization, and the decision itself (notified by the API). */
function DecisionForm({ application, status, onDone }: { application: Application; status: 'AWARDED' | 'DECLINED'; onDone(): void }) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [decide, { loading }] = useMutation(DecideApplicationDocument);
  async function confirm() {
    setError(null);
    try {
      await decide({ variables: { applicationId: application.id, status, message: message.trim() || null }, refetchQueries: ['AdminGrantCall'] });
      onDone();
    } catch (e) {
      setError(toFormErrors(e, tApp, { fields: [], fieldMessage: (_, m) => m }).form);
    }
  }
  return (
    <div className="form">
      <p>{status === 'AWARDED' ? t('decide.awardExplain', { organization: application.organization.name }) : t('decide.declineExplain', { organization: application.organization.name })}</p>
      <FormAlert message={error} />
      <Field form="decision" name="message" label={t('decide.message')} hint={t('decide.messageHint')}>
        {(control) => <textarea {...control} rows={5} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <p className="actions">
        <Button variant={status === 'AWARDED' ? 'primary' : 'danger'} disabled={loading} onClick={() => void confirm()}>
          {loading ? t('decide.deciding') : status === 'AWARDED' ? t('decide.confirmAward') : t('decide.confirmDecline')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('decide.cancel')}
        </Button>
      </p>
    </div>
  );
}
