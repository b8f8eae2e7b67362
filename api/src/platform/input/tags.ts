import { canonicalLocale, isLocale, normalizeText, singleLineTextProblem } from '@kapwa/shared';
import { badUserInput } from '../errors/errors.js';

/** How many tags a list holds and how long each is: expertise on a profile, topics of a course. */
export interface TagLimits {
  max: number;
  maxLength: number;
}

/** Expertise tags of a directory profile and topics of a course share these limits (the one offers the other). */
export const TAG_LIMITS: TagLimits = { max: 20, maxLength: 60 };

/**
 * A list of short tags as people type them: each trimmed (NFC, inner runs of spaces made one), one line,
 * 1 to `maxLength` characters; the same tag twice (ignoring case) kept once, with its first spelling;
 * at most `max`. Returns the tags, or why the list is refused.
 */
export function tagList(values: readonly unknown[], limits: TagLimits = TAG_LIMITS): { tags: string[] } | { problem: string } {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') return { problem: 'Give each tag as text.' };
    const tag = normalizeText(value).replace(/\s+/g, ' ');
    if (!tag) continue;
    const problem = singleLineTextProblem(tag) ?? (tag.length > limits.maxLength ? `Keep each tag to ${limits.maxLength} characters ("${tag.slice(0, 20)}…" is longer).` : null);
    if (problem) return { problem };
    const key = tag.toLocaleLowerCase('en');
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > limits.max) return { problem: `List at most ${limits.max} tags.` };
  return { tags };
}

/** `tagList` for an argument or input field: the tags, or BAD_USER_INPUT naming the field. */
export function tagsArg(field: string, values: readonly unknown[], limits: TagLimits = TAG_LIMITS): string[] {
  const result = tagList(values, limits);
  if ('problem' in result) throw badUserInput(field, result.problem);
  return result.tags;
}

/** Languages a person speaks, as canonical BCP-47 tags ("EN" → "en"), each once, at most `max`. */
export function languagesArg(field: string, values: readonly unknown[], max = 10): string[] {
  const languages: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string' || !isLocale(value.trim())) throw badUserInput(field, 'Choose each language from the list (a language tag such as "en" or "th").');
    const code = canonicalLocale(value.trim());
    if (!languages.includes(code)) languages.push(code);
  }
  if (languages.length > max) throw badUserInput(field, `List at most ${max} languages.`);
  return languages;
}
