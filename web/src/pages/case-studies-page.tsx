import { useQuery } from '@apollo/client/react';
import { CaseStudiesDocument } from '@kapwa/graphql';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/use-viewer';
import { CaseStudyList } from '../features/grants/components/case-study-list';
import { QueryError } from '../ui/query-error';
import { Skeleton } from '../ui/skeleton';
import { usePageTitle } from './use-page-title';
import '../features/grants/grants.css';

/** Public: awarded projects whose organizations agreed to show their film. No account needed. */
export default function CaseStudiesPage() {
  const { t } = useTranslation('grants');
  const { language } = useViewer();
  const { data, loading, error } = useQuery(CaseStudiesDocument);
  usePageTitle(t('caseStudies.title'));
  return (
    <section aria-labelledby="page-title" className="grants-page">
      <h1 id="page-title">{t('caseStudies.title')}</h1>
      <p className="lead">{t('caseStudies.intro')}</p>
      {loading && !data ? <Skeleton lines={6} label={t('app:loading')} /> : error && !data ? <QueryError error={error} /> : <CaseStudyList caseStudies={data?.caseStudies ?? []} language={language} />}
    </section>
  );
}
