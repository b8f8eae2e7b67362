import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('rows returned by UPDATE and DELETE', () => {
  it('are read through returnedRows, never straight from query()', () => {
    // query(`UPDATE … RETURNING …`) answers [rows, count]: read as rows, it always counts two.
    const direct = /\.query(?:<[^>]*>)?\(\s*`\s*(?:WITH\b[\s\S]*?\)\s*)?(?:UPDATE|DELETE)\b[^`]*\bRETURNING\b/gi;
    const offenders = sources(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(direct)].map((m) => `${relative(SRC, file)}: ${m[0].slice(0, 60)}`),
    );
    expect(offenders).toEqual([]);
  });
});
