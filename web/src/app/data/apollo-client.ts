import { ApolloClient, ApolloLink, type ErrorLike, InMemoryCache, ServerError } from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { RetryLink } from '@apollo/client/link/retry';
import { readToken } from '../auth-token';

/**
 * Mutations the API makes safe to send twice (the second changes nothing more), so a dropped connection
 * may resend them. Others (adding, removing, signing up…) are never resent behind the person's back.
 */
export const SAFE_TO_RESEND = new Set([
  'ArchiveCourse',
  'CompleteLesson',
  'Enroll',
  'MarkNotificationsRead',
  'MoveLesson',
  'MoveModule',
  'PublishCourse',
  'RecordAttendance',
  'SetUserRoles',
  'SubmitEvaluation',
  'UpdateLesson',
  'UpdateMe',
  'UpdateModule',
]);

/** The request never got an answer (offline, connection dropped) or a proxy said the API is briefly away. */
function isPassingFailure(error: ErrorLike): boolean {
  if (ServerError.is(error)) return [502, 503, 504].includes(error.statusCode);
  return error instanceof TypeError;
}

/** Same-origin `/graphql`: the dev server and `vite preview` proxy it to the API. */
export function createApolloClient({ uri = '/graphql', fetch }: { uri?: string; fetch?: typeof globalThis.fetch } = {}) {
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
  // Learners are often on links that drop: a failed read, or a mutation that is safe to repeat, is tried
  // again up to 5 times over about 15 s before the page shows an error. Not while the device says it is
  // offline: the page shows its saved copy (or the error) at once.
  const retry = new RetryLink({
    delay: { initial: 500, max: 8_000, jitter: true },
    attempts: (count, operation, error) =>
      count <= 5 && navigator.onLine && isPassingFailure(error) && (operation.operationType === 'query' || SAFE_TO_RESEND.has(operation.operationName ?? '')),
  });
  // JSON POSTs only: Apollo Server's CSRF prevention accepts them without a preflight header.
  // BaseHttpLink is HttpLink without client-awareness headers, which the API does not read.
  const http = new BaseHttpLink({ uri, fetch, headers: { 'content-type': 'application/json' } });
  return new ApolloClient({ link: ApolloLink.from([auth, retry, http]), cache: new InMemoryCache() });
}
