// Prints the gzip size of the JavaScript a browser fetches, and exits non-zero over budget (DESIGN.md:
// first-load JS ≤ 150 KB gzip, routes split). Run after `vite build`:
// `node scripts/bundle-size.mjs [dist folder] [routes file]` (defaults: web/dist, web/src/app/routes.tsx).
//
// - First load, signed out: the entry chunk and everything it imports statically.
// - First load with a stored session: that plus the data layer (Apollo Client) chunk and its imports,
//   which the session check fetches at once.
// - Each page of src/app/routes.tsx: its lazy chunk plus the chunks it imports that neither figure above
//   already brought, i.e. what following a link to it costs.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const FIRST_LOAD_BUDGET_KB = 150;
const ROUTE_BUDGET_KB = 50;

const web = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(web, 'dist'));
const routesFile = resolve(process.argv[3] ?? join(web, 'src/app/routes.tsx'));

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

// Route pages.
const routes = (await readFile(routesFile, 'utf8'))
  .split('\n')
  .map((line) => /import\('\.\.\/pages\/([\w-]+)'\)/.exec(line)?.[1])
  .filter(Boolean);
if (routes.length === 0) failures.push(`no pages found in ${routesFile}`);
const rows = [];
for (const page of new Set(routes)) {
  const key = `src/pages/${page}.tsx`;
  if (!manifest[key]) {
    failures.push(`${key} (routes.tsx) is not in the manifest`);
    continue;
  }
  const own = minus(closure([key]), firstLoad, dataLayer);
  rows.push({ page, chunks: own.size, bytes: await total(own) });
}
console.log(`\nRoute pages (page chunk + imports not already loaded; budget ${ROUTE_BUDGET_KB} KB each):`);
for (const { page, chunks, bytes } of rows.sort((a, b) => b.bytes - a.bytes)) {
  console.log(`  ${kb(bytes)} gzip  ${page} (${chunks} chunk${chunks === 1 ? '' : 's'})`);
  if (bytes / 1024 > ROUTE_BUDGET_KB) failures.push(`the ${page} route is over ${ROUTE_BUDGET_KB} KB`);
}

if (failures.length) {
  console.error(`\nOver budget: ${failures.join('; ')}.`);
  process.exit(1);
}
