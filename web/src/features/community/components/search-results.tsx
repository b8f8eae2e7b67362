import { useApolloClient, useQuery } from '@apollo/client/react';
import { CommunitySearchDocument } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { Snippet } from '../snippet';
import { usePages } from '../use-pages';
import { LoadMore } from './load-more';

const PAGE = 20;

/** Posts matching `query` that the viewer may read, newest first, each with its highlighted excerpt. */
export function SearchResults({ query, timeZone, language }: { query: string; timeZone: string; language: string }) {
  const { t } = useTranslation('community');
  const client = useApolloClient();
  const { data, loading, error } = useQuery(CommunitySearchDocument, { variables: { query, first: PAGE } });
  const fetchPage = useCallback(
    async (after: string) => (await client.query({ query: CommunitySearchDocument, variables: { query, first: PAGE, after }, fetchPolicy: 'network-only' })).data?.searchPosts ?? null,
    [client, query],
  );
  const pages = usePages(data?.searchPosts, fetchPage, query);
  if (loading && !data) return <Skeleton lines={4} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const total = data?.searchPosts.totalCount ?? 0;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{total > 1000 ? t('search.manyResults') : t('search.results', { count: total })}</h2>
      <ol className="community-results">
        {pages.nodes.map((post) => (
          <li key={post.id}>
            <h3>
              <Link to={`/community/threads/${post.thread.id}#post-${post.id}`}>{post.thread.title}</Link>
            </h3>
            <p className="community-meta">
              {post.thread.space.title} · {post.author.displayName} · {formatInstant(new Date(post.createdAt), timeZone, language)}
            </p>
            {post.snippet && (
              <p>
                <Snippet snippet={post.snippet} />
              </p>
            )}
          </li>
        ))}
      </ol>
      <LoadMore pages={pages} />
    </section>
  );
}
