import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { readToken } from '../auth-token';

/** Same-origin `/graphql`: the dev server and `vite preview` proxy it to the API. */
export function createApolloClient(link?: ApolloLink) {
  // The token is read per request, so logging in or out needs no new client.
  const auth = new ApolloLink((operation, forward) => {
    const token = readToken();
    if (token) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  // JSON POSTs only: Apollo Server's CSRF prevention accepts them without a preflight header.
  // BaseHttpLink is HttpLink without client-awareness headers, which the API does not read.
  const http = new BaseHttpLink({ uri: '/graphql', headers: { 'content-type': 'application/json' } });
  return new ApolloClient({
    link: link ?? ApolloLink.from([auth, http]),
    cache: new InMemoryCache(),
  });
}
