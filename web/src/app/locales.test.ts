import { expect, test } from 'vitest';

const files = import.meta.glob<Record<string, unknown>>('/src/**/locales/*.json', { eager: true, import: 'default' });

function entries(tree: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? entries(value as Record<string, unknown>, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}
const keys = (tree: Record<string, unknown>) => entries(tree).map(([key]) => key);

test('every namespace has the same keys in English and Thai', () => {
  const english = Object.keys(files).filter((path) => path.endsWith('/en.json'));
  expect(english.length).toBeGreaterThan(1);
  for (const path of english) {
    const thai = files[path.replace(/en\.json$/, 'th.json')];
    expect(thai, `${path} has no Thai translation`).toBeDefined();
    expect(keys(thai).sort(), path).toEqual(keys(files[path]).sort());
  }
});

test('a sentence that marks a course’s or a session’s title in English marks it in Thai (SentenceWithTitle)', () => {
  const marked = (text: unknown) => typeof text === 'string' && text.includes('<title>{{title}}</title>');
  for (const path of Object.keys(files).filter((p) => p.endsWith('/en.json'))) {
    const thai = new Map(entries(files[path.replace(/en\.json$/, 'th.json')]));
    for (const [key, english] of entries(files[path])) expect(marked(thai.get(key)), `${path} ${key}`).toBe(marked(english));
  }
});
