import { useQuery } from '@apollo/client/react';
import { DirectoryPeopleDocument, type DirectoryFilter } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { ProfileCard } from './profile-card';

export const DIRECTORY_PAGE_SIZE = 50;

interface Props {
  filter: DirectoryFilter;
  viewerId: string | null;
  isAdmin: boolean;
  language: string;
}

/** The people the filter finds, by name, a page at a time ("Show more" asks for the next after the last shown). */
export function DirectoryResults(props: Props) {
  // Each page begins after the last person of the one before; the first after nobody.
  const [starts, setStarts] = useState<(string | null)[]>([null]);
  return (
    <div className="directory-results">
      {starts.map((after, index) => (
        <ResultsPage key={after ?? 'first'} {...props} after={after} first={index === 0} last={index === starts.length - 1} onMore={(next) => setStarts((s) => [...s, next])} />
      ))}
    </div>
  );
}

function ResultsPage({ filter, viewerId, isAdmin, language, after, first, last, onMore }: Props & { after: string | null; first: boolean; last: boolean; onMore(after: string): void }) {
  const { t } = useTranslation('directory');
  const { data, loading, error } = useQuery(DirectoryPeopleDocument, { variables: { filter, first: DIRECTORY_PAGE_SIZE, after } });
  if (loading && !data) return <Skeleton lines={4} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const people = data?.directory ?? [];
  if (first && people.length === 0) return <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>;
  return (
    <>
      <ul className="directory-list" aria-label={first ? t('list.results') : undefined}>
        {people.map((profile) => (
          <li key={profile.user.id}>
            <ProfileCard profile={profile} viewerId={viewerId} isAdmin={isAdmin} language={language} />
          </li>
        ))}
      </ul>
      {last && people.length === DIRECTORY_PAGE_SIZE && (
        <Button variant="secondary" onClick={() => onMore(people[people.length - 1].user.id)}>
          {t('list.more')}
        </Button>
      )}
    </>
  );
}
