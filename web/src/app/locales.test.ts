import { expect, test } from 'vitest';

const files = import.meta.glob<Record<string, unknown>>('/src/**/locales/*.json', { eager: true, import: 'default' });

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

test('every namespace has the same keys in English and Thai', () => {
  const english = Object.keys(files).filter((path) => path.endsWith('/en.json'));
  expect(english.length).toBeGreaterThan(1);
  for (const path of english) {
    const thai = files[path.replace(/en\.json$/, 'th.json')];
    expect(thai, `${path} has no Thai translation`).toBeDefined();
    expect(keys(thai).sort(), path).toEqual(keys(files[path]).sort());
  }
});
