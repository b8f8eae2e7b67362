import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { Avatar } from '../ui/avatar';
import { Icon } from '../ui/icons';
import { Brand } from '../ui/logo';
import { MenuButton } from '../ui/menu';
import { DataBoundary } from './data/data-boundary';
import { InterfaceLanguagePicker } from './interface-language-picker';
import { NAV_ITEMS, PROFILE_ITEMS, type NavItem } from './navigation';
import { escapeCounter, quickExit } from './quick-exit';
import { useSession } from './session';

// Signed-in people only, and its own chunk: the bell and its polling never weigh on the first load.
const NotificationBell = lazy(() => import('../features/notifications/components/notification-bell'));

/**
 * One header row at every width: on wide screens the brand, the main links, the bell and the profile
 * menu; on phones the links fold into a menu button. Quick exit is always in view.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app');
  const { me, end } = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const audience = me ? 'signedIn' : 'signedOut';
  const shown = (item: NavItem) =>
    item.audience === 'everyone' || item.audience === audience || (item.audience === 'admins' && !!me?.roles.includes('ADMIN'));
  const navItems = NAV_ITEMS.filter(shown);

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

  const links = (
    <ul className="nav-list">
      {navItems.map((item) => (
        <li key={item.to} className={item.audience === 'signedOut' ? 'nav-account' : undefined}>
          <NavLink to={item.to} end={item.end}>
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app:skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="app-brand">
            <Brand name={t('app:name')} />
          </Link>
          <nav aria-label={t('app:nav.label')} className="main-nav">
            {links}
          </nav>
          <div className="header-tools">
            <button type="button" className="quick-exit" onClick={() => quickExit()} title={t('app:quickExit.hint')} aria-describedby="quick-exit-hint">
              {t('app:quickExit.button')}
            </button>
            <span id="quick-exit-hint" className="visually-hidden">
              {t('app:quickExit.hint')}
            </span>
            {me && (
              <Suspense fallback={null}>
                <DataBoundary>
                  <NotificationBell />
                </DataBoundary>
              </Suspense>
            )}
            {me && (
              <MenuButton
                className="profile-menu"
                content={
                  <>
                    <Avatar name={me.displayName} seed={me.id} size="small" />
                    <span className="session-name" data-testid="session-name">
                      <span className="visually-hidden">{t('app:signedInAs')} </span>
                      {me.displayName}
                    </span>
                    <Icon name="chevronDown" size={16} />
                  </>
                }
              >
                <ul>
                  {PROFILE_ITEMS.filter(shown).map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end}>
                        {t(item.label)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
                <hr />
                <button type="button" onClick={logOut} disabled={leaving}>
                  {t('app:logOut')}
                </button>
              </MenuButton>
            )}
            <MenuButton className="phone-menu" label={t('app:nav.menu')} content={<Icon name="menu" size={22} />}>
              <nav aria-label={t('app:nav.label')}>{links}</nav>
            </MenuButton>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>{children}</Suspense>
      </main>
      <footer className="app-footer">
        <div className="app-footer-inner">
          <Brand name={t('app:name')} />
          <p>{t('app:footer')}</p>
          {!me && <InterfaceLanguagePicker />}
        </div>
      </footer>
    </>
  );
}
