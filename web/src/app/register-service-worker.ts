import type { i18n as I18n } from 'i18next';
import { offlineWipeOwed, wipeOfflineCopies } from './offline/wipe';
import { forgetOnQuickExit } from './quick-exit';

/**
 * Loaded after the page has loaded (main.tsx), so none of it is in the first load. Registers the service
 * worker (src/sw.ts) that keeps the app shell for offline reading, and offers a new version when one is
 * deployed: "A new version of Kapwa is ready — Reload". A reload brings the new worker in charge; the old
 * precache is cleaned by the worker.
 */
export function registerServiceWorker(i18n: I18n): void {
  // Quick exit deletes what was saved for offline reading; a quick exit whose page closed first is
  // finished here.
  forgetOnQuickExit(() => void wipeOfflineCopies());
  if (offlineWipeOwed()) void wipeOfflineCopies();
  // A page's chunk gone after a deploy (this tab started on the previous version): reload, once a
  // minute at most, so the new index.html names the new chunks instead of the page breaking.
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem('kapwa.reloadedAt'));
    if (Date.now() - last < 60_000) return;
    sessionStorage.setItem('kapwa.reloadedAt', String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/', updateViaCache: 'none' })
    .then((registration) => {
      // A worker already waiting (deployed while this tab was closed), or one found later.
      if (registration.waiting && navigator.serviceWorker.controller) offerReload(i18n, registration.waiting);
      registration.addEventListener('updatefound', () => {
        const incoming = registration.installing;
        incoming?.addEventListener('statechange', () => {
          if (incoming.state === 'installed' && navigator.serviceWorker.controller) offerReload(i18n, incoming);
        });
      });
      // Look for a new version when the reader comes back to the tab (and hourly while it stays open).
      const check = () => void registration.update().catch(() => {});
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
      setInterval(check, 60 * 60 * 1000);
    })
    .catch(() => {
      // No worker (private mode, blocked): the app works online as before.
    });
}

let reloading = false;

function offerReload(i18n: I18n, waiting: ServiceWorker) {
  if (document.querySelector('.update-bar')) return;
  const t = i18n.getFixedT(null, 'app');
  const bar = document.createElement('div');
  bar.className = 'update-bar';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = t('update.ready');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-primary btn-small';
  button.textContent = t('update.reload');
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  bar.append(text, ' ', button);
  document.body.append(bar);
}
