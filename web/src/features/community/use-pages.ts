import { useCallback, useEffect, useState } from 'react';

export interface Page<T> {
  nodes: readonly T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A keyset-paginated list with "Load more": the first page from the page's query, each further page
 * fetched after the last cursor and appended. Pages never shift while people post (the API's cursors
 * are positions, not offsets), and a node seen twice is shown once. `key` starts over (another space).
 */
export function usePages<T extends { id: string }>(first: Page<T> | undefined, fetchPage: (after: string) => Promise<Page<T> | null>, key: string) {
  const [more, setMore] = useState<{ key: string; nodes: T[]; cursor: string | null; hasNextPage: boolean } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setMore(null);
    setError(null);
  }, [key]);
  const extra = more?.key === key ? more : null;
  const seen = new Set<string>();
  const nodes = [...(first?.nodes ?? []), ...(extra?.nodes ?? [])].filter((node) => (seen.has(node.id) ? false : (seen.add(node.id), true)));
  const cursor = extra ? extra.cursor : (first?.pageInfo.endCursor ?? null);
  const hasNextPage = extra ? extra.hasNextPage : !!first?.pageInfo.hasNextPage;

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(cursor);
      if (page) setMore((previous) => ({ key, nodes: [...(previous?.key === key ? previous.nodes : []), ...page.nodes], cursor: page.pageInfo.endCursor ?? null, hasNextPage: page.pageInfo.hasNextPage }));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [cursor, fetchPage, key]);

  /** A node made here (a reply just posted) joins the end once every page is shown. */
  const append = useCallback(
    (node: T) => setMore((previous) => {
      const base = previous?.key === key ? previous : { key, nodes: [], cursor: first?.pageInfo.endCursor ?? null, hasNextPage: !!first?.pageInfo.hasNextPage };
      return { ...base, nodes: [...base.nodes, node] };
    }),
    [first, key],
  );

  return { nodes, hasNextPage, loadMore, loading, error, append };
}
