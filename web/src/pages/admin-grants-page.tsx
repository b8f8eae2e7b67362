import { useQuery } from '@apollo/client/react';
import { AdminGrantCallsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { AdminOnly } from '../features/admin/components/admin-only';
import { AdminCallList } from '../features/grants/components/admin-call-list';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/** Admins: every grant call, drafts included, and a new one. */
export default function AdminGrantsPage() {
  const { t } = useTranslation('grants');
  const { timeZone, language } = useViewer();
  usePageTitle(t('admin.title'));
  return (
    <AdminOnly>
      <section aria-labelledby="page-title" className="grants-page">
        <h1 id="page-title">{t('admin.title')}</h1>
        <AdminCalls timeZone={timeZone} language={language} />
      </section>
    </AdminOnly>
  );
}

function AdminCalls({ timeZone, language }: { timeZone: string; language: string }) {
  const { t } = useTranslation('grants');
  const { data, loading, error } = useQuery(AdminGrantCallsDocument, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Skeleton lines={4} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  return <AdminCallList calls={data?.grantCalls ?? []} timeZone={timeZone} language={language} />;
}
