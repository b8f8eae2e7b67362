import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { readToken } from '../../../app/auth-token';
import { completions } from '../../../app/offline/completion-queue';
import { offlineReader } from '../../../app/offline/offline-store';
import { useSession } from '../../../app/session';
import { savedCourse, savedLesson, type SavedCopy } from '../offline-copies';

/**
 * Whose saved copies this page may use: the signed-in person, or, when the API cannot be reached to
 * confirm the session, the person the device's copies were saved under with this very session token.
 */
export function useOfflineReader(): string | null {
  const { me } = useSession();
  const [offlineId, setOfflineId] = useState<string | null>(null);
  useEffect(() => {
    if (me) return;
    let live = true;
    void offlineReader(readToken()).then((id) => live && setOfflineId(id));
    return () => {
      live = false;
    };
  }, [me]);
  return me?.id ?? offlineId;
}

/** A query failed without the API answering: offline, or the connection dropped. */
export function isUnreachable(error: ErrorLike | undefined): boolean {
  return !!error && (!CombinedGraphQLErrors.is(error) || !navigator.onLine);
}

/** The saved copy of a course's outline or a lesson, looked up only when `wanted` (the API is out of reach). */
export function useSavedCopy<K extends 'course' | 'lesson'>(kind: K, userId: string | null, id: string, wanted: boolean) {
  type Copy = SavedCopy<K extends 'course' ? import('@kapwa/graphql').CourseQuery : import('@kapwa/graphql').LessonQuery>;
  const [copy, setCopy] = useState<{ key: string; copy: Copy | null } | null>(null);
  const key = `${userId}/${kind}/${id}`;
  useEffect(() => {
    if (!wanted || !userId) return;
    let live = true;
    const read = kind === 'course' ? savedCourse(userId, id) : savedLesson(userId, id);
    void read.then(
      (found) => live && setCopy({ key, copy: (found as Copy | undefined) ?? null }),
      () => live && setCopy({ key, copy: null }),
    );
    return () => {
      live = false;
    };
  }, [wanted, userId, id, kind, key]);
  const current = wanted && copy?.key === key ? copy.copy : null;
  return { copy: current, looking: wanted && !!userId && copy?.key !== key };
}

/** Whether the lesson was completed offline and waits to be sent. */
export function usePendingCompletion(lessonId: string): boolean {
  return useSyncExternalStore(completions.subscribe, () => completions.isPending(lessonId));
}

/** The lessons completed offline, waiting to be sent. */
export function usePendingCompletions(): ReadonlySet<string> {
  return useSyncExternalStore(completions.subscribe, completions.pendingLessons);
}
