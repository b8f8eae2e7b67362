import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/**
 * graphql-codegen writes every operation document into one module (`@kapwa/graphql`'s generated.ts).
 * A bundler never splits a module between chunks, so that module became one shared chunk of all ~40
 * documents, fetched by the data layer for `Me` alone (and by every page for its one or two queries).
 * At build time this serves each `export const XDocument = {…}` as a module of its own: each document
 * then travels with the code that uses it. The generated file, its types and its imports stay as they are.
 */
const GENERATED = /[\\/]packages[\\/]graphql[\\/]src[\\/]generated\.ts$/;
const DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
const PREFIX = '\0kapwa-graphql-document:';

export function splitGraphqlDocuments(): Plugin {
  const documents = new Map<string, string>();
  return {
    name: 'kapwa:split-graphql-documents',
    apply: 'build',
    async load(id) {
      if (id.startsWith(PREFIX)) {
        const name = id.slice(PREFIX.length);
        return `export const ${name} = ${documents.get(name)};\n`;
      }
      if (!GENERATED.test(id)) return null;
      const source = await readFile(id, 'utf8');
      const reexports: string[] = [];
      for (const [, name, json] of source.matchAll(DOCUMENT)) {
        documents.set(name, json);
        reexports.push(`export { ${name} } from ${JSON.stringify(PREFIX + name)};`);
      }
      // Anything else that exists at run time would be lost here: fail the build rather than ship without it.
      const rest = source.replace(DOCUMENT, '');
      const unexpected = /^export (?!type\b)(?:declare )?(?:const|let|var|function|class|enum|\{|\*)/m.exec(rest);
      if (unexpected || reexports.length === 0) {
        throw new Error(`${id}: unexpected generated code (${unexpected?.[0] ?? 'no documents'}); update web/scripts/split-graphql-documents.ts`);
      }
      return reexports.join('\n');
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
  };
}
