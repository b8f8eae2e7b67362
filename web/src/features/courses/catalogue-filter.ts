import type { CourseKind } from '@kapwa/graphql';

/**
 * What a person narrows the catalogue by. It lives in the address (`?q=&language=&kind=&open=1`), so a
 * filtered list can be shared and the Back button returns to the previous one.
 */
export interface CatalogueFilters {
  /** Words to find in the title or the summary. */
  q: string;
  /** A course language (BCP-47 tag, as courses carry it); '' for all. */
  language: string;
  kind: CourseKind | '';
  /** Only courses the viewer could enrol in now. */
  open: boolean;
}

export const NO_FILTERS: CatalogueFilters = { q: '', language: '', kind: '', open: false };

const KINDS: readonly CourseKind[] = ['COURSE', 'REFRESHER'];

/** The filters an address asks for; anything it does not understand is ignored rather than refused. */
export function filtersFromSearch(params: URLSearchParams): CatalogueFilters {
  const kind = (params.get('kind') ?? '').toUpperCase();
  return {
    q: params.get('q') ?? '',
    language: params.get('language') ?? '',
    kind: KINDS.includes(kind as CourseKind) ? (kind as CourseKind) : '',
    open: params.get('open') === '1',
  };
}

/** The address's query for these filters, leaving out those not set: no filters is a plain `/courses`. */
export function searchFromFilters(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q);
  if (filters.language) params.set('language', filters.language);
  if (filters.kind) params.set('kind', filters.kind.toLowerCase());
  if (filters.open) params.set('open', '1');
  return params;
}

export function hasFilters(filters: CatalogueFilters): boolean {
  return searchFromFilters(filters).toString() !== '';
}

/**
 * Text as the search compares it: lower case, compatibility forms unfolded (full-width letters,
 * ligatures), and accents dropped from Latin letters only, so "Viet Nam" finds "Việt Nam" and "DROITS"
 * finds "droits". In Thai, Devanagari and Myanmar scripts the combining signs are vowels and tones that
 * change the word, so they stay: there a search is a plain match of the (equally unfolded) text.
 */
export function searchable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the catalogue needs of a course to filter it. */
export interface FilterableCourse {
  title: string;
  summary: string;
  language: string;
  kind: CourseKind;
  /** The viewer could enrol now (and has not yet). */
  openToViewer: boolean;
}

/**
 * The courses these filters keep, in their order. Every word of the search must appear in the title or
 * the summary, in any order.
 */
export function filterCourses<C extends FilterableCourse>(courses: readonly C[], filters: CatalogueFilters): C[] {
  const words = searchable(filters.q).split(' ').filter(Boolean);
  return courses.filter((course) => {
    if (filters.language && course.language !== filters.language) return false;
    if (filters.kind && course.kind !== filters.kind) return false;
    if (filters.open && !course.openToViewer) return false;
    if (words.length === 0) return true;
    const text = searchable(`${course.title} ${course.summary}`);
    return words.every((word) => text.includes(word));
  });
}
