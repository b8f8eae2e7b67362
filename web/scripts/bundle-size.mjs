// Prints the gzip size of the JavaScript a browser fetches, and exits non-zero over budget (DESIGN.md:
// first-load JS ≤ 150 KB gzip, routes split). Run after `vite build`:
// `node scripts/bundle-size.mjs [dist folder] [sources folder]` (defaults: web/dist, web/src).
//
// - First load, signed out: the entry chunk and everything it imports statically.
// - First load with a stored session: that plus the data layer (Apollo Client) chunk and its imports,
//   which the session check fetches at once.
// - Each lazily loaded page (src/app/routes.tsx's and those of the pages' sub-route files) and lazily
//   loaded part: its chunk plus the chunks it imports that neither figure above nor the chunks on the way
//   to it already brought, i.e. what following a link to it costs.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const FIRST_LOAD_BUDGET_KB = 150;
const ROUTE_BUDGET_KB = 50;

const web = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(web, 'dist'));
const srcDir = resolve(process.argv[3] ?? join(web, 'src'));

const manifest = JSON.parse(
  await readFile(join(dist, '.vite/manifest.json'), 'utf8').catch(() => {
    console.error(`No ${join(dist, '.vite/manifest.json')}: run \`pnpm --filter @kapwa/web build\` first.`);
    process.exit(1);
  }),
);

/** Manifest keys of a chunk and everything it imports statically. */
function closure(keys, into = new Set()) {
  for (const key of keys) {
    if (into.has(key)) continue;
    if (!manifest[key]) throw new Error(`The manifest has no chunk ${key}`);
    into.add(key);
    closure(manifest[key].imports ?? [], into);
  }
  return into;
}

const gzipOf = new Map();
async function gzipSize(key) {
  const file = manifest[key].file;
  if (!gzipOf.has(file)) {
    const code = await readFile(join(dist, file));
    gzipOf.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  }
  return gzipOf.get(file);
}
const isJs = (key) => manifest[key].file.endsWith('.js');
async function total(keys) {
  let sum = 0;
  for (const key of keys) if (isJs(key)) sum += (await gzipSize(key)).gzip;
  return sum;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
const minus = (keys, ...loaded) => new Set([...keys].filter((key) => !loaded.some((set) => set.has(key))));

async function printChunks(keys) {
  const rows = [];
  for (const key of keys) if (isJs(key)) rows.push({ file: manifest[key].file, ...(await gzipSize(key)) });
  for (const { file, raw, gzip } of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(gzip)} gzip ${kb(raw)} raw  ${file}`);
}

const failures = [];

// Signed out.
const firstLoad = closure(Object.keys(manifest).filter((key) => manifest[key].isEntry));
const firstLoadBytes = await total(firstLoad);
console.log('First load, signed out:');
await printChunks(firstLoad);
console.log(`First-load JS: ${kb(firstLoadBytes).trim()} gzip (budget ${FIRST_LOAD_BUDGET_KB} KB)`);
if (firstLoadBytes / 1024 > FIRST_LOAD_BUDGET_KB) failures.push(`the signed-out first load is over ${FIRST_LOAD_BUDGET_KB} KB`);

// Signed in.
const dataLayerKey = Object.keys(manifest).find((key) => key.endsWith('src/app/data/data-layer.tsx'));
const dataLayer = dataLayerKey ? minus(closure([dataLayerKey]), firstLoad) : new Set();
const signedInBytes = firstLoadBytes + (await total(dataLayer));
console.log('\nAdded with a stored session (data layer):');
await printChunks(dataLayer);
console.log(`With a stored session (+ data layer): ${kb(signedInBytes).trim()} gzip (budget ${FIRST_LOAD_BUDGET_KB} KB)`);
if (!dataLayerKey) failures.push('the data layer (src/app/data/data-layer.tsx) is not in the manifest');
if (signedInBytes / 1024 > FIRST_LOAD_BUDGET_KB) failures.push(`the first load with a stored session is over ${FIRST_LOAD_BUDGET_KB} KB`);

// Lazily loaded chunks: every page (those of src/app/routes.tsx and those of the pages' own sub-route
// files, e.g. src/pages/community-routes.tsx) and every part a page loads lazily (the media player…).
// Walked through the manifest's dynamic imports from the entry, so none is missed: each costs its chunk
// and the imports that neither the first load nor the data layer already brought, plus those of the
// chunks on the way to it (a page's sub-route file; the page a lazy part is in).
const isPage = (key) => key.startsWith('src/pages/');
const lazy = new Map(); // key → { via: the lazy chunks on the way, cost: what opening it fetches }
const queue = [...firstLoad].map((key) => ({ from: key, loaded: firstLoad, via: [], fetched: new Set() }));
while (queue.length) {
  const { from, loaded, via, fetched } = queue.shift();
  for (const key of manifest[from].dynamicImports ?? []) {
    if (lazy.has(key) || key === dataLayerKey || loaded.has(key)) continue;
    const own = minus(closure([key]), loaded, dataLayer);
    // A page costs what following a link to it fetches, its sub-route file included; a part loaded lazily
    // inside a page (the session planner of the course editor) what opening it adds to that page.
    const cost = isPage(key) ? new Set([...fetched, ...own]) : own;
    lazy.set(key, { via, cost });
    const now = new Set([...loaded, ...own]);
    for (const next of own) queue.push({ from: next, loaded: now, via: [...via, key], fetched: cost });
  }
}

// Every page some source file imports lazily must have been measured.
const pageName = (key) => key.replace(/^.*\//, '').replace(/\.[jt]sx?$/, '');
for (const { page, file } of await lazyPageImports(srcDir)) {
  const key = `src/pages/${page}.tsx`;
  if (!manifest[key]) failures.push(`${key} (imported lazily in ${file}) is not in the manifest`);
  else if (!lazy.has(key) && !firstLoad.has(key)) failures.push(`${key} (imported lazily in ${file}) was not reached from the entry`);
}
if (lazy.size === 0) failures.push('no lazily loaded chunk found in the manifest');

const rows = [];
for (const [key, { via, cost }] of lazy) {
  const page = isPage(key);
  rows.push({ label: [...via, key].map(pageName).join(' › ') + (page ? '' : ' (part)'), name: pageName(key), page, chunks: cost.size, bytes: await total(cost) });
}
console.log(`\nLazily loaded pages and parts (what opening each fetches beyond the first load and data layer; budget ${ROUTE_BUDGET_KB} KB each):`);
for (const { label, name, page, chunks, bytes } of rows.sort((a, b) => b.bytes - a.bytes)) {
  console.log(`  ${kb(bytes)} gzip  ${label} (${chunks} chunk${chunks === 1 ? '' : 's'})`);
  if (bytes / 1024 > ROUTE_BUDGET_KB) failures.push(`the ${name} ${page ? 'route' : 'part'} is over ${ROUTE_BUDGET_KB} KB`);
}

/** `import('…')` of a file in src/pages, in any source file: the pages the app loads lazily. */
async function lazyPageImports(dir) {
  const found = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    for (const [, specifier] of (await readFile(file, 'utf8')).matchAll(/import\('(\.{1,2}\/[^']+)'\)/g)) {
      const target = relative(dir, resolve(dirname(file), specifier));
      if (/^pages\/[\w-]+$/.test(target)) found.push({ page: target.slice('pages/'.length), file: relative(web, file) });
    }
  }
  return found;
}

if (failures.length) {
  console.error(`\nOver budget: ${failures.join('; ')}.`);
  process.exit(1);
}
