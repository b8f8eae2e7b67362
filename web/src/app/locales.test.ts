import { INTERFACE_LOCALES } from '@kapwa/shared';
import { expect, test } from 'vitest';

const files = import.meta.glob<Record<string, unknown>>('/src/**/locales/*.json', { eager: true, import: 'default' });
const OTHERS = INTERFACE_LOCALES.filter((language) => language !== 'en');

function entries(tree: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? entries(value as Record<string, unknown>, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}
const keys = (tree: Record<string, unknown>) => entries(tree).map(([key]) => key);
const englishFiles = () => Object.keys(files).filter((path) => path.endsWith('/en.json'));
const translation = (path: string, language: string) => files[path.replace(/en\.json$/, `${language}.json`)];

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * The keys a language must have for the English ones: a plural ("lessons_one", "lessons_other") needs
 * exactly the forms the language has (CLDR: Burmese only "other", Nepali "one" and "other"), plus any
 * English form it chooses to keep (Thai files keep "_one").
 */
function expected(english: string[], language: string): { required: string[]; allowed: Set<string> } {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const plain = english.filter((key) => !PLURAL.test(key));
  const plurals = [...new Set(english.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')))];
  const required = [...plain, ...plurals.flatMap((base) => categories.map((category) => `${base}_${category}`))];
  return { required, allowed: new Set([...required, ...english]) };
}

test.each(OTHERS)('every namespace has every English key in %s, in that language’s plural forms', (language) => {
  expect(englishFiles().length).toBeGreaterThan(1);
  for (const path of englishFiles()) {
    const translated = translation(path, language);
    expect(translated, `${path} has no ${language} translation`).toBeDefined();
    const have = keys(translated);
    const { required, allowed } = expected(keys(files[path]), language);
    expect(required.filter((key) => !have.includes(key)), `${path}: missing in ${language}`).toEqual([]);
    expect(have.filter((key) => !allowed.has(key)), `${path}: in ${language} but not in English`).toEqual([]);
  }
});

test.each(OTHERS)('translations into %s keep every {{placeholder}} and mark titles where English does (SentenceWithTitle)', (language) => {
  const placeholders = (text: unknown) => (typeof text === 'string' ? [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort() : []);
  const marked = (text: unknown) => typeof text === 'string' && text.includes('<title>{{title}}</title>');
  for (const path of englishFiles()) {
    const english = new Map(entries(files[path]).map(([key, text]) => [key.replace(PLURAL, ''), text]));
    for (const [key, text] of entries(translation(path, language))) {
      const source = english.get(key.replace(PLURAL, ''));
      expect(marked(text), `${path} ${key}`).toBe(marked(source));
      // A plural form may leave the count out ("one lesson"), nothing else.
      const wanted = placeholders(source).filter((name) => !(PLURAL.test(key) && name === 'count' && !placeholders(text).includes('count')));
      expect(placeholders(text), `${path} ${key}`).toEqual(wanted);
    }
  }
});
