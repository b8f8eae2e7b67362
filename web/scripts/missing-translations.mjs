#!/usr/bin/env node
// Lists, per namespace and language, the keys English has that a translation lacks, in the plural
// forms that language uses (Burmese "_other" only, Nepali "_one" and "_other"), with the English text
// to translate beside each. `--json` prints the same as JSON for tools. Exits 1 when anything is missing.
//   node web/scripts/missing-translations.mjs [--json] [language…]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const PLURAL = /_(zero|one|two|few|many|other)$/;

// Every translation file under src/ (…/locales/<language>.json), relative to web/.
const translationFiles = readdirSync(join(web, 'src'), { recursive: true })
  .map((file) => join('src', String(file)))
  .filter((file) => /(^|\/)locales\/[^/]+\.json$/.test(file))
  .sort();
const englishFiles = translationFiles.filter((file) => file.endsWith('/en.json'));
const languageOf = (file) => file.split('/').pop().replace(/\.json$/, '');
const languages = args.filter((arg) => !arg.startsWith('--'));
if (!languages.length) languages.push(...new Set(translationFiles.map(languageOf).filter((language) => language !== 'en')));

function flatten(tree, prefix = '') {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

/** The keys a language needs for an English key: a plural's base with each of the language's categories. */
function wanted(englishKey, language) {
  if (!PLURAL.test(englishKey)) return [englishKey];
  const base = englishKey.replace(PLURAL, '');
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories.map((category) => `${base}_${category}`);
}

const report = {};
for (const file of englishFiles) {
  const namespace = file.split('/').at(-3);
  const english = new Map(flatten(JSON.parse(readFileSync(join(web, file), 'utf8'))));
  for (const language of languages) {
    const path = join(web, dirname(file), `${language}.json`);
    const have = existsSync(path) ? new Set(flatten(JSON.parse(readFileSync(path, 'utf8'))).map(([key]) => key)) : new Set();
    const missing = {};
    for (const [key, text] of english) for (const need of wanted(key, language)) if (!have.has(need)) missing[need] ??= text;
    if (Object.keys(missing).length) (report[namespace] ??= {})[language] = { file: relative(web, path), missing };
  }
}

if (asJson) console.log(JSON.stringify(report, null, 2));
else if (!Object.keys(report).length) console.log(`Every key of every namespace is translated into ${languages.join(', ')}.`);
else
  for (const [namespace, byLanguage] of Object.entries(report))
    for (const [language, { file, missing }] of Object.entries(byLanguage)) {
      console.log(`${namespace} · ${language} (${file}): ${Object.keys(missing).length} missing`);
      for (const [key, text] of Object.entries(missing)) console.log(`  ${key}: ${JSON.stringify(text)}`);
    }
process.exitCode = Object.keys(report).length ? 1 : 0;
