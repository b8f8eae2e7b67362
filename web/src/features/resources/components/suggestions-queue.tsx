import { useMutation, useQuery } from '@apollo/client/react';
import { ResourceSuggestionsDocument, ReviewResourceSuggestionDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { FormAlert, StatusMessage } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { ResourceCard, type ResourceView } from './resource-card';

/** Admins: members' suggestions, oldest first, each approved into the library or declined with a reason. */
export function SuggestionsQueue({ language }: { language: string }) {
  const { t } = useTranslation('resources');
  const { data, loading, error } = useQuery(ResourceSuggestionsDocument);
  const [status, setStatus] = useState<string | null>(null);
  if (loading && !data) return <Skeleton lines={4} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const suggestions = data?.resourceSuggestions ?? [];
  return (
    <>
      <StatusMessage message={status} />
      {suggestions.length === 0 ? (
        <EmptyState title={t('queue.empty')}>{t('queue.emptyHint')}</EmptyState>
      ) : (
        <ul className="resource-list" aria-label={t('queue.label')}>
          {suggestions.map((resource) => (
            <li key={resource.id}>
              <ResourceCard resource={resource} language={language} actions={<Review resource={resource} onReviewed={setStatus} />} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Review({ resource, onReviewed }: { resource: ResourceView; onReviewed(message: string): void }) {
  const { t } = useTranslation('resources');
  const { t: tApp } = useTranslation('app');
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [review, { loading }] = useMutation(ReviewResourceSuggestionDocument, { refetchQueries: ['ResourceSuggestions', 'LibraryResources'] });

  async function decide(approve: boolean) {
    setProblem(null);
    try {
      await review({ variables: { id: resource.id, approve, reason: approve ? null : reason.trim() || null } });
      onReviewed(approve ? t('queue.approved', { title: resource.title }) : t('queue.declined', { title: resource.title }));
    } catch (error) {
      const first = apiErrorsOf(error)[0];
      setProblem(first?.code === 'CONFLICT' ? t('queue.alreadyReviewed') : tApp(`errors.${first?.code ?? 'UNKNOWN'}`, { defaultValue: tApp('errors.UNKNOWN') }));
    }
  }

  const reasonId = `decline-reason-${resource.id}`;
  return (
    <div className="resource-review">
      {declining ? (
        <>
          <div className="field">
            <label htmlFor={reasonId}>{t('queue.reason', { title: resource.title })}</label>
            <textarea id={reasonId} rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <Button variant="danger" size="small" disabled={loading} onClick={() => void decide(false)}>
            {t('queue.confirmDecline')}
          </Button>{' '}
          <Button variant="quiet" size="small" onClick={() => setDeclining(false)}>
            {t('queue.keep')}
          </Button>
        </>
      ) : (
        <>
          <Button size="small" disabled={loading} onClick={() => void decide(true)} aria-label={t('queue.approveNamed', { title: resource.title })}>
            {t('queue.approve')}
          </Button>{' '}
          <Button variant="secondary" size="small" onClick={() => setDeclining(true)} aria-label={t('queue.declineNamed', { title: resource.title })}>
            {t('queue.decline')}
          </Button>
        </>
      )}
      <FormAlert message={problem} />
    </div>
  );
}
