import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** "features/accounts/locales/th.json" → ["accounts", "th"]; "app/locales/en.json" → ["app", "en"]. */
export function namespaceOf(path: string): [namespace: string, language: string] {
  const match = /(?:^|[\\/])([^\\/]+)[\\/]locales[\\/]([^\\/]+)\.json$/.exec(path);
  if (!match) throw new Error(`Unexpected translation file ${path}`);
  return [match[1], match[2]];
}

/**
 * Translation files travel as JSON files beside the bundle, not as JavaScript chunks: a chunk per
 * namespace × language put one entry per file in the first load's preload map (~20 bytes gzip each,
 * a hundred files), while files at a predictable address need only the folder's name.
 *
 * - Build: every `src/**\/locales/<lng>.json` becomes `assets/t/<version>/<namespace>/<lng>.json`, the
 *   version being a hash of all of them, so the folder is immutable and cached for ever like the
 *   bundle (nginx's /assets/ rule), and a release with changed text gets a new folder.
 * - Dev: the same files are served from the source tree at `/locales/<namespace>/<lng>.json`.
 * `__KAPWA_TRANSLATIONS__` (define) is the folder the app fetches from (see app/i18n.ts).
 */
export function translationFiles(root: string): Plugin {
  const sources = () =>
    translationPaths(root).map((path) => ({ path, namespace: namespaceOf(path), text: readFileSync(join(root, path), 'utf8') }));
  let version = '';
  return {
    name: 'kapwa:translation-files',
    config(_, { command }) {
      const files = sources();
      const hash = createHash('sha256');
      for (const { path, text } of files) hash.update(`${path}\0${text}\0`);
      version = hash.digest('hex').slice(0, 10);
      return { define: { __KAPWA_TRANSLATIONS__: JSON.stringify(command === 'build' ? `/assets/t/${version}` : '/locales') } };
    },
    generateBundle() {
      for (const { namespace: [ns, lng], text } of sources()) {
        this.emitFile({ type: 'asset', fileName: `assets/t/${version}/${ns}/${lng}.json`, source: JSON.stringify(JSON.parse(text)) });
      }
    },
    configureServer(server) {
      server.middlewares.use('/locales', (request, response, next) => {
        const match = /^\/([\w-]+)\/([\w-]+)\.json$/.exec(request.url?.split('?')[0] ?? '');
        const file = match && sources().find(({ namespace: [ns, lng] }) => ns === match[1] && lng === match[2]);
        if (!file) return next();
        response.setHeader('content-type', 'application/json');
        response.end(file.text);
      });
    },
  };
}

/** Every `locales/<lng>.json` under `src`, at any depth (`src/app/media/locales` too), relative to `root`, sorted. */
export function translationPaths(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = `${folder}/${entry.name}`;
      if (entry.name === 'locales') found.push(...readdirSync(join(root, path)).filter((name) => name.endsWith('.json')).map((name) => `${path}/${name}`));
      else walk(path);
    }
  };
  walk('src');
  return found.sort();
}
