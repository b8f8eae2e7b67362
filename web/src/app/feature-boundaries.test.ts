import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// Features stand beside each other: what two of them share lives in src/ui (components) or src/app
// (session, viewer, data), so a feature can change without breaking another.
const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const features = join(src, 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

test('no feature imports from another feature', () => {
  const crossings: string[] = [];
  for (const file of sourceFiles(features)) {
    const own = relative(features, file).split('/')[0];
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      const target = relative(src, resolve(dirname(file), spec)).split('/');
      if (target[0] === 'features' && target[1] !== own) crossings.push(`${relative(src, file)} → ${spec}`);
    }
  }
  expect(crossings).toEqual([]);
});

test('shared UI does not depend on any feature', () => {
  const crossings = sourceFiles(join(src, 'ui')).filter((file) => /from\s+['"][^'"]*features\//.test(readFileSync(file, 'utf8')));
  expect(crossings.map((file) => relative(src, file))).toEqual([]);
});

// Operation and fragment names become one namespace in @kapwa/graphql: two features naming a query alike
// would generate a package that does not compile, so the clash is named here first.
test('no two GraphQL documents in the app share an operation or fragment name', () => {
  const owners = new Map<string, string[]>();
  const documents = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? documents(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
    );
  for (const file of documents(src)) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/^\s*(?:query|mutation|subscription|fragment)\s+(\w+)/gm)) {
      owners.set(name, [...(owners.get(name) ?? []), relative(src, file)]);
    }
  }
  expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
});
