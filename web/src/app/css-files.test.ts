import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// A comment left open in a stylesheet silently switches off every rule up to the next "*/", and the
// browser says nothing: it once hid all the live-session styles. Every stylesheet's comments close.
const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? stylesheets(join(dir, entry.name)) : entry.name.endsWith('.css') ? [join(dir, entry.name)] : [],
  );
}

/** Line numbers of comments that another "/*" opens inside of, or that never close. */
export function unclosedComments(css: string): number[] {
  const lines: number[] = [];
  const lineOf = (index: number) => css.slice(0, index).split('\n').length;
  for (let open = css.indexOf('/*'); open !== -1; ) {
    const close = css.indexOf('*/', open + 2);
    const nested = css.indexOf('/*', open + 2);
    if (close === -1 || (nested !== -1 && nested < close)) lines.push(lineOf(open));
    open = close === -1 ? -1 : css.indexOf('/*', close + 2);
  }
  return lines;
}

test('a comment that opens inside another or never closes is found', () => {
  expect(unclosedComments('/* a */ .x {}\n/* b\n.y {}\n/* c */')).toEqual([2]);
  expect(unclosedComments('.x {}\n/* open')).toEqual([2]);
  expect(unclosedComments('/* a */ .x { color: red; } /* b */')).toEqual([]);
});

test('every stylesheet closes its comments', () => {
  const open = stylesheets(src).flatMap((file) => unclosedComments(readFileSync(file, 'utf8')).map((line) => `${relative(src, file)}:${line}`));
  expect(open).toEqual([]);
});
