import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { DataBoundary } from '../app/data/data-boundary';
import { SignedOutHome } from '../features/welcome/components/signed-out-home';
import { usePageTitle } from './use-page-title';

// Only signed-in people see it: its chunk (and the data layer) stay off the signed-out first load.
const MyLearningSummary = lazy(() => import('../features/courses/components/my-learning-summary'));
const UpcomingSessions = lazy(() => import('../features/live-sessions/components/upcoming-sessions'));

export default function HomePage() {
  const { me, loading } = useSession();
  const { t } = useTranslation('app');
  usePageTitle(me ? t('dashboard.title') : t('home.title'));
  if (loading) return <p className="loading">{t('loading')}</p>;

  if (me) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('dashboard.welcome', { name: me.displayName })}</h1>
        <p>{t('dashboard.intro')}</p>
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <DataBoundary>
            <UpcomingSessions />
            <MyLearningSummary />
          </DataBoundary>
        </Suspense>
        <p>
          <Link to="/profile">{t('dashboard.editProfile')}</Link>
        </p>
      </section>
    );
  }
  return <SignedOutHome />;
}
