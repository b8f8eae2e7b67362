import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), 'bundle-size.mjs');
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

interface Chunk {
  /** Size in KB; random bytes, so gzip barely shrinks them. */
  kb: number;
  imports?: string[];
  isEntry?: boolean;
}

/** A built app as bundle-size.mjs reads it: a Vite manifest, its chunks, and a routes file. */
async function build(chunks: Record<string, Chunk>, pages: string[]) {
  const folder = await mkdtemp(join(tmpdir(), 'kapwa-bundle-size-'));
  folders.push(folder);
  await mkdir(join(folder, 'dist/.vite'), { recursive: true });
  await mkdir(join(folder, 'dist/assets'));
  const manifest: Record<string, object> = {};
  for (const [key, { kb, imports = [], isEntry }] of Object.entries(chunks)) {
    const file = `assets/${key.replace(/\W/g, '-')}.js`;
    await writeFile(join(folder, 'dist', file), randomBytes(kb * 1024));
    manifest[key] = { file, imports, ...(isEntry ? { isEntry } : { isDynamicEntry: true, src: key }) };
  }
  await writeFile(join(folder, 'dist/.vite/manifest.json'), JSON.stringify(manifest));
  const routes = join(folder, 'routes.tsx');
  await writeFile(routes, pages.map((page) => `  { path: '/${page}', page: page(() => import('../pages/${page}')) },`).join('\n'));
  return { dist: join(folder, 'dist'), routes };
}

function sizeCheck({ dist, routes }: { dist: string; routes: string }) {
  return new Promise<{ code: number; out: string }>((done) => {
    execFile(process.execPath, [script, dist, routes], (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

const app = (sizes: { entry: number; dataLayer: number; page: number }) => ({
  'index.html': { kb: sizes.entry, imports: ['_runtime.js'], isEntry: true },
  '_runtime.js': { kb: 1 },
  'src/app/data/data-layer.tsx': { kb: sizes.dataLayer, imports: ['index.html', '_runtime.js'] },
  'src/pages/home-page.tsx': { kb: 5, imports: ['index.html'] },
  'src/pages/course-page.tsx': { kb: sizes.page, imports: ['index.html', 'src/app/data/data-layer.tsx', '_field.js'] },
  '_field.js': { kb: 2, imports: ['index.html'] },
});

test('an app within budget passes, with both first-load figures and each route printed', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 30 }), ['home-page', 'course-page']));
  expect(out).toMatch(/First-load JS: 91\.\d KB/);
  expect(out).toMatch(/With a stored session \(\+ data layer\): 131\.\d KB/);
  // The page chunk and the chunk only it brings; the entry and data layer are already loaded.
  expect(out).toMatch(/32\.\d KB gzip {2}course-page \(2 chunks\)/);
  expect(code).toBe(0);
});

test('a first load over 150 KB with a stored session fails, though the signed-out one fits', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 100, dataLayer: 55, page: 10 }), ['home-page', 'course-page']));
  expect(out).toMatch(/first load with a stored session is over 150 KB/);
  expect(out).not.toMatch(/signed-out first load is over/);
  expect(code).toBe(1);
});

test('a signed-out first load over 150 KB fails', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 152, dataLayer: 1, page: 10 }), ['home-page']));
  expect(out).toMatch(/signed-out first load is over 150 KB/);
  expect(code).toBe(1);
});

test('a route page over 50 KB with its own imports fails and is named', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 49 }), ['home-page', 'course-page']));
  expect(out).toMatch(/the course-page route is over 50 KB/);
  expect(code).toBe(1);
});

test('a page listed in routes.tsx but missing from the build fails rather than passing unmeasured', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 10 }), ['home-page', 'lesson-page']));
  expect(out).toMatch(/src\/pages\/lesson-page\.tsx \(routes\.tsx\) is not in the manifest/);
  expect(code).toBe(1);
});
