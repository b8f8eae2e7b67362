// Fails when src/generated.ts no longer matches what codegen would produce from the current schema
// and documents: regenerate in memory (to a temporary path) and compare with the checked-in file.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import config, { output } from '../codegen.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const tmp = join(tmpdir(), `kapwa-generated-${process.pid}.ts`);
const [generated] = await generate(
  { ...config, silent: true, generates: { [tmp]: config.generates[output] } },
  false,
);
const committed = await readFile(join(root, output), 'utf8').catch(() => '');

if (generated.content !== committed) {
  console.error(`${output} is stale: run \`pnpm --filter @kapwa/graphql codegen\` and commit the result.`);
  process.exit(1);
}
console.log(`${output} is up to date.`);
