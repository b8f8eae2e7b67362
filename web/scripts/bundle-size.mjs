// Prints the gzip size of the JavaScript a browser fetches on the first page load: the entry chunk
// and everything it imports statically (lazy route chunks are excluded). Run after `vite build`.
// Exits non-zero above the budget (DESIGN.md: first-load JS ≤ 150 KB gzip).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8').catch(() => {
  console.error('No dist/.vite/manifest.json: run `pnpm --filter @kapwa/web build` first.');
  process.exit(1);
}));

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
const seen = new Set();
function collect(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) collect(imported);
}
entries.forEach(collect);

let total = 0;
const rows = [];
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const code = await readFile(join(dist, file));
  const gzip = gzipSync(code, { level: 9 }).length;
  total += gzip;
  rows.push([file, code.length, gzip]);
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + ' KB';
for (const [file, raw, gzip] of rows.sort((a, b) => b[2] - a[2])) console.log(`${kb(gzip)} gzip ${kb(raw)} raw  ${file}`);
console.log(`First-load JS: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);

// Not part of the first load, but fetched right after it when a stored session is found: the data
// layer (Apollo Client) chunk and what it imports.
const dataLayer = Object.keys(manifest).find((key) => key.endsWith('app/data/data-layer.tsx'));
if (dataLayer) {
  const before = new Set(seen);
  collect(dataLayer);
  let extra = 0;
  for (const key of seen) {
    if (before.has(key) || !manifest[key].file.endsWith('.js')) continue;
    extra += gzipSync(await readFile(join(dist, manifest[key].file)), { level: 9 }).length;
  }
  console.log(`With a stored session (+ data layer): ${((total + extra) / 1024).toFixed(1)} KB gzip`);
}
if (total / 1024 > BUDGET_KB) process.exit(1);
