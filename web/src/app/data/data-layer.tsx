import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MeDocument, type MeFieldsFragment } from '@kapwa/graphql';
import type { ReactNode } from 'react';
import { hasErrorCode } from '../forms/api-errors';
import { forgetOnQuickExit } from '../quick-exit';
import { createApolloClient } from './apollo-client';

/**
 * Everything that talks GraphQL, in one chunk fetched on demand: a signed-out visitor reading the
 * home page never downloads Apollo; a page that needs data (routes.tsx: `data: true`) or a stored
 * session loads it. The Apollo cache remains the app's state.
 */
let client: ApolloClient | undefined;

forgetOnQuickExit(() => {
  client?.stop();
  void client?.clearStore();
});

export function apolloClient(): ApolloClient {
  return (client ??= createApolloClient());
}

/** Lets tests put a client with a mock link in place. */
export function setApolloClientForTests(testClient: ApolloClient) {
  client = testClient;
}

export function DataProvider({ children }: { children: ReactNode }) {
  return <ApolloProvider client={apolloClient()}>{children}</ApolloProvider>;
}

export interface MeWatch {
  /** The signed-in user; null when the API does not accept the token. */
  onMe(me: MeFieldsFragment | null): void;
  /** The API could not be reached or failed; the token may still be good. */
  onError(error: unknown): void;
}

/** Follows `me` in the cache, so a profile change shows in the shell at once. */
export function watchMe({ onMe, onError }: MeWatch): () => void {
  const subscription = apolloClient()
    .watchQuery({ query: MeDocument })
    .subscribe({
      next: (result) => {
        if (result.error) {
          if (hasErrorCode(result.error, 'UNAUTHENTICATED')) onMe(null);
          else onError(result.error);
        } else if (result.dataState === 'complete') {
          onMe(result.data.me);
        }
      },
      error: (error: unknown) => (hasErrorCode(error, 'UNAUTHENTICATED') ? onMe(null) : onError(error)),
    });
  return () => subscription.unsubscribe();
}

/** Saved weeks and queued completions (app/offline), loaded when needed: not in the first load. */
const offline = () => import('../offline/sync');

/**
 * A new identity: nothing fetched by (or for) the previous one may survive, in memory or on the device
 * (another person's saved weeks and queued completions are forgotten).
 */
export async function startSessionData(user: MeFieldsFragment, token: string) {
  const c = apolloClient();
  await c.clearStore();
  c.writeQuery({ query: MeDocument, data: { me: user } });
  await (await offline()).startOfflineSession(user.id, token, c);
}

export async function endSessionData() {
  await Promise.all([client?.clearStore(), offline().then((sync) => sync.endOfflineSession())]);
}

// Lessons completed offline are sent at start and whenever the connection comes back.
if (typeof window !== 'undefined') void offline().then((sync) => sync.startCompletionSync(apolloClient));
