import { useMutation, useQuery } from '@apollo/client/react';
import { AcceptSpaceInvitationsDocument, DeclineSpaceInvitationDocument, MySpaceInvitationsDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';

/**
 * The viewer's invitations into spaces (made when they completed a course): "Join" per space, "Join all",
 * and "Not now". Joined spaces leave the list, with a link to each; the list is the server's after each answer.
 */
export function SpaceInvitations() {
  const { t } = useTranslation('network');
  const { data, loading, error } = useQuery(MySpaceInvitationsDocument);
  const refetchQueries = [{ query: MySpaceInvitationsDocument }];
  const [accept, { loading: accepting }] = useMutation(AcceptSpaceInvitationsDocument, { refetchQueries, awaitRefetchQueries: true });
  const [decline, { loading: declining }] = useMutation(DeclineSpaceInvitationDocument, { refetchQueries, awaitRefetchQueries: true });
  const [joined, setJoined] = useState<{ slug: string; title: string }[]>([]);
  const [failed, setFailed] = useState(false);

  if (loading && !data) return <Skeleton lines={4} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const invitations = data?.mySpaceInvitations ?? [];
  const busy = accepting || declining;

  const join = async (ids: string[]) => {
    setFailed(false);
    const titles = new Map(invitations.map((i) => [i.space.slug, i.space.title]));
    try {
      const result = await accept({ variables: { ids } });
      const spaces = result.data?.acceptSpaceInvitations ?? [];
      setJoined((before) => [...before, ...spaces.map((s) => ({ slug: s.slug, title: titles.get(s.slug) ?? s.slug }))]);
    } catch {
      setFailed(true);
    }
  };
  const notNow = async (id: string) => {
    setFailed(false);
    try {
      await decline({ variables: { id } });
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="space-invitations">
      {joined.length > 0 && (
        <div role="status">
          <p>{t('invitations.joined', { count: joined.length })}</p>
          <ul>
            {joined.map((space) => (
              <li key={space.slug}>
                <Link to={`/community/${space.slug}`}>{t('invitations.open', { space: space.title })}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failed && (
        <p role="alert" className="form-alert">
          {t('invitations.failed')}
        </p>
      )}
      {invitations.length === 0 ? (
        <EmptyState title={t('invitations.empty')} action={<Link to="/community">{t('invitations.browse')}</Link>} />
      ) : (
        <>
          {invitations.length > 1 && (
            <p>
              <Button onClick={() => void join(invitations.map((i) => i.id))} disabled={busy}>
                {t('invitations.joinAll')}
              </Button>
            </p>
          )}
          <ul className="space-invitation-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                <Card as="article" aria-labelledby={`invitation-${invitation.id}`}>
                  <h2 id={`invitation-${invitation.id}`}>{invitation.space.title}</h2>
                  <p className="hint">
                    {t(`kinds.${invitation.space.kind}`)}
                    {invitation.courseTitle && <> · {t('invitations.fromCourse', { course: invitation.courseTitle })}</>}
                  </p>
                  {invitation.space.description && <p>{invitation.space.description}</p>}
                  <p>
                    <Button onClick={() => void join([invitation.id])} disabled={busy} aria-label={t('invitations.joinNamed', { space: invitation.space.title })}>
                      {t('invitations.join')}
                    </Button>{' '}
                    <Button variant="quiet" onClick={() => void notNow(invitation.id)} disabled={busy} aria-label={t('invitations.declineNamed', { space: invitation.space.title })}>
                      {t('invitations.decline')}
                    </Button>
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
