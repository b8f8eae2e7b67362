import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { DataBoundary } from '../app/data/data-boundary';
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
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p className="actions">
        <Link className="button" to="/sign-up">
          {t('home.signUp')}
        </Link>
        <Link className="button button-secondary" to="/log-in">
          {t('home.logIn')}
        </Link>
      </p>
      <p className="small">{t('home.privacy')}</p>
    </section>
  );
}
