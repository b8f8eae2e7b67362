import { useQuery } from '@apollo/client/react';
import { CommunitySpacesDocument, type CommunitySpaceFieldsFragment } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { JoinButton } from './join-button';

const KINDS = ['COURSE', 'THEME', 'COUNTRY', 'NETWORK'] as const;

/** Every space the viewer reads, grouped by kind, joined or not, each with Join; the moderation queue for those who moderate one. */
export function SpacesList() {
  const { t } = useTranslation('community');
  const { data, loading, error } = useQuery(CommunitySpacesDocument, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Skeleton lines={6} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const spaces = data?.spaces ?? [];
  if (!spaces.length) return <EmptyState title={t('spaces.none')} />;
  const groups = KINDS.map((kind) => ({ kind, spaces: spaces.filter((s) => s.kind === kind) })).filter((g) => g.spaces.length);
  return (
    <div className="community-spaces">
      {spaces.some((space) => space.canModerate) && (
        <p>
          <Link to="/admin/moderation">{t('moderation.title')}</Link>
        </p>
      )}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
          <h2 id={`kind-${group.kind}`}>{t(`kinds.${group.kind}`)}</h2>
          <ul className="community-space-list">
            {group.spaces.map((space: CommunitySpaceFieldsFragment) => (
              <li key={space.id}>
                <h3>
                  <Link to={`/community/${space.slug}`}>{space.title}</Link>
                </h3>
                {space.description && <p>{space.description}</p>}
                <JoinButton space={space} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
