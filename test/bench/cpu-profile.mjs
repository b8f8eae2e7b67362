// Reads a V8 CPU profile (node --cpu-prof) and says where the time went: self time by package and by
// function, as shares of the samples. Used by the benchmarks when BENCH_PROFILE=1.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Which package a script belongs to: node_modules/<name>, the API's own code, or Node itself. */
function packageOf(url) {
  if (!url) return '(native / idle / GC)';
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.includes('/api/dist/')) return 'kapwa api';
  if (url.startsWith('node:')) return 'node';
  return url;
}

export async function summarizeProfile(directory, { top = 12 } = {}) {
  const files = (await readdir(directory)).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return `no profile in ${directory}`;
  const profile = JSON.parse(await readFile(join(directory, files[0]), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byPackage = new Map();
  const byFunction = new Map();
  let busy = 0;
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += time;
    const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
    const name = `${functionName || '(anonymous)'} ${pkg}${url && !url.startsWith('node:') ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  }
  const table = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => `  ${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  return `CPU profile of the API (${(busy / 1e6).toFixed(1)} s busy), self time by package:\n${table(byPackage)}\nby function:\n${table(byFunction)}`;
}
