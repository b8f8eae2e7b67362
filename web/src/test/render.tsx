import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n, ResourceKey } from 'i18next';
import { MemoryRouter } from 'react-router';
import { Observable } from 'rxjs';
import { setUpI18n, type InterfaceLanguage } from '../app/i18n';
import { SessionProvider } from '../app/session';

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

type Responder = (operationName: string, variables: Record<string, unknown>) => { data?: unknown; errors?: GraphQLErrorShape[] };

/** An Apollo client whose "API" is a function: tests say what the server answers. */
export function fakeApi(respond: Responder) {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        calls.push({ operationName: operation.operationName ?? '', variables: operation.variables });
        observer.next(respond(operation.operationName ?? '', operation.variables) as never);
        observer.complete();
      }),
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), calls };
}

const translations = import.meta.glob<ResourceKey>('/src/**/locales/*.json', { eager: true, import: 'default' });

/**
 * The app loads a feature's translations when a route that needs them opens (app/routes.tsx); a test
 * renders the component alone, so it gets every namespace, in every language, up front.
 */
function withAllTranslations(i18n: I18n) {
  for (const [path, keys] of Object.entries(translations)) {
    const [, namespace, language] = /\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path)!;
    i18n.addResourceBundle(language, namespace, keys);
  }
  return i18n;
}

export function renderWithApp(ui: ReactNode, { client, language = 'en' }: { client: ApolloClient; language?: InterfaceLanguage }) {
  const i18n = withAllTranslations(setUpI18n(language));
  return render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <MemoryRouter>
          <Suspense fallback={null}>
            <SessionProvider load={() => import('../app/data/data-layer')}>{ui}</SessionProvider>
          </Suspense>
        </MemoryRouter>
      </ApolloProvider>
    </I18nextProvider>,
  );
}
