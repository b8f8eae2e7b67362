import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useSession } from './session';
import { DataBoundary } from './data/data-boundary';
import { InterfaceLanguagePicker } from './interface-language-picker';
import { NAV_ITEMS } from './navigation';
import { escapeCounter, quickExit } from './quick-exit';

// Signed-in people only, and its own chunk: the bell and its polling never weigh on the first load.
const NotificationBell = lazy(() => import('../features/notifications/components/notification-bell'));

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app');
  const { me, end } = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const audience = me ? 'signedIn' : 'signedOut';
  const shown = (item: (typeof NAV_ITEMS)[number]) =>
    item.audience === 'everyone' || item.audience === audience || (item.audience === 'admins' && !!me?.roles.includes('ADMIN'));

  useEffect(() => {
    // Capture phase: a dialog or field that handles Escape itself cannot swallow the exit.
    const onKey = escapeCounter(() => quickExit());
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  async function logOut() {
    setLeaving(true);
    try {
      await end();
      void navigate('/');
    } finally {
      setLeaving(false);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app:skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <button type="button" className="quick-exit" onClick={() => quickExit()} title={t('app:quickExit.hint')} aria-describedby="quick-exit-hint">
            {t('app:quickExit.button')}
          </button>
          <span id="quick-exit-hint" className="visually-hidden">
            {t('app:quickExit.hint')}
          </span>
          <Link to="/" className="app-name">
            {t('app:name')}
          </Link>
          <nav aria-label={t('app:nav.label')}>
            <ul className="nav-list">
              {NAV_ITEMS.filter(shown).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {me && (
            <div className="session">
              <Suspense fallback={null}>
                <DataBoundary>
                  <NotificationBell />
                </DataBoundary>
              </Suspense>
              <span className="session-name" data-testid="session-name">
                <span className="visually-hidden">{t('app:signedInAs')} </span>
                {me.displayName}
              </span>
              <button type="button" className="button-secondary" onClick={logOut} disabled={leaving}>
                {t('app:logOut')}
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>{children}</Suspense>
      </main>
      <footer className="app-footer">
        {!me && <InterfaceLanguagePicker />}
        <p>{t('app:footer')}</p>
      </footer>
    </>
  );
}
