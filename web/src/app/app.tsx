import type { i18n as I18n } from 'i18next';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from './session';
import { AppShell } from './app-shell';
import { DataBoundary, loadDataLayer } from './data/data-boundary';
import { RequireSession } from './require-session';
import { RouteNamespaces } from './route-namespaces';
import { ROUTES } from './routes';

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
        {/* Outer fallback: only while a non-English language file is fetched on first paint. */}
        <Suspense fallback={null}>
          <BrowserRouter>
            <SessionProvider>
              <AppShell>
                <Routes>
                  {ROUTES.map(({ path, page: Page, requiresSession, data, ns }) => {
                    let element = <Page />;
                    if (data) element = <DataBoundary>{element}</DataBoundary>;
                    if (ns?.length) {
                      const preload = () => {
                        void Page.preload();
                        if (data) void loadDataLayer();
                      };
                      element = (
                        <RouteNamespaces ns={ns} preload={preload}>
                          {element}
                        </RouteNamespaces>
                      );
                    }
                    if (requiresSession) element = <RequireSession>{element}</RequireSession>;
                    return <Route key={path} path={path} element={element} />;
                  })}
                </Routes>
              </AppShell>
            </SessionProvider>
          </BrowserRouter>
        </Suspense>
    </I18nextProvider>
  );
}
