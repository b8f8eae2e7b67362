/// <reference lib="webworker" />
import { API_PATH } from '@kapwa/shared';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

/**
 * Kapwa's service worker (built by vite-plugin-pwa, injectManifest): the app shell and what reading a saved
 * week needs precached (index.html, their hashed JS and CSS, their translations: scripts/offline-precache.ts),
 * the other hashed files kept as they are fetched, pages answered from it when the network is gone, and the
 * images of weeks saved for offline reading answered from their cache. Nothing else is cached here: the
 * lessons' text lives in IndexedDB (app/offline), the API's answers are never cached by the worker.
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
// The precache of an earlier version goes once this one is in charge.
cleanupOutdatedCaches();

// Every other file under /assets/ is named by its content, so a copy kept once is right for ever: the
// pages a learner opened while online open offline too. Older ones go when there are too many.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/') && request.method === 'GET',
  new CacheFirst({ cacheName: 'kapwa-assets', plugins: [new ExpirationPlugin({ maxEntries: 400, purgeOnQuotaError: true })] }),
);

// Every page of the app is index.html; what the API serves over plain HTTP is not.
const appPage = createHandlerBoundToURL('/index.html');
registerRoute(({ request, url }) => request.mode === 'navigate' && !API_PATH.test(url.pathname), appPage);

// A saved week's images: from the network while there is one, else from the reader's saved copies.
registerRoute(
  ({ request, url }) => request.destination === 'image' && url.origin === self.location.origin,
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      for (const name of await caches.keys()) {
        if (!name.startsWith('kapwa-saved-')) continue;
        const saved = await (await caches.open(name)).match(request);
        if (saved) return saved;
      }
      throw error;
    }
  },
);

// A new version waits until the page says the reader chose to reload ("A new version of Kapwa is ready").
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
