import { expect, test } from 'vitest';
import { apiFilter, expertiseList, filtersFromSearch, NO_FILTERS, searchFromFilters, withTag } from './directory-rules';

test('filters live in the address and come back the same; what the address does not understand is ignored', () => {
  const filters = { text: 'Sita', country: 'NP', expertise: 'reprisals', language: 'ne', focalPointsOnly: true };
  const search = searchFromFilters(filters, new URLSearchParams('tab=x'));
  expect(search.toString()).toBe('tab=x&text=Sita&country=NP&expertise=reprisals&language=ne&focal=1');
  expect(filtersFromSearch(search)).toEqual(filters);
  expect(filtersFromSearch(new URLSearchParams('country=Nepal&focal=yes'))).toEqual(NO_FILTERS);
  expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
  // The link a contact notification carries.
  expect(filtersFromSearch(new URLSearchParams('text=Min%20Thu')).text).toBe('Min Thu');
});

test('the API is asked only for the filters set', () => {
  expect(apiFilter(NO_FILTERS)).toEqual({});
  expect(apiFilter({ ...NO_FILTERS, text: '  Sita ', focalPointsOnly: true })).toEqual({ text: 'Sita', focalPointsOnly: true });
});

test('expertise is typed with commas; a suggested topic is added once whatever its case', () => {
  expect(expertiseList(' reprisals, , digital security ,')).toEqual(['reprisals', 'digital security']);
  expect(withTag('reprisals', 'Mediation')).toBe('reprisals, Mediation');
  expect(withTag('reprisals, mediation', 'Mediation')).toBe('reprisals, mediation');
  expect(withTag('', 'mediation')).toBe('mediation');
});
