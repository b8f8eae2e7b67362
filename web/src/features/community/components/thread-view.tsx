import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type CommunityPostFieldsFragment, CommunityThreadDocument, JoinCommunitySpaceDocument, LockCommunityThreadDocument, MarkCommunityThreadReadDocument } from '@kapwa/graphql';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Badge } from '../../../ui/badge';
import { Breadcrumbs } from '../../../ui/breadcrumbs';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { FormAlert } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { usePages } from '../use-pages';
import { LoadMore } from './load-more';
import { PostItem } from './post-item';
import { quoteMarkdown } from '../quote';
import { ReplyBox, type ReplyQuote } from './reply-box';

const PAGE = 20;

/**
 * A thread: its posts oldest first with "Load more", marked read when opened, the reply box (which keeps
 * unsent text on the device), and the lock for those who moderate its space.
 */
export function ThreadView({ threadId, viewer, timeZone, language, onTitle }: {
  threadId: string;
  viewer: { id: string; isAdmin: boolean } | null;
  timeZone: string;
  language: string;
  onTitle?(title: string): void;
}) {
  const { t } = useTranslation('community');
  const client = useApolloClient();
  const { data, loading, error } = useQuery(CommunityThreadDocument, { variables: { id: threadId, first: PAGE } });
  const thread = data?.thread ?? null;
  const fetchPage = useCallback(
    async (after: string) => (await client.query({ query: CommunityThreadDocument, variables: { id: threadId, first: PAGE, after }, fetchPolicy: 'network-only' })).data?.thread?.posts ?? null,
    [client, threadId],
  );
  const pages = usePages(thread?.posts, fetchPage, threadId);
  const [changed, setChanged] = useState<Record<string, CommunityPostFieldsFragment>>({});
  const [markRead] = useMutation(MarkCommunityThreadReadDocument);
  const [lock, locking] = useMutation(LockCommunityThreadDocument);
  const [join, joining] = useMutation(JoinCommunitySpaceDocument);
  const [message, setMessage] = useState<string | null>(null);
  /** The last post asked to be quoted, for the reply box (`asked` tells two quotes of one post apart). */
  const [quote, setQuote] = useState<ReplyQuote | null>(null);
  const title = thread?.title;
  // Where the viewer had read to when the page opened (opening it marks everything read).
  const [readBefore, setReadBefore] = useState<{ threadId: string; at: string | null } | null>(null);
  useEffect(() => {
    if (thread && readBefore?.threadId !== thread.id) setReadBefore({ threadId: thread.id, at: thread.lastReadAt ?? null });
  }, [thread, readBefore]);

  useEffect(() => {
    if (title) onTitle?.(title);
  }, [title, onTitle]);
  const found = !!thread;
  useEffect(() => {
    if (found && viewer) void markRead({ variables: { threadId } }).catch(() => undefined);
  }, [found, threadId, viewer?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (loading && !data) return <Skeleton lines={6} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!thread) {
    return <EmptyState title={t('thread.notFound')} headingLevel={1} action={<Link to="/community">{t('spaces.back')}</Link>} />;
  }
  const space = thread.space;
  const mayPost = !!viewer && (viewer.isAdmin || space.kind === 'COURSE' || space.isMember);
  const replying = !thread.locked && mayPost;

  async function toggleLock() {
    setMessage(null);
    try {
      await lock({ variables: { threadId, locked: !thread!.locked } });
    } catch (e) {
      setMessage(apiErrorsOf(e)[0]?.message ?? t('reply.failed'));
    }
  }

  return (
    <div className="community-thread">
      <Breadcrumbs label={t('nav.breadcrumb')} items={[{ label: t('spaces.title'), to: '/community' }, { label: space.title, to: `/community/${space.slug}` }, { label: thread.title }]} />
      <h1 id="page-title">{thread.title}</h1>
      <p>
        {thread.locked && <Badge tone="highlight">{t('thread.locked')}</Badge>}{' '}
        <span>{t('thread.postCount', { count: thread.posts.totalCount })}</span>
      </p>
      {space.canModerate && (
        <div className="community-actions" aria-label={t('thread.moderation')} role="group">
          <Button variant="secondary" size="small" disabled={locking.loading} onClick={toggleLock}>
            {thread.locked ? t('thread.unlock') : t('thread.lock')}
          </Button>
        </div>
      )}
      <FormAlert message={message} />
      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading" className="visually-hidden">{t('thread.posts')}</h2>
        <ol className="community-posts">
          {pages.nodes.map((node) => {
            const post = changed[node.id] ?? node;
            const unread = !!viewer && post.author.id !== viewer.id && readBefore?.threadId === thread.id && (!readBefore.at || post.createdAt > readBefore.at);
            return (
              <li key={post.id}>
                <PostItem
                  unread={unread}
                  post={post}
                  viewerId={viewer?.id ?? null}
                  canModerate={space.canModerate}
                  locked={thread.locked}
                  timeZone={timeZone}
                  language={language}
                  onChanged={(next) => setChanged((all) => ({ ...all, [next.id]: next }))}
                  onQuote={replying ? (quoted) => setQuote({ text: quoteMarkdown(t('post.quoteIntro', { name: quoted.author.displayName }), quoted.body), asked: Date.now() }) : undefined}
                />
              </li>
            );
          })}
        </ol>
        <LoadMore pages={pages} />
      </section>
      {thread.locked ? (
        <p className="community-locked-note">{t('thread.lockedNote')}</p>
      ) : viewer && mayPost ? (
        <ReplyBox threadId={thread.id} spaceId={space.id} userId={viewer.id} quote={quote} onPosted={(post) => (pages.hasNextPage ? undefined : pages.append(post))} />
      ) : viewer ? (
        <p>
          {t('space.joinToPost')}{' '}
          <Button size="small" disabled={joining.loading} onClick={() => void join({ variables: { spaceId: space.id } })}>
            {t('space.join')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
