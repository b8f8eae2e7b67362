import { lazy } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireSession } from '../app/require-session';

// Each page its own chunk, fetched on first visit (the shell's Suspense shows "Loading…" meanwhile).
const GrantsPage = lazy(() => import('./grants-page'));
const GrantCallPage = lazy(() => import('./grant-call-page'));
const GrantApplicationPage = lazy(() => import('./grant-application-page'));
const GrantReviewsPage = lazy(() => import('./grant-reviews-page'));
const GrantReviewPage = lazy(() => import('./grant-review-page'));
const GrantApplicationLinkPage = lazy(() => import('./grant-application-link-page'));
const AdminGrantsPage = lazy(() => import('./admin-grants-page'));
const AdminGrantCallPage = lazy(() => import('./admin-grant-call-page'));
const CaseStudiesPage = lazy(() => import('./case-studies-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

const PAGES = [
  { path: '', Page: GrantsPage },
  { path: 'reviews', Page: GrantReviewsPage },
  { path: 'reviews/:applicationId', Page: GrantReviewPage },
  { path: 'applications/:applicationId', Page: GrantApplicationLinkPage },
  { path: 'admin', Page: AdminGrantsPage },
  { path: 'admin/:id', Page: AdminGrantCallPage },
  { path: ':id', Page: GrantCallPage },
  { path: ':id/apply', Page: GrantApplicationPage },
];

/**
 * Small grants under /grants: the calls, a call and its application, the reviewer's queue and scoring
 * page, the link notifications give (applications/:id), and the admins' calls (/grants/admin). All
 * need an account; the public case studies, at /case-studies, do not.
 */
export default function GrantsRoutes() {
  // Public, signed in or not.
  if (useLocation().pathname.startsWith('/case-studies')) return <CaseStudiesPage />;
  return (
    <Routes>
      {PAGES.map(({ path, Page }) => (
        <Route key={path} path={path} element={<RequireSession><Page /></RequireSession>} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
