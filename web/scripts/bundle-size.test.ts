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
  dynamicImports?: string[];
  isEntry?: boolean;
}

/**
 * A built app as bundle-size.mjs reads it: a Vite manifest and its chunks, and the sources that import
 * pages lazily (`sources`: file under src → the pages it imports with `import('…')`).
 */
async function build(chunks: Record<string, Chunk>, sources: Record<string, string[]>) {
  const folder = await mkdtemp(join(tmpdir(), 'kapwa-bundle-size-'));
  folders.push(folder);
  await mkdir(join(folder, 'dist/.vite'), { recursive: true });
  await mkdir(join(folder, 'dist/assets'));
  const manifest: Record<string, object> = {};
  for (const [key, { kb, imports = [], dynamicImports = [], isEntry }] of Object.entries(chunks)) {
    const file = `assets/${key.replace(/\W/g, '-')}.js`;
    await writeFile(join(folder, 'dist', file), randomBytes(kb * 1024));
    manifest[key] = { file, imports, dynamicImports, ...(isEntry ? { isEntry } : { isDynamicEntry: true, src: key }) };
  }
  await writeFile(join(folder, 'dist/.vite/manifest.json'), JSON.stringify(manifest));
  for (const [file, pages] of Object.entries(sources)) {
    await mkdir(join(folder, 'src', dirname(file)), { recursive: true });
    const prefix = file.startsWith('pages/') ? './' : '../pages/';
    await writeFile(join(folder, 'src', file), pages.map((page) => `const P = lazy(() => import('${prefix}${page}'));`).join('\n'));
  }
  return { dist: join(folder, 'dist'), src: join(folder, 'src') };
}

function sizeCheck({ dist, src }: { dist: string; src: string }) {
  return new Promise<{ code: number; out: string }>((done) => {
    execFile(process.execPath, [script, dist, src], (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

const ROUTES = { 'app/routes.tsx': ['home-page', 'course-page', 'community-routes'], 'pages/community-routes.tsx': ['thread-page'] };

const app = (sizes: { entry: number; dataLayer: number; page: number; thread?: number; planner?: number }) => ({
  'index.html': {
    kb: sizes.entry,
    imports: ['_runtime.js'],
    isEntry: true,
    dynamicImports: ['src/app/data/data-layer.tsx', 'src/pages/home-page.tsx', 'src/pages/course-page.tsx', 'src/pages/community-routes.tsx'],
  },
  '_runtime.js': { kb: 1 },
  'src/app/data/data-layer.tsx': { kb: sizes.dataLayer, imports: ['index.html', '_runtime.js'] },
  'src/pages/home-page.tsx': { kb: 5, imports: ['index.html'] },
  'src/pages/course-page.tsx': {
    kb: sizes.page,
    imports: ['index.html', 'src/app/data/data-layer.tsx', '_field.js'],
    dynamicImports: ['src/features/courses/session-planner.tsx'],
  },
  'src/features/courses/session-planner.tsx': { kb: sizes.planner ?? 5, imports: ['_field.js', '_calendar.js'] },
  '_calendar.js': { kb: 3 },
  '_field.js': { kb: 2, imports: ['index.html'] },
  // A page of a sub-route file: only reached through that file's chunk.
  'src/pages/community-routes.tsx': { kb: 1, imports: ['index.html'], dynamicImports: ['src/pages/thread-page.tsx'] },
  'src/pages/thread-page.tsx': { kb: sizes.thread ?? 10, imports: ['index.html', '_field.js'] },
});

test('an app within budget passes, with both first-load figures and each lazily loaded page and part printed', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 30 }), ROUTES));
  expect(out).toMatch(/First-load JS: 91\.\d KB/);
  expect(out).toMatch(/With a stored session \(\+ data layer\): 131\.\d KB/);
  // The page chunk and the chunk only it brings; the entry and data layer are already loaded.
  expect(out).toMatch(/32\.\d KB gzip {2}course-page \(2 chunks\)/);
  // A page of a sub-route file, with that file's chunk that following a link to it also fetches.
  expect(out).toMatch(/13\.\d KB gzip {2}community-routes › thread-page \(3 chunks\)/);
  // A part a page loads lazily: what opening it adds to the page.
  expect(out).toMatch(/8\.\d KB gzip {2}course-page › session-planner \(part\) \(2 chunks\)/);
  expect(code).toBe(0);
});

test('a first load over 150 KB with a stored session fails, though the signed-out one fits', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 100, dataLayer: 55, page: 10 }), ROUTES));
  expect(out).toMatch(/first load with a stored session is over 150 KB/);
  expect(out).not.toMatch(/signed-out first load is over/);
  expect(code).toBe(1);
});

test('a signed-out first load over 150 KB fails', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 152, dataLayer: 1, page: 10 }), ROUTES));
  expect(out).toMatch(/signed-out first load is over 150 KB/);
  expect(code).toBe(1);
});

test('a route page over 50 KB with its own imports fails and is named', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 49 }), ROUTES));
  expect(out).toMatch(/the course-page route is over 50 KB/);
  expect(code).toBe(1);
});

test('a page of a sub-route file over 50 KB fails too', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 10, thread: 49 }), ROUTES));
  expect(out).toMatch(/the thread-page route is over 50 KB/);
  expect(code).toBe(1);
});

test('a part loaded lazily inside a page over 50 KB fails', async () => {
  const { code, out } = await sizeCheck(await build(app({ entry: 90, dataLayer: 40, page: 10, planner: 51 }), ROUTES));
  expect(out).toMatch(/the session-planner part is over 50 KB/);
  expect(code).toBe(1);
});

test('a page imported lazily in the sources but missing from the build fails rather than passing unmeasured', async () => {
  const { code, out } = await sizeCheck(
    await build(app({ entry: 90, dataLayer: 40, page: 10 }), { ...ROUTES, 'pages/community-routes.tsx': ['thread-page', 'search-page'] }),
  );
  expect(out).toMatch(/src\/pages\/search-page\.tsx \(imported lazily in .*pages\/community-routes\.tsx\) is not in the manifest/);
  expect(code).toBe(1);
});
