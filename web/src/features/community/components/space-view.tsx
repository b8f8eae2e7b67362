import { useApolloClient, useQuery } from '@apollo/client/react';
import { CommunitySpaceDocument } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui/badge';
import { Breadcrumbs } from '../../../ui/breadcrumbs';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { usePages } from '../use-pages';
import { JoinButton } from './join-button';
import { StartThreadForm } from './start-thread-form';
import { LoadMore } from './load-more';

const PAGE = 20;

/** A space: what it is for, Join, its threads newest first (new posts never shift the pages), and "Start a thread". */
export function SpaceView({ slug, userId, isAdmin, timeZone, language, onTitle }: { slug: string; userId: string | null; isAdmin: boolean; timeZone: string; language: string; onTitle?(title: string): void }) {
  const { t } = useTranslation('community');
  const client = useApolloClient();
  const { data, loading, error } = useQuery(CommunitySpaceDocument, { variables: { slug, first: PAGE }, fetchPolicy: 'cache-and-network' });
  const space = data?.space ?? null;
  const fetchPage = useCallback(
    async (after: string) => (await client.query({ query: CommunitySpaceDocument, variables: { slug, first: PAGE, after }, fetchPolicy: 'network-only' })).data?.space?.threads ?? null,
    [client, slug],
  );
  const pages = usePages(space?.threads, fetchPage, slug);
  const title = space?.title;
  useEffect(() => {
    if (title) onTitle?.(title);
  }, [title, onTitle]);

  if (loading && !data) return <Skeleton lines={6} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!space) return <EmptyState title={t('space.notFound')} headingLevel={1} action={<Link to="/community">{t('spaces.back')}</Link>} />;
  const mayPost = isAdmin || space.kind === 'COURSE' || space.isMember;

  return (
    <div className="community-space">
      <Breadcrumbs label={t('nav.breadcrumb')} items={[{ label: t('spaces.title'), to: '/community' }, { label: space.title }]} />
      <h1 id="page-title">{space.title}</h1>
      <p>
        <Badge tone="accent">{t(`kind.${space.kind}`)}</Badge>{' '}
        {space.membersOnly && <Badge>{t('space.membersOnly')}</Badge>} <JoinButton space={space} />
      </p>
      {space.description && <p className="lead">{space.description}</p>}
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{t('space.threads', { count: space.threads.totalCount })}</h2>
        {pages.nodes.length === 0 ? (
          <p>{t('space.noThreads')}</p>
        ) : (
          <ul className="community-thread-list">
            {pages.nodes.map((thread) => (
              <li key={thread.id} className={thread.unreadCount > 0 ? 'unread' : undefined}>
                <Link to={`/community/threads/${thread.id}`}>{thread.title}</Link>{' '}
                {thread.unreadCount > 0 && <Badge tone="highlight">{t('space.unread', { count: thread.unreadCount })}</Badge>}{' '}
                {thread.locked && <Badge>{t('thread.locked')}</Badge>}
                <p className="community-meta">
                  {t('space.threadMeta', { name: thread.author.displayName, count: thread.replyCount, when: formatInstant(new Date(thread.lastActivityAt), timeZone, language) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <LoadMore pages={pages} />
      </section>
      {mayPost && userId ? <StartThreadForm spaceId={space.id} userId={userId} /> : <p>{t('space.joinToPost')}</p>}
    </div>
  );
}
