import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PATH } from '@kapwa/shared';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';
import { ConfigError } from '../config/config.js';

/** The paths the API answers itself; every other GET a browser makes for a page is the web app's. */
export { API_PATH };

/**
 * Headers of the web app's own files (index.html, bundles, icons), as nginx sends them in Docker
 * (docker/nginx-security-headers.conf, which a test compares): helmet's defaults, meant for the API's
 * answers, would refuse the media player's blob: addresses and upgrade every request of a page opened
 * over plain HTTP (a demo on a local network) to HTTPS.
 */
export const WEB_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Vite names every file under /assets/ by its content (bundles, styles, translations), so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the files at the root (icons, manifest, service worker) keep their names across releases. */
const REVALIDATE = 'no-cache';

function webHeaders(res: ServerResponse, cacheControl: string): void {
  for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cache-Control', cacheControl);
}

/**
 * Serves the built web app (WEB_DIST, e.g. web/dist) from the API's own origin, as `pnpm start` does:
 * one process, no proxy. Every answer, the API's included, is compressed (brotli or gzip) when the client
 * asks for it; a client that does not gets it as before. Hashed assets are cached for a year, everything
 * else is revalidated, and a browser asking for a page of the app (a deep link) gets index.html.
 *
 * Two steps, because the hashed assets come before the API's security headers and request log
 * (`assets`) and everything else after (`pages`): see createApp.
 */
export function webApp(dist: string): { assets(app: NestExpressApplication): void; pages(app: NestExpressApplication): void } {
  const root = resolve(dist);
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new ConfigError(`WEB_DIST=${dist} has no index.html: build the web app first (pnpm build).`);
  return {
    assets(app) {
      // Byte ranges of a compressed answer would be ranges of the compressed bytes: leave those alone.
      app.use(compression({ filter: (req, res) => !req.headers.range && compression.filter(req, res) }));
      // Scripts, styles, translations and fonts named by their content: nothing in them is personal and
      // nothing runs them as a page, so the page's security headers (~0.8 KB on each of the dozens of files
      // a first visit fetches, on links where every KB counts) are left to the pages. Never revalidated, so
      // no ETag or Last-Modified either; nosniff stays, so a file is never run as what it is not.
      const files = serveStatic(join(root, 'assets'), {
        index: false,
        fallthrough: true,
        etag: false,
        lastModified: false,
        acceptRanges: false,
        setHeaders: (res) => {
          res.setHeader('Cache-Control', IMMUTABLE);
          res.setHeader('X-Content-Type-Options', 'nosniff');
        },
      });
      app.use('/assets', files, (_req: Request, res: Response) => {
        // A missing bundle is a 404, never index.html: a script that is HTML would fail in a way nobody can read.
        res.status(404).type('text/plain').send('Not found');
      });
    },
    pages(app) {
      const rootFiles = serveStatic(root, { index: false, redirect: false, fallthrough: true, setHeaders: (res) => webHeaders(res, REVALIDATE) });
      app.use((req: Request, res: Response, next: NextFunction) => (API_PATH.test(req.path) ? next() : rootFiles(req, res, next)));

      // A page of the app (a deep link, a reload): what a browser asks for when it navigates. A script or a
      // fetch for a file that is not there gets the API's 404 instead.
      app.use((req: Request, res: Response, next: NextFunction) => {
        const page = req.path === '/' || /\btext\/html\b/.test(req.headers.accept ?? '');
        if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path) || !page) {
          next();
          return;
        }
        webHeaders(res, REVALIDATE);
        res.sendFile(index, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }, (error) => error && next(error));
      });
    },
  };
}
