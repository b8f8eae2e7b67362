import { useQuery } from '@apollo/client/react';
import { GrantCallDetailsDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { ApplicationForm } from '../features/grants/components/application-form';
import { CallTime, ClosingCountdown } from '../features/grants/components/call-times';
import { EmptyState } from '../ui/empty-state';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/**
 * The viewer's organization's application to a call: the draft form while the call is open, the sent
 * application (and its decision) afterwards. Colleagues of the organization share the one draft.
 */
export default function GrantApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('grants');
  const { timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(GrantCallDetailsDocument, { variables: { id } });
  const call = data?.grantCall;
  usePageTitle(call ? t('form.pageTitle', { title: call.title }) : t('call.plainTitle'));
  if (loading && !data) return <Skeleton lines={8} label={t('app:loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!call) return <EmptyState headingLevel={1} title={t('call.notFound')} action={<Link to="/grants">{t('links.calls')}</Link>} />;
  const application = call.myApplications[0] ?? null;
  const canEdit = application ? application.status === 'DRAFT' && call.myEligibility.canApply : call.myEligibility.canApply;
  return (
    <article aria-labelledby="page-title" className="grants-page narrow-wide">
      <p className="breadcrumb">
        <Link to={`/grants/${call.id}`}>{call.title}</Link>
      </p>
      <h1 id="page-title">{t('form.pageTitle', { title: call.title })}</h1>
      {call.status === 'OPEN' && (
        <p className="grant-meta">
          <ClosingCountdown closesAt={call.closesAt} /> · {t('list.closesAt')}{' '}
          <CallTime at={call.closesAt} timeZone={timeZone} callTimeZone={call.timeZone} language={language} />
        </p>
      )}
      {application && application.status !== 'DRAFT' ? (
        <ApplicationForm callId={call.id} callTimeZone={call.timeZone} application={application} organizations={call.myEligibility.organizations} timeZone={timeZone} language={language} />
      ) : canEdit ? (
        <ApplicationForm callId={call.id} callTimeZone={call.timeZone} application={application} organizations={call.myEligibility.organizations} timeZone={timeZone} language={language} />
      ) : (
        <p role="alert" className="grant-reason" data-testid="apply-reason">
          {call.myEligibility.reason ?? t('call.cannotApply')}
        </p>
      )}
    </article>
  );
}
