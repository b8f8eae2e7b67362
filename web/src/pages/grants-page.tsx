import { useQuery } from '@apollo/client/react';
import { GrantsOverviewDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { GrantsOverview } from '../features/grants/components/grants-overview';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/** Small grants: open calls with the time left, past calls, and the viewer's organization's applications. */
export default function GrantsPage() {
  const { t } = useTranslation('grants');
  const { me, timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(GrantsOverviewDocument);
  usePageTitle(t('list.title'));
  return (
    <section aria-labelledby="page-title" className="grants-page">
      <h1 id="page-title">{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      {loading && !data ? <Skeleton lines={6} label={t('app:loading')} /> : error && !data ? <QueryError error={error} /> : data && <GrantsOverview data={data} timeZone={timeZone} language={language} roles={me?.roles ?? []} />}
    </section>
  );
}
