import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { DataBoundary } from '../app/data/data-boundary';
import { SignedOutHome } from '../features/welcome/components/signed-out-home';
import { usePageTitle } from './use-page-title';

// Only signed-in people see it: its chunk (and the data layer) stay off the signed-out first load.
const Dashboard = lazy(() => import('./dashboard'));

export default function HomePage() {
  const { me, loading } = useSession();
  const { t } = useTranslation('app');
  usePageTitle(me ? t('dashboard.title') : t('home.title'));
  if (loading) return <p className="loading">{t('loading')}</p>;

  if (me) {
    return (
      <Suspense fallback={<p className="loading">{t('loading')}</p>}>
        <DataBoundary>
          <Dashboard />
        </DataBoundary>
      </Suspense>
    );
  }
  return <SignedOutHome />;
}
