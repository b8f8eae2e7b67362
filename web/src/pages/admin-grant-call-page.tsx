import { useMutation, useQuery } from '@apollo/client/react';
import { AdminGrantCallDocument, OpenGrantCallDocument } from '@kapwa/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { toFormErrors } from '../app/forms/api-errors';
import { useViewer } from '../app/use-viewer';
import { AdminOnly } from '../features/admin/components/admin-only';
import { ApplicationsRanking } from '../features/grants/components/applications-ranking';
import { CallEditor } from '../features/grants/components/call-editor';
import { CallTime } from '../features/grants/components/call-times';
import { CallStatusBadge } from '../features/grants/components/status-badges';
import { Button } from '../ui/button';
import { FormAlert } from '../ui/field';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/**
 * Admins: a call's editor while it is a draft and "Open call", then its applications ranked, with
 * reviewers and decisions. `/grants/admin/new` starts a call.
 */
export default function AdminGrantCallPage() {
  const { id = 'new' } = useParams();
  const { t } = useTranslation('grants');
  usePageTitle(t('admin.callTitle'));
  return (
    <AdminOnly>
      <article aria-labelledby="page-title" className="grants-page">
        <p className="breadcrumb">
          <Link to="/grants/admin">{t('admin.title')}</Link>
        </p>
        {id === 'new' ? <NewCall /> : <ExistingCall id={id} />}
      </article>
    </AdminOnly>
  );
}

function NewCall() {
  const { t } = useTranslation('grants');
  const { timeZone } = useViewer();
  const navigate = useNavigate();
  return (
    <>
      <h1 id="page-title">{t('admin.newCall')}</h1>
      <CallEditor call={null} defaultTimeZone={timeZone} onSaved={(call) => void navigate(`/grants/admin/${call.id}`, { replace: true })} />
    </>
  );
}

function ExistingCall({ id }: { id: string }) {
  const { t } = useTranslation('grants');
  const { t: tApp } = useTranslation('app');
  const { timeZone, language } = useViewer();
  const { data, loading, error } = useQuery(AdminGrantCallDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [open, { loading: opening }] = useMutation(OpenGrantCallDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const call = data?.grantCall;
  if (loading && !data) return <Skeleton lines={8} label={tApp('loading')} />;
  if (error && !data) return <QueryError error={error} />;
  if (!call) return <h1 id="page-title">{t('call.notFound')}</h1>;
  const times = { timeZone, callTimeZone: call.timeZone, language };

  async function openCall() {
    setProblem(null);
    try {
      await open({ variables: { callId: id } });
    } catch (e) {
      setProblem(toFormErrors(e, tApp, { fields: [], fieldMessage: (_, m) => m }).form);
    }
  }

  return (
    <>
      <h1 id="page-title">
        {call.title} <CallStatusBadge status={call.status} />
      </h1>
      <p className="grant-meta">
        {t('call.opensAt')} <CallTime at={call.opensAt} {...times} /> · {t('call.closesAt')} <CallTime at={call.closesAt} {...times} />
      </p>
      {call.status === 'DRAFT' ? (
        <>
          <section aria-labelledby="open-heading" className="grant-open">
            <h2 id="open-heading">{t('admin.openHeading')}</h2>
            <p>{t('admin.openHint')}</p>
            <FormAlert message={problem} />
            <Button onClick={() => void openCall()} disabled={opening}>
              {opening ? t('admin.opening') : t('admin.open')}
            </Button>
          </section>
          <CallEditor key={call.id} call={call} defaultTimeZone={timeZone} onSaved={() => undefined} />
        </>
      ) : (
        <>
          <p>
            <Link to={`/grants/${call.id}`}>{t('admin.publicPage')}</Link>
          </p>
          <section aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t('ranking.heading')}</h2>
            <ApplicationsRanking call={call} applications={call.applications} language={language} />
          </section>
        </>
      )}
    </>
  );
}
