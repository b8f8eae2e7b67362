import { lazy } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireSession } from '../app/require-session';

// Each page its own chunk, fetched on first visit (the shell's Suspense shows "Loading…" meanwhile).
const CommunityPage = lazy(() => import('./community-page'));
const CommunitySpacePage = lazy(() => import('./community-space-page'));
const CommunityThreadPage = lazy(() => import('./community-thread-page'));
const CommunitySearchPage = lazy(() => import('./community-search-page'));
const AdminModerationPage = lazy(() => import('./admin-moderation-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

const PAGES = [
  { path: '', Page: CommunityPage },
  { path: 'search', Page: CommunitySearchPage },
  { path: 'threads/:id', Page: CommunityThreadPage },
  { path: ':slug', Page: CommunitySpacePage },
];

/**
 * The community under /community: the spaces, a space, a thread, search; and the moderation queue at
 * /admin/moderation (admins, and trainers for their courses' spaces). All need an account.
 */
export default function CommunityRoutes() {
  if (useLocation().pathname.startsWith('/admin/moderation')) {
    return (
      <RequireSession>
        <AdminModerationPage />
      </RequireSession>
    );
  }
  return (
    <Routes>
      {PAGES.map(({ path, Page }) => (
        <Route key={path} path={path} element={<RequireSession><Page /></RequireSession>} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
