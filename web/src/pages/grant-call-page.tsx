import { useQuery } from '@apollo/client/react';
import { GrantCallDetailsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { CallDetails } from '../features/grants/components/call-details';
import { EmptyState } from '../ui/empty-state';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/** One call: description, criteria, who may apply, dates, and "Apply" or why not. */
export default function GrantCallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('grants');
  const { timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(GrantCallDetailsDocument, { variables: { id } });
  const call = data?.grantCall;
  usePageTitle(call?.title ?? t('call.plainTitle'));
  if (loading && !data) return <Skeleton lines={8} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!call) return <EmptyState headingLevel={1} title={t('call.notFound')} action={<Link to="/grants">{t('links.calls')}</Link>} />;
  return (
    <article aria-labelledby="page-title" className="grants-page">
      <p className="breadcrumb">
        <Link to="/grants">{t('links.calls')}</Link>
      </p>
      <h1 id="page-title">{call.title}</h1>
      <CallDetails call={call} timeZone={timeZone} language={language} />
    </article>
  );
}
