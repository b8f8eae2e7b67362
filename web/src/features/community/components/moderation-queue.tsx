import { useMutation, useQuery } from '@apollo/client/react';
import { DismissCommunityReportsDocument, HideCommunityPostDocument, LockCommunityThreadDocument, ModerationQueueDocument, type ModerationQueueQuery } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorsOf, hasErrorCode } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { FormAlert } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';

type Report = ModerationQueueQuery['moderationQueue'][number];

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 280)}…` : text);

/**
 * Reports not yet handled, oldest first (admins: every space; trainers: their courses' spaces): the post,
 * why it was reported, where it is; hide it (with a reason told to its author), dismiss the reports, or lock the thread.
 */
export function ModerationQueue({ timeZone, language }: { timeZone: string; language: string }) {
  const { t } = useTranslation('community');
  const { data, loading, error, refetch } = useQuery(ModerationQueueDocument, { fetchPolicy: 'cache-and-network' });
  const [hide, hiding] = useMutation(HideCommunityPostDocument);
  const [dismiss, dismissing] = useMutation(DismissCommunityReportsDocument);
  const [lock, locking] = useMutation(LockCommunityThreadDocument);
  const [hiding$, setHiding] = useState<Report | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  if (loading && !data) return <Skeleton lines={6} label={t('app:loading')} />;
  if (error && !data) {
    return hasErrorCode(error, 'FORBIDDEN') ? <p role="alert" className="form-alert">{t('moderation.forbidden')}</p> : <QueryError error={error} />;
  }
  const reports = data?.moderationQueue ?? [];

  async function act(run: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await run();
      setStatus(done);
      await refetch();
    } catch (e) {
      setMessage(apiErrorsOf(e)[0]?.message ?? t('reply.failed'));
    }
  }

  async function confirmHide(event: FormEvent) {
    event.preventDefault();
    const report = hiding$;
    if (!report) return;
    setHiding(null);
    await act(() => hide({ variables: { postId: report.post.id, hidden: true, reason } }), t('moderation.hidden'));
    setReason('');
  }

  return (
    <>
      <FormAlert message={message} />
      {status && <p role="status" className="form-status">{status}</p>}
      {reports.length === 0 ? (
        <EmptyState title={t('moderation.empty')} />
      ) : (
        <ol className="moderation-queue">
          {reports.map((report) => (
            <li key={report.id}>
              <article aria-labelledby={`report-${report.id}`}>
                <h2 id={`report-${report.id}`}>
                  <Link to={`/community/threads/${report.post.thread.id}#post-${report.post.id}`}>{report.post.thread.title}</Link>
                </h2>
                <p className="community-meta">
                  {report.post.thread.space.title} · {report.post.author.displayName} · {formatInstant(new Date(report.createdAt), timeZone, language)}
                </p>
                <blockquote className="moderation-excerpt">{excerpt(report.post.body)}</blockquote>
                <p>
                  <strong>{t('moderation.reason')}</strong> {report.reason}
                </p>
                <div className="community-actions">
                  {!report.post.hidden && (
                    <Button size="small" variant="danger" disabled={hiding.loading} onClick={() => setHiding(report)} aria-label={t('moderation.hideOf', { title: report.post.thread.title })}>
                      {t('post.hide')}
                    </Button>
                  )}
                  <Button size="small" variant="secondary" disabled={dismissing.loading} aria-label={t('moderation.dismissOf', { title: report.post.thread.title })}
                    onClick={() => void act(() => dismiss({ variables: { postId: report.post.id } }), t('moderation.dismissed'))}>
                    {t('moderation.dismiss')}
                  </Button>
                  <Button size="small" variant="quiet" disabled={locking.loading}
                    onClick={() => void act(() => lock({ variables: { threadId: report.post.thread.id, locked: !report.post.thread.locked } }), report.post.thread.locked ? t('moderation.unlocked') : t('moderation.locked'))}>
                    {report.post.thread.locked ? t('thread.unlock') : t('thread.lock')}
                  </Button>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Dialog open={hiding$ !== null} title={t('post.hideTitle')} onClose={() => setHiding(null)} closeLabel={t('post.cancel')}>
        <form onSubmit={confirmHide}>
          <label htmlFor="moderation-reason">{t('post.hideReason')}</label>
          <textarea id="moderation-reason" rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" variant="danger">{t('post.hideConfirm')}</Button>
        </form>
      </Dialog>
    </>
  );
}
