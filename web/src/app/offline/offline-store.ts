import { offlineWipeOwed, OFFLINE_DB, SAVED_CACHE_PREFIX, wipeOfflineCopies } from './wipe';

/**
 * What a reader saved for offline reading, in IndexedDB on this device: GraphQL answers (a course's
 * outline, its lessons), which weeks were saved and when, and the lessons completed while offline.
 * Every key starts with the person's id, and the device keeps one person's copies at a time: another
 * person signing in, signing out and quick exit forget them all (wipe.ts). Each operation opens the
 * database and closes it after, so nothing holds it open and a wipe is never blocked.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Keys starting with `prefix`. */
  keys(prefix: string): Promise<string[]>;
}

const STORE = 'kept';

function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(OFFLINE_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      // Another tab wiping: let it.
      db.onversionchange = () => db.close();
      const transaction = db.transaction(STORE, mode);
      const request = use(transaction.objectStore(STORE));
      transaction.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error ?? request.error);
      };
    };
  });
}

/** The device's IndexedDB; answers nothing while a wipe is owed. */
export const deviceStore: KeyValueStore = {
  get: async <T>(key: string) => (offlineWipeOwed() ? undefined : ((await withStore('readonly', (s) => s.get(key))) as T | undefined)),
  set: async (key, value) => {
    if (offlineWipeOwed()) await wipeOfflineCopies();
    await withStore('readwrite', (s) => s.put(value, key));
  },
  del: async (key) => {
    await withStore('readwrite', (s) => s.delete(key));
  },
  keys: async (prefix) =>
    offlineWipeOwed()
      ? []
      : ((await withStore('readonly', (s) => s.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))) as string[]),
};

/** The Cache Storage cache holding one person's saved images (the service worker answers from it offline). */
export const savedMediaCache = (userId: string) => `${SAVED_CACHE_PREFIX}${userId}`;

interface Owner {
  userId: string;
  /** SHA-256 of the session token the copies were saved under: offline, the token says whose they are. */
  tokenHash: string;
}
const OWNER = 'owner';

export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Someone signed in (or the session was confirmed): the device's copies become theirs. Another person's
 * copies are forgotten first.
 */
export async function claimOfflineCopies(userId: string, token: string, store: KeyValueStore = deviceStore): Promise<void> {
  const owner = await store.get<Owner>(OWNER);
  if (owner && owner.userId !== userId) await wipeOfflineCopies();
  await store.set(OWNER, { userId, tokenHash: await tokenHash(token) } satisfies Owner);
}

/**
 * Whose copies this device may show, without asking the API (it may be out of reach): the owner's, when
 * the stored session token is the one they were saved under. Null otherwise.
 */
export async function offlineReader(token: string | null, store: KeyValueStore = deviceStore): Promise<string | null> {
  if (!token) return null;
  try {
    const owner = await store.get<Owner>(OWNER);
    return owner && owner.tokenHash === (await tokenHash(token)) ? owner.userId : null;
  } catch {
    return null;
  }
}
