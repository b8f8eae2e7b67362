import type { DirectoryFilter } from '@kapwa/graphql';

/** The same limits the API holds a profile to (api/src/platform/input/tags.ts, directory dto). */
export const PROFILE_LIMITS = { bioMax: 2000, expertiseMax: 20, tagMax: 60, messageMax: 2000 };

/** Languages offered for a profile and the filter: the region's, and the ones its networks work in. Any saved tag is kept. */
export const DIRECTORY_LANGUAGES = ['en', 'th', 'ne', 'my', 'km', 'lo', 'vi', 'id', 'ms', 'fil', 'bn', 'hi', 'si', 'ta', 'ur', 'mn', 'zh', 'ja', 'ko', 'fr', 'es', 'ar', 'ru'];

/**
 * What a person narrows the directory by, kept in the address (`?text=&country=&expertise=&language=&focal=1`),
 * so a search can be shared and Back returns to the previous one. Notifications link to `?text=<name>`.
 */
export interface DirectoryFilters {
  text: string;
  country: string;
  expertise: string;
  language: string;
  focalPointsOnly: boolean;
}

export const NO_FILTERS: DirectoryFilters = { text: '', country: '', expertise: '', language: '', focalPointsOnly: false };

/** The filters an address asks for; what it does not understand is ignored. */
export function filtersFromSearch(params: URLSearchParams): DirectoryFilters {
  const country = (params.get('country') ?? '').toUpperCase();
  return {
    text: params.get('text') ?? '',
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    expertise: params.get('expertise') ?? '',
    language: params.get('language') ?? '',
    focalPointsOnly: params.get('focal') === '1',
  };
}

/** The address's query for these filters, without those not set; other parameters are kept. */
export function searchFromFilters(filters: DirectoryFilters, current = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(current);
  for (const key of ['text', 'country', 'expertise', 'language', 'focal']) params.delete(key);
  if (filters.text.trim()) params.set('text', filters.text);
  if (filters.country) params.set('country', filters.country);
  if (filters.expertise.trim()) params.set('expertise', filters.expertise);
  if (filters.language) params.set('language', filters.language);
  if (filters.focalPointsOnly) params.set('focal', '1');
  return params;
}

/** What the API is asked: only the filters set, trimmed. */
export function apiFilter(filters: DirectoryFilters): DirectoryFilter {
  const filter: DirectoryFilter = {};
  if (filters.text.trim()) filter.text = filters.text.trim();
  if (filters.country) filter.country = filters.country;
  if (filters.expertise.trim()) filter.expertise = filters.expertise.trim();
  if (filters.language) filter.language = filters.language;
  if (filters.focalPointsOnly) filter.focalPointsOnly = true;
  return filter;
}

/** "reprisals, digital security" → ["reprisals", "digital security"]; the API tidies case and repeats. */
export function expertiseList(text: string): string[] {
  return text.split(/[,،、，]/).map((tag) => tag.trim()).filter(Boolean);
}

/** The expertise text with `tag` added at the end, unless it is there already (ignoring case). */
export function withTag(text: string, tag: string): string {
  const tags = expertiseList(text);
  if (tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) return tags.join(', ');
  return [...tags, tag].join(', ');
}
