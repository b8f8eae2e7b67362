import { useMutation, useQuery } from '@apollo/client/react';
import { AssignReviewerDocument, ReviewerCandidatesDocument, UnassignReviewerDocument, type RankedApplicationFieldsFragment, type ReviewerCandidatesQuery } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFormErrors } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { FormAlert } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { sortCandidates } from '../grant-rules';

type Candidate = ReviewerCandidatesQuery['reviewerCandidates'][number];

/**
 * The people with the REVIEWER role for one application: assign, unassign (until they have submitted),
 * and those the server would refuse shown in advance, disabled, with the reason.
 */
export function CandidateList({ candidates, submitted, busy, onAssign, onUnassign, language }: {
  candidates: readonly Candidate[];
  /** Reviewers who have submitted their review: they stay. */
  submitted: ReadonlySet<string>;
  busy: boolean;
  onAssign(reviewerId: string): void;
  onUnassign(reviewerId: string): void;
  language: string;
}) {
  const { t } = useTranslation('grants');
  if (candidates.length === 0) return <p>{t('assign.noReviewers')}</p>;
  return (
    <ul className="grant-candidates">
      {sortCandidates(candidates, language).map(({ reviewer, assigned, conflict }) => {
        const reasonId = `candidate-${reviewer.id}-reason`;
        return (
          <li key={reviewer.id} className="grant-candidate">
            <span className="grant-candidate-name">{reviewer.displayName}</span>
            {assigned ? (
              <>
                <span className="grant-meta">{submitted.has(reviewer.id) ? t('assign.submitted') : t('assign.assigned')}</span>
                <Button variant="quiet" size="small" disabled={busy || submitted.has(reviewer.id)} onClick={() => onUnassign(reviewer.id)}
                  aria-label={t('assign.unassignName', { name: reviewer.displayName })}>
                  {t('assign.unassign')}
                </Button>
              </>
            ) : (
              <>
                {conflict && (
                  <span id={reasonId} className="grant-conflict" data-testid="candidate-conflict">
                    {t(`assign.conflict.${conflict}`)}
                  </span>
                )}
                <Button size="small" variant="secondary" disabled={busy || !!conflict} aria-describedby={conflict ? reasonId : undefined}
                  aria-label={t('assign.assignName', { name: reviewer.displayName })} onClick={() => onAssign(reviewer.id)}>
                  {t('assign.assign')}
                </Button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The candidates of one application, fetched when the admin opens them, with the assign/unassign actions. */
export function ReviewerAssignment({ application, language }: { application: RankedApplicationFieldsFragment; language: string }) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const { data, loading, error, refetch } = useQuery(ReviewerCandidatesDocument, { variables: { applicationId: application.id }, fetchPolicy: 'network-only' });
  const [assign, { loading: assigning }] = useMutation(AssignReviewerDocument);
  const [unassign, { loading: unassigning }] = useMutation(UnassignReviewerDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const submitted = new Set(application.reviewerAssignments.filter((a) => a.submitted).map((a) => a.reviewer.id));

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (e) {
      // A conflict found since the list was fetched: the API's words say which.
      setProblem(toFormErrors(e, tApp, { fields: [], fieldMessage: (_, m) => m, codeMessages: { CONFLICT: t('assign.refused') } }).form);
    }
    await refetch();
  }

  if (loading && !data) return <Skeleton lines={3} label={tApp('loading')} />;
  if (error) return <QueryError error={error} />;
  return (
    <div className="grant-assignment">
      <FormAlert message={problem} />
      <CandidateList candidates={data?.reviewerCandidates ?? []} submitted={submitted} busy={assigning || unassigning} language={language}
        onAssign={(reviewerId) => void run(() => assign({ variables: { applicationId: application.id, reviewerId } }))}
        onUnassign={(reviewerId) => void run(() => unassign({ variables: { applicationId: application.id, reviewerId } }))} />
    </div>
  );
}
