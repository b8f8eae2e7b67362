import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { CompleteLessonDocument } from '@kapwa/graphql';
import { completions } from '../../../app/offline/completion-queue';
import { isUnreachable } from './use-offline';

/**
 * The enrolment (progress, status) comes back in the answer and updates every page through the cache;
 * the lesson's own tick is set here, as the mutation does not return the lesson. Offline (or when the
 * connection drops on the way), the completion is queued on the device for `userId` and sent when the
 * connection is back (app/offline/completion-queue.ts): the answer is then 'queued'.
 */
export function useCompleteLesson() {
  const [mutate, { loading }] = useMutation(CompleteLessonDocument);
  const client = useApolloClient();
  async function completeLesson(lessonId: string, userId?: string | null): Promise<'sent' | 'queued'> {
    const tick = () =>
      client.cache.modify({ id: client.cache.identify({ __typename: 'Lesson', id: lessonId }), fields: { completed: () => true } });
    const queue = async () => {
      await completions.add(userId!, lessonId);
      tick();
      return 'queued' as const;
    };
    if (userId && !navigator.onLine) return queue();
    try {
      await mutate({ variables: { lessonId }, update: tick });
      return 'sent';
    } catch (error) {
      if (userId && isUnreachable(error as ErrorLike)) return queue();
      throw error;
    }
  }
  return { completeLesson, loading };
}
