import { lazy } from 'react';
import { useLocation } from 'react-router';
import { RequireSession } from '../app/require-session';

// Each page its own chunk, fetched on first visit (the shell's Suspense shows "Loading…" meanwhile).
const NotificationSettingsPage = lazy(() => import('./notification-settings-page'));
const UnsubscribePage = lazy(() => import('./unsubscribe-page'));
const SpaceInvitationsPage = lazy(() => import('./space-invitations-page'));

/**
 * Notification settings (/settings/notifications), one-click unsubscribe (/unsubscribe, signed in or not)
 * and invitations into spaces after a course (/invitations/spaces), behind one entry of routes.tsx.
 */
export default function NetworkDigestsRoutes() {
  const { pathname } = useLocation();
  if (pathname.startsWith('/unsubscribe')) return <UnsubscribePage />;
  return <RequireSession>{pathname.startsWith('/invitations/spaces') ? <SpaceInvitationsPage /> : <NotificationSettingsPage />}</RequireSession>;
}
