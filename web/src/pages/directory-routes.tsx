import { lazy } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireSession } from '../app/require-session';

// Each page its own chunk, fetched on first visit.
const DirectoryPage = lazy(() => import('./directory-page'));
const MyDirectoryProfilePage = lazy(() => import('./my-directory-profile-page'));
const OrganizationPage = lazy(() => import('./organization-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

/**
 * The alumni directory under /directory (the list, and /directory/me for one's own profile), both for
 * signed-in members; and an organization's page at /organizations/:id, open to all (its focal points
 * only to those signed in).
 */
export default function DirectoryRoutes() {
  if (useLocation().pathname.startsWith('/organizations/')) return <OrganizationPage />;
  return (
    <Routes>
      <Route path="" element={<RequireSession><DirectoryPage /></RequireSession>} />
      <Route path="me" element={<RequireSession><MyDirectoryProfilePage /></RequireSession>} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
