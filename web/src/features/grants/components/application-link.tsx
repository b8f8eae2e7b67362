import { useQuery } from '@apollo/client/react';
import { GrantApplicationPlaceDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../../ui/empty-state';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';

/** Where one person works on an application: its organization's form, the admins' ranking, or the reviewer's page. */
export function applicationPlace(
  application: { id: string; call: { id: string }; organization: { id: string } },
  viewer: { organizationId: string | null; isAdmin: boolean },
): string {
  if (viewer.organizationId === application.organization.id) return `/grants/${application.call.id}/apply`;
  if (viewer.isAdmin) return `/grants/admin/${application.call.id}`;
  return `/grants/reviews/${application.id}`;
}

/**
 * The address notifications give (`/grants/applications/:id`, api/src/grants): one link for everyone it
 * concerns, sent on to where the reader works on it; said plainly when it is not (or no longer) theirs.
 */
export function ApplicationLink({ id, viewer }: { id: string; viewer: { organizationId: string | null; isAdmin: boolean } }) {
  const { t } = useTranslation('grants');
  const { data, loading, error } = useQuery(GrantApplicationPlaceDocument, { variables: { id } });
  if (loading && !data) return <Skeleton lines={3} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  const application = data?.grantApplication;
  if (!application) return <EmptyState headingLevel={1} title={t('review.gone')} action={<Link to="/grants">{t('links.calls')}</Link>} />;
  return <Navigate to={applicationPlace(application, viewer)} replace />;
}
