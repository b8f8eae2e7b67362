import { deviceStore, type KeyValueStore } from './offline-store';

/**
 * "Mark complete" pressed while offline: the lesson is kept on the device, shown as completed (waiting to
 * be sent) at once, and sent once the connection is back (the `online` event, and at app start). The
 * API's completeLesson is idempotent (completing twice changes nothing), so a send whose answer was lost
 * is safe to repeat. An entry leaves the queue when the API has answered: done, or refused for good
 * (a lesson removed, an enrolment ended); a failed connection keeps it for the next try.
 */
export interface QueuedCompletion {
  lessonId: string;
  /** When "Mark complete" was pressed (ISO 8601). */
  queuedAt: string;
}

/** What sending one completion came to. */
export type SendOutcome = 'sent' | 'refused' | 'unreachable';

const prefixOf = (userId: string) => `${userId}/completion/`;

export function completionQueue(store: KeyValueStore = deviceStore) {
  const listeners = new Set<() => void>();
  let pending = new Set<string>();
  const running = new Map<string, Promise<string[]>>();

  function publish(next: Set<string>) {
    pending = next;
    for (const listener of listeners) listener();
  }

  async function entries(userId: string): Promise<QueuedCompletion[]> {
    const keys = await store.keys(prefixOf(userId));
    const found = await Promise.all(keys.map((key) => store.get<QueuedCompletion>(key)));
    return found.filter((entry): entry is QueuedCompletion => !!entry).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  /** Reads the person's queue, so the pages show their waiting completions. */
  async function load(userId: string): Promise<string[]> {
    const ids = (await entries(userId)).map((entry) => entry.lessonId);
    publish(new Set(ids));
    return ids;
  }

  async function add(userId: string, lessonId: string, now = new Date()): Promise<void> {
    await store.set(`${prefixOf(userId)}${lessonId}`, { lessonId, queuedAt: now.toISOString() } satisfies QueuedCompletion);
    publish(new Set([...pending, lessonId]));
  }

  /**
   * Sends the person's queued completions, oldest first, each once; stops at the first that cannot reach
   * the API. A flush already under way for the person is joined, not repeated. Returns the lessons sent.
   */
  function flush(userId: string, send: (lessonId: string) => Promise<SendOutcome>): Promise<string[]> {
    const current = running.get(userId);
    if (current) return current;
    const run = (async () => {
      const sent: string[] = [];
      for (const entry of await entries(userId)) {
        const outcome = await send(entry.lessonId);
        if (outcome === 'unreachable') break;
        await store.del(`${prefixOf(userId)}${entry.lessonId}`);
        if (outcome === 'sent') sent.push(entry.lessonId);
        const next = new Set(pending);
        next.delete(entry.lessonId);
        publish(next);
      }
      return sent;
    })().finally(() => running.delete(userId));
    running.set(userId, run);
    return run;
  }

  return {
    load,
    add,
    flush,
    /** Forgets what the pages show (the stored entries go with the device's wipe). */
    reset: () => publish(new Set()),
    isPending: (lessonId: string) => pending.has(lessonId),
    pendingLessons: () => pending,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export type CompletionQueue = ReturnType<typeof completionQueue>;

/** The device's queue, shared by the lesson page and the sync in the data layer. */
export const completions = completionQueue();
