import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApi, type TestApi } from '../testing/test-app.js';
import { API_PATH, WEB_SECURITY_HEADERS } from './web-app.js';

// The API serving a built web app (WEB_DIST), as `pnpm start` runs it: real HTTP, real files.
const INDEX = '<!doctype html><html><head><title>Kapwa</title><script type="module" src="/assets/ab12cd3.js"></script></head><body><div id="root"></div></body></html>';
const BUNDLE = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word number ${i}`))};\n`;
const TRANSLATION = JSON.stringify(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, `A sentence for key ${i}`])));

let api: TestApi;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kapwa-web-dist-'));
  const file = (path: string, text: string) => {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  };
  file('index.html', INDEX);
  file('assets/ab12cd3.js', BUNDLE);
  file('assets/t/0a1b2c3d/courses/en.json', TRANSLATION);
  file('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  file('manifest.webmanifest', '{"name":"Kapwa"}');
  file('sw.js', 'self.addEventListener("fetch", () => {});');
  file('.vite/manifest.json', '{}');
  api = await startTestApi({ WEB_DIST: dist });
});

afterAll(async () => {
  await api?.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, still compressed. */
  raw: Buffer;
  /** The body decoded. */
  text: string;
}

/** One request with exactly these headers: node:http adds no Accept-Encoding of its own (fetch would). */
function request(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${api.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, raw, text: decoded.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const page = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the API serving the built web app (WEB_DIST)', () => {
  it('sends a hashed bundle gzipped or brotli-compressed when asked, cached for a year', async () => {
    const gzip = await request('/assets/ab12cd3.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gzip.headers['content-type']).toMatch(/javascript/);
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gzip.text).toBe(BUNDLE);
    expect(gzip.raw.length).toBeLessThan(BUNDLE.length / 2);
    // Only the headers a script needs: the page's security headers stay with the pages.
    expect(gzip.headers['x-content-type-options']).toBe('nosniff');
    expect(gzip.headers['content-security-policy']).toBeUndefined();
    expect(gzip.headers.etag).toBeUndefined();

    const brotli = await request('/assets/ab12cd3.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.text).toBe(BUNDLE);

    const plain = await request('/assets/ab12cd3.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString('utf8')).toBe(BUNDLE);
  });

  it('caches the hashed translation files for a year too', async () => {
    const answer = await request('/assets/t/0a1b2c3d/courses/en.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(JSON.parse(answer.text)).toEqual(JSON.parse(TRANSLATION));
  });

  it('answers a missing bundle with a 404, not with index.html', async () => {
    for (const accept of ['*/*', page.accept]) {
      const answer = await request('/assets/missing.js', { headers: { accept } });
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('<div id="root">');
    }
  });

  it('sends index.html at / and for every page of the app, revalidated on each visit, with the security headers nginx sends', async () => {
    for (const path of ['/', '/courses/x/lessons/y', '/community/threads/42?tab=new', '/log-in']) {
      const answer = await request(path, { headers: { ...page, 'accept-encoding': 'gzip' } });
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(INDEX);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()]).toBe(value);
    }
  });

  it('never caches the files at the root for long: icons, manifest, service worker', async () => {
    for (const path of ['/favicon.svg', '/manifest.webmanifest', '/sw.js']) {
      const answer = await request(path);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
    const missing = await request('/registerSW.js', { headers: { accept: '*/*' } });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('does not serve the build manifest', async () => {
    const answer = await request('/.vite/manifest.json', { headers: page });
    expect(answer.text).not.toBe('{}');
  });

  it('keeps the API paths the API’s, even for a browser asking for a page', async () => {
    const health = await request('/health', { headers: page });
    expect(health.text).not.toContain('<div id="root">');
    expect(health.status).toBe(200);
    const myData = await request('/my-data', { headers: page });
    expect(myData.status).toBe(401);
    expect(myData.text).toBe('Log in to download your data.');
    const gradebook = await request('/courses/x/gradebook.csv', { headers: page });
    expect(gradebook.text).not.toContain('<div id="root">');
  });

  it('answers GraphQL as before, compressed only for a client that asks', async () => {
    const query = JSON.stringify({ query: '{ __schema { types { name } } }' });
    const headers = { 'content-type': 'application/json' };
    const plain = await request('/graphql', { method: 'POST', headers, body: query });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.raw.toString('utf8')).data.__schema.types.length).toBeGreaterThan(10);

    const gzip = await request('/graphql', { method: 'POST', headers: { ...headers, 'accept-encoding': 'gzip' }, body: query });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gzip.text)).toEqual(JSON.parse(plain.raw.toString('utf8')));
  });

  it('counts every route of the API among its paths, so no page fallback can hide one', () => {
    const router = api.app.getHttpAdapter().getInstance().router as { stack: { route?: { path: string } }[] };
    const routes = router.stack.map((layer) => layer.route?.path).filter((path): path is string => !!path);
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) expect([route, API_PATH.test(route.replace(/:\w+/g, 'x'))]).toEqual([route, true]);
  });
});

describe('docker/nginx-security-headers.conf', () => {
  it('sends the same headers for the web app as the API does', () => {
    const conf = readFileSync(new URL('../../../../docker/nginx-security-headers.conf', import.meta.url), 'utf8');
    const headers = Object.fromEntries([...conf.matchAll(/^add_header ([\w-]+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]));
    expect(headers).toEqual(WEB_SECURITY_HEADERS);
  });
});
