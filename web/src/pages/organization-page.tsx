import { useQuery } from '@apollo/client/react';
import { OrganizationFocalPointsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { countryName, ProfileCard } from '../features/directory/components/profile-card';
import { EmptyState } from '../ui/empty-state';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import NotFoundPage from './not-found-page';
import { usePageTitle } from './use-page-title';
import '../features/directory/directory.css';

/** An organization's page: what it is and its focal points (those the viewer may see: directory.policy.ts in the API). */
export default function OrganizationPage() {
  const { t } = useTranslation('directory');
  const { id = '' } = useParams();
  const { me, isAdmin, language } = useViewer();
  const { data, loading, error } = useQuery(OrganizationFocalPointsDocument, { variables: { id } });
  const organization = data?.organization;
  usePageTitle(organization?.name ?? t('organization.title'));
  if (loading && !data) return <Skeleton lines={4} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!organization) return <NotFoundPage />;
  return (
    <section aria-labelledby="page-title" className="directory-page">
      <h1 id="page-title">{organization.name}</h1>
      <p className="lead">{t('organization.where', { country: countryName(organization.country, language) })}</p>
      <section aria-labelledby="focal-points-title">
        <h2 id="focal-points-title">{t('organization.focalPoints')}</h2>
        {!me ? (
          <p>{t('organization.signIn')}</p>
        ) : organization.focalPoints.length === 0 ? (
          <EmptyState title={t('organization.none')} headingLevel={3} />
        ) : (
          <ul className="directory-list">
            {organization.focalPoints.map((profile) => (
              <li key={profile.user.id}>
                <ProfileCard profile={profile} viewerId={me.id} isAdmin={isAdmin} language={language} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
