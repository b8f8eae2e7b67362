import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession } from '../app/require-session';

// Each page its own chunk, fetched on first visit.
const ResourcesPage = lazy(() => import('./resources-page'));
const ResourceNewPage = lazy(() => import('./resource-new-page'));
const ResourceSuggestionsPage = lazy(() => import('./resource-suggestions-page'));
const NotFoundPage = lazy(() => import('./not-found-page'));

const PAGES = [
  { path: '', Page: ResourcesPage },
  { path: 'new', Page: ResourceNewPage },
  { path: 'suggestions', Page: ResourceSuggestionsPage },
];

/**
 * The resource library under /resources: the library with its filters, adding (admins, trainers) or
 * suggesting (members) a resource, and the admins' suggestions queue. The library is for signed-in
 * members of the network: some resources concern defenders at risk.
 */
export default function ResourcesRoutes() {
  return (
    <Routes>
      {PAGES.map(({ path, Page }) => (
        <Route key={path} path={path} element={<RequireSession><Page /></RequireSession>} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
