/**
 * Forgetting what this device keeps for offline reading (saved weeks, the queue of lessons completed
 * offline, their images). Both stores are asynchronous and the page may be gone before they finish, so a
 * mark in localStorage (written at once, also by quick exit itself) says a wipe is owed: nothing saved is
 * shown while it is there, and the next start finishes it.
 */
export const OFFLINE_DB = 'kapwa-offline';
export const SAVED_CACHE_PREFIX = 'kapwa-saved-';
const OWED = 'kapwa.offline-wipe';

export function offlineWipeOwed(): boolean {
  try {
    return localStorage.getItem(OWED) !== null;
  } catch {
    return false;
  }
}

export function wipeOfflineCopies(): Promise<void> {
  try {
    localStorage.setItem(OWED, '1');
  } catch {
    // no storage: nothing was saved either
  }
  const database = new Promise<void>((done) => {
    try {
      const request = indexedDB.deleteDatabase(OFFLINE_DB);
      request.onsuccess = request.onerror = () => done();
    } catch {
      done();
    }
  });
  const media = (globalThis.caches?.keys() ?? Promise.resolve([]))
    .then((names) => Promise.all(names.filter((name) => name.startsWith(SAVED_CACHE_PREFIX)).map((name) => caches.delete(name))))
    .catch(() => {});
  return Promise.all([database, media]).then(() => {
    try {
      localStorage.removeItem(OWED);
    } catch {
      // nothing to remove
    }
  });
}
