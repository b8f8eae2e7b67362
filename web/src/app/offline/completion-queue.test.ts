import { describe, expect, test } from 'vitest';
import { completionQueue, type SendOutcome } from './completion-queue';
import type { KeyValueStore } from './offline-store';

/** The queue's store as a Map (the device's IndexedDB has the same four operations). */
function memoryStore(): KeyValueStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    set: async (key, value) => void entries.set(key, structuredClone(value)),
    del: async (key) => void entries.delete(key),
    keys: async (prefix) => [...entries.keys()].filter((key) => key.startsWith(prefix)),
  };
}

const AT = new Date('2026-03-02T10:00:00Z');

describe('lessons completed offline', () => {
  test('show as waiting at once, are sent once when the connection is back, and leave the queue', async () => {
    const store = memoryStore();
    const queue = completionQueue(store);
    await queue.add('ana', 'lesson-1', AT);
    await queue.add('ana', 'lesson-2', new Date(AT.getTime() + 1000));
    expect(queue.isPending('lesson-1')).toBe(true);

    const sends: string[] = [];
    const send = async (lessonId: string): Promise<SendOutcome> => {
      sends.push(lessonId);
      return 'sent';
    };
    // The `online` event and the app's start may flush together: one send each all the same.
    const [first, second] = await Promise.all([queue.flush('ana', send), queue.flush('ana', send)]);
    expect(first).toEqual(['lesson-1', 'lesson-2']);
    expect(second).toEqual(first);
    expect(sends).toEqual(['lesson-1', 'lesson-2']);
    expect(queue.isPending('lesson-1')).toBe(false);
    expect(store.entries.size).toBe(0);

    await queue.flush('ana', send);
    expect(sends).toHaveLength(2);
  });

  test('stay queued when the API cannot be reached, and are sent on the next try', async () => {
    const store = memoryStore();
    const queue = completionQueue(store);
    await queue.add('ana', 'lesson-1', AT);
    expect(await queue.flush('ana', async () => 'unreachable')).toEqual([]);
    expect(queue.isPending('lesson-1')).toBe(true);
    expect(await completionQueue(store).load('ana')).toEqual(['lesson-1']);

    expect(await queue.flush('ana', async () => 'sent')).toEqual(['lesson-1']);
    expect(await queue.load('ana')).toEqual([]);
  });

  test('leave the queue when the API refuses them for good (the lesson was removed)', async () => {
    const store = memoryStore();
    const queue = completionQueue(store);
    await queue.add('ana', 'gone', AT);
    expect(await queue.flush('ana', async () => 'refused')).toEqual([]);
    expect(await queue.load('ana')).toEqual([]);
  });

  test("are one person's: another person's flush neither sees nor sends them", async () => {
    const store = memoryStore();
    const queue = completionQueue(store);
    await queue.add('ana', 'lesson-1', AT);
    const sends: string[] = [];
    await queue.flush('ben', async (id) => (sends.push(id), 'sent'));
    expect(sends).toEqual([]);
    expect(await queue.load('ana')).toEqual(['lesson-1']);
  });

  test('are forgotten on sign-out: the pages stop showing them and nothing is left to send', async () => {
    const store = memoryStore();
    const queue = completionQueue(store);
    await queue.add('ana', 'lesson-1', AT);
    // Signing out wipes the device's store (wipe.ts) and resets what the pages show.
    store.entries.clear();
    queue.reset();
    expect(queue.isPending('lesson-1')).toBe(false);
    const sends: string[] = [];
    await queue.flush('ana', async (id) => (sends.push(id), 'sent'));
    expect(sends).toEqual([]);
  });
});
