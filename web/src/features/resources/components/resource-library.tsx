import { useMutation, useQuery } from '@apollo/client/react';
import { LibraryResourcesDocument, RemoveResourceDocument } from '@kapwa/graphql';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { ConfirmAction } from '../../../ui/confirm-action';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { hasFilters, libraryVariables } from '../resource-filter';
import { useLibraryFilters } from '../use-library-filters';
import { ResourceCard, type ResourceView } from './resource-card';
import { ResourceFilters } from './resource-filters';

/** Resources asked for at a time; "Show more" asks for the next ones. */
export const PAGE = 30;

/** The library: filters kept in the address, the resources they find (newest first), a page at a time. */
export function ResourceLibrary({ language }: { language: string }) {
  const { t } = useTranslation('resources');
  const { filters, asked, update, clear } = useLibraryFilters();
  const variables = { ...libraryVariables(asked), first: PAGE };
  const { data, previousData, loading, error, fetchMore } = useQuery(LibraryResourcesDocument, { variables, notifyOnNetworkStatusChange: true });
  const [more, setMore] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const shown = (data ?? previousData)?.resources;
  const hasMore = !!data && data.resources.length > 0 && data.resources.length % PAGE === 0;

  async function showMore() {
    const last = data?.resources.at(-1);
    if (!last) return;
    setMore(true);
    try {
      await fetchMore({
        variables: { ...variables, after: last.id },
        updateQuery: (previous, { fetchMoreResult }) => ({ resources: [...previous.resources, ...fetchMoreResult.resources] }),
      });
    } finally {
      setMore(false);
    }
  }

  return (
    <>
      <ResourceFilters filters={filters} language={language} onChange={update} onClear={clear} />
      {error && <QueryError error={error} />}
      {!shown && loading && <Skeleton lines={4} block label={t('app:loading')} />}
      {shown && (
        <p role="status" className="resource-count">
          {t('library.count', { count: shown.length })}
        </p>
      )}
      {shown && shown.length === 0 && (
        <EmptyState title={hasFilters(filters) ? t('library.noMatch') : t('library.empty')} action={hasFilters(filters) ? <Button variant="secondary" onClick={clear}>{t('filters.clear')}</Button> : undefined} />
      )}
      {shown && shown.length > 0 && (
        <ul ref={listRef} className="resource-list" aria-label={t('library.label')}>
          {shown.map((resource) => (
            <li key={resource.id}>
              <ResourceCard resource={resource} language={language} onTag={(tag) => update({ tag })} actions={resource.viewerCanChange ? <Remove resource={resource} /> : undefined} />
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <Button variant="secondary" disabled={more} onClick={() => void showMore()}>
          {more ? t('app:loading') : t('library.more')}
        </Button>
      )}
    </>
  );
}

function Remove({ resource }: { resource: ResourceView }) {
  const { t } = useTranslation('resources');
  const [remove, { loading }] = useMutation(RemoveResourceDocument, { refetchQueries: ['LibraryResources'] });
  return (
    <ConfirmAction
      id={`remove-resource-${resource.id}`}
      ask={t('library.remove')}
      askFor={resource.title}
      question={t('library.removeQuestion', { title: resource.title })}
      confirm={t('library.removeConfirm')}
      confirming={t('library.removing')}
      keep={t('library.keep')}
      busy={loading}
      onConfirm={async () => {
        await remove({ variables: { id: resource.id } });
      }}
    />
  );
}
