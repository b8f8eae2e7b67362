import { describe, expect, test } from 'vitest';
import { filtersFromSearch, hasFilters, isWebLink, libraryVariables, NO_FILTERS, searchFromFilters, tagsFromText } from './resource-filter';

describe('the library filters in the address', () => {
  test('read from and written to the query, keeping what is not theirs and leaving out empty ones', () => {
    const filters = filtersFromSearch(new URLSearchParams('q=safety&tag=reprisals&country=np&other=1'));
    expect(filters).toEqual({ q: 'safety', tag: 'reprisals', language: '', country: 'NP' });
    expect(searchFromFilters({ ...filters, tag: '' }, new URLSearchParams('other=1&tag=old')).toString()).toBe('other=1&q=safety&country=NP');
    expect(searchFromFilters(NO_FILTERS, new URLSearchParams('q=x')).toString()).toBe('');
  });

  test('ask the API with trimmed values and nothing for an empty filter', () => {
    expect(libraryVariables({ q: '  defenders ', tag: '', language: 'th', country: '' })).toEqual({ text: 'defenders', tag: undefined, language: 'th', country: undefined });
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, country: 'TH' })).toBe(true);
  });
});

test('tags typed with commas become the list the API keeps', () => {
  expect(tagsFromText(' Reprisals, women   defenders ,, reprisals')).toEqual(['reprisals', 'women defenders']);
  expect(tagsFromText('')).toEqual([]);
});

test('only web links open', () => {
  expect(isWebLink('https://www.ohchr.org')).toBe(true);
  expect(isWebLink('javascript:alert(1)')).toBe(false);
  expect(isWebLink('//evil.example')).toBe(false);
});
