import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import { CompleteLessonDocument } from '@kapwa/graphql';
import { readToken } from '../auth-token';
import { forgetOnQuickExit } from '../quick-exit';
import { completions } from './completion-queue';
import { claimOfflineCopies, offlineReader } from './offline-store';
import { wipeOfflineCopies } from './wipe';

forgetOnQuickExit(() => completions.reset());

/** Someone signed in: the device's copies become theirs (another person's are forgotten). */
export async function startOfflineSession(userId: string, token: string, client: ApolloClient): Promise<void> {
  completions.reset();
  await claimOfflineCopies(userId, token).catch(() => wipeOfflineCopies());
  void syncCompletions(client).catch(() => {});
}

/** Signing out forgets the saved weeks and the completions not sent yet. */
export async function endOfflineSession(): Promise<void> {
  completions.reset();
  await wipeOfflineCopies();
}

/**
 * Sends the lessons completed offline (completion-queue.ts), for the person the device's copies belong
 * to when the stored session is theirs; then asks again for what the open pages show, so "waiting to be
 * sent" gives way to the API's word.
 */
export async function syncCompletions(client: ApolloClient): Promise<void> {
  const userId = await offlineReader(readToken());
  if (!userId) return;
  await completions.load(userId);
  if (!navigator.onLine || completions.pendingLessons().size === 0) return;
  const sent = await completions.flush(userId, async (lessonId) => {
    try {
      await client.mutate({
        mutation: CompleteLessonDocument,
        variables: { lessonId },
        update: (cache) => cache.modify({ id: cache.identify({ __typename: 'Lesson', id: lessonId }), fields: { completed: () => true } }),
      });
      return 'sent';
    } catch (error) {
      return CombinedGraphQLErrors.is(error) ? 'refused' : 'unreachable';
    }
  });
  if (sent.length > 0 || completions.pendingLessons().size === 0) await client.refetchObservableQueries();
}

let started = false;

/** At app start and on each `online` event. */
export function startCompletionSync(client: () => ApolloClient): void {
  if (started) return;
  started = true;
  const sync = () => void syncCompletions(client()).catch(() => {});
  window.addEventListener('online', sync);
  sync();
}
