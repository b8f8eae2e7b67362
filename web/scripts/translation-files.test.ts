import { expect, test } from 'vitest';
import { namespaceOf, translationPaths } from './translation-files';

// Vitest runs from the web package (its root), as `pnpm --filter @kapwa/web test` does.
const web = process.cwd();
// What the app's sources hold, as Vite sees them.
const sources = Object.keys(import.meta.glob('/src/**/locales/*.json')).map((path) => path.slice(1));

test('every translation file of the sources is shipped, wherever its locales folder is (src/app/media/locales too)', () => {
  expect(sources.length).toBeGreaterThan(40);
  expect(translationPaths(web)).toEqual([...sources].sort());
});

test("a file's namespace is its locales folder's parent: the feature's name, or app, or media", () => {
  expect(namespaceOf('src/features/grants/locales/th.json')).toEqual(['grants', 'th']);
  expect(namespaceOf('src/app/locales/en.json')).toEqual(['app', 'en']);
  expect(namespaceOf('src/app/media/locales/my.json')).toEqual(['media', 'my']);
});
