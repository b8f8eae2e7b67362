import { lazy, type ReactNode } from 'react';

const LazyDataProvider = lazy(() => import('./data-layer').then((m) => ({ default: m.DataProvider })));

/** Wraps a page that uses GraphQL hooks; suspends while the data layer chunk loads. */
export function DataBoundary({ children }: { children: ReactNode }) {
  return <LazyDataProvider>{children}</LazyDataProvider>;
}

export const loadDataLayer = () => import('./data-layer');
export type DataLayer = Awaited<ReturnType<typeof loadDataLayer>>;
