import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { QueryError } from '../../../ui/query-error';
import type { usePages } from '../use-pages';

/** Below a list kept by usePages: "Load more" while there is a next page, and what went wrong fetching it. */
export function LoadMore({ pages }: { pages: Pick<ReturnType<typeof usePages>, 'hasNextPage' | 'loading' | 'loadMore' | 'error'> }) {
  const { t } = useTranslation('community');
  return (
    <>
      {pages.hasNextPage && (
        <Button variant="secondary" disabled={pages.loading} onClick={() => void pages.loadMore()}>
          {t('list.loadMore')}
        </Button>
      )}
      {pages.error ? <QueryError error={pages.error} /> : null}
    </>
  );
}
