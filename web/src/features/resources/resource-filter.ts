/** The library's filters as the address keeps them: ?q=…&tag=…&language=…&country=… */
export interface LibraryFilters {
  q: string;
  tag: string;
  language: string;
  country: string;
}

export const NO_FILTERS: LibraryFilters = { q: '', tag: '', language: '', country: '' };
const KEYS = ['q', 'tag', 'language', 'country'] as const;

export function filtersFromSearch(params: URLSearchParams): LibraryFilters {
  return {
    q: params.get('q') ?? '',
    tag: params.get('tag') ?? '',
    language: params.get('language') ?? '',
    country: (params.get('country') ?? '').toUpperCase(),
  };
}

/** The address for these filters; parameters the library does not own are kept, empty filters left out. */
export function searchFromFilters(filters: LibraryFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) {
    if (filters[key].trim()) next.set(key, filters[key]);
    else next.delete(key);
  }
  return next;
}

/** What the API is asked: trimmed, and no argument for an empty filter. */
export function libraryVariables(filters: LibraryFilters): { text?: string; tag?: string; language?: string; country?: string } {
  const value = (text: string) => text.trim() || undefined;
  return { text: value(filters.q), tag: value(filters.tag), language: value(filters.language), country: value(filters.country) };
}

export function hasFilters(filters: LibraryFilters): boolean {
  return KEYS.some((key) => filters[key].trim() !== '');
}

/** "Reprisals, women defenders ,, reprisals" → ["reprisals", "women defenders"]: as the API keeps them. */
export function tagsFromText(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase()).filter(Boolean))];
}

/** Only web links open from the library (the API refuses the rest too). */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url.trim());
}
