import { describe, expect, test } from 'vitest';
import { filterCourses, filtersFromSearch, hasFilters, NO_FILTERS, searchable, searchFromFilters, type FilterableCourse } from './catalogue-filter';
import { enrolmentState } from './enrolment-state';

const course = (title: string, more: Partial<FilterableCourse> = {}): FilterableCourse => ({
  title,
  summary: '',
  language: 'en',
  kind: 'COURSE',
  openToViewer: true,
  ...more,
});

const DEFENDERS = course('Protecting human rights defenders', { summary: 'The role of NHRIs when defenders are at risk.' });
const VIETNAM = course('Quyền con người ở Việt Nam', { language: 'vi', summary: 'Khóa học về quyền con người.' });
const FRENCH = course('Les droits de l’enfant', { language: 'fr', summary: 'Défendre les droits des enfants à l’école.' });
const THAI = course('การคุ้มครองนักปกป้องสิทธิมนุษยชน', { language: 'th', summary: 'บทบาทของสถาบันสิทธิมนุษยชนแห่งชาติ' });
const NEPALI = course('मानव अधिकार रक्षकहरूको संरक्षण', { language: 'ne', kind: 'REFRESHER', summary: 'राष्ट्रिय मानव अधिकार आयोगको भूमिका' });
const BURMESE = course('လူ့အခွင့်အရေး ကာကွယ်သူများ', { language: 'my', openToViewer: false, summary: 'အမျိုးသား လူ့အခွင့်အရေး ကော်မရှင်' });
const ALL = [DEFENDERS, VIETNAM, FRENCH, THAI, NEPALI, BURMESE];

const titles = (courses: FilterableCourse[]) => courses.map((c) => c.title);
const search = (q: string) => titles(filterCourses(ALL, { ...NO_FILTERS, q }));

describe('searching the catalogue', () => {
  test('no filters keep every course, in order', () => {
    expect(titles(filterCourses(ALL, NO_FILTERS))).toEqual(titles(ALL));
  });

  test('finds words in the title or the summary, whatever the case', () => {
    expect(search('DEFENDERS')).toEqual([DEFENDERS.title]);
    expect(search('nhris')).toEqual([DEFENDERS.title]);
  });

  test('every word must be there, in any order', () => {
    expect(search('risk defenders')).toEqual([DEFENDERS.title]);
    expect(search('defenders school')).toEqual([]);
  });

  test('Latin accents do not matter, either way round', () => {
    expect(search('viet nam')).toEqual([VIETNAM.title]);
    expect(search('quyen con nguoi')).toEqual([VIETNAM.title]);
    expect(search('defendre ecole')).toEqual([FRENCH.title]);
    expect(search('ÉCOLE')).toEqual([FRENCH.title]);
    // "đ" is its own letter, not d with a mark; people type d for it.
    expect(titles(filterCourses([course('Đào tạo')], { ...NO_FILTERS, q: 'dao' }))).toEqual(['Đào tạo']);
  });

  test('full-width letters, as some phone keyboards type them, match ordinary ones', () => {
    expect(search('ＮＨＲＩｓ')).toEqual([DEFENDERS.title]);
  });

  test('Thai, Nepali and Burmese text is found as written', () => {
    expect(search('สิทธิมนุษยชน')).toEqual([THAI.title]);
    expect(search('आयोग')).toEqual([NEPALI.title]);
    expect(search('ကော်မရှင်')).toEqual([BURMESE.title]);
  });

  test('vowel signs in Thai and Devanagari are part of the word: dropping one does not match', () => {
    // "สิทธิ" (rights) without its vowel signs is "สทธ"; "रक्षक" (defender) without its virama is "रकषक".
    expect(search('สทธ')).toEqual([]);
    expect(search('रकषक')).toEqual([]);
    expect(searchable('สิทธิ')).toBe('สิทธิ'.normalize('NFKD'));
  });

  test('spaces around and between words do not matter', () => {
    expect(search('   human    rights   ')).toEqual([DEFENDERS.title]);
  });
});

describe('filtering the catalogue', () => {
  test('by language', () => {
    expect(titles(filterCourses(ALL, { ...NO_FILTERS, language: 'th' }))).toEqual([THAI.title]);
  });

  test('by kind', () => {
    expect(titles(filterCourses(ALL, { ...NO_FILTERS, kind: 'REFRESHER' }))).toEqual([NEPALI.title]);
  });

  test('open for enrolment leaves out courses the viewer cannot enrol in', () => {
    expect(titles(filterCourses(ALL, { ...NO_FILTERS, open: true }))).not.toContain(BURMESE.title);
    expect(filterCourses(ALL, { ...NO_FILTERS, open: true })).toHaveLength(5);
  });

  test('filters and search together', () => {
    expect(titles(filterCourses(ALL, { q: 'rights', language: 'en', kind: 'COURSE', open: true }))).toEqual([DEFENDERS.title]);
    expect(filterCourses(ALL, { q: 'rights', language: 'en', kind: 'REFRESHER', open: true })).toEqual([]);
  });
});

describe('filters in the address', () => {
  test('read back what they wrote', () => {
    const filters = { q: 'droits enfant', language: 'fr', kind: 'REFRESHER' as const, open: true };
    expect(searchFromFilters(filters).toString()).toBe('q=droits+enfant&language=fr&kind=refresher&open=1');
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  test('no filters is a plain address', () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
    expect(searchFromFilters({ ...NO_FILTERS, q: '   ' }).toString()).toBe('');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, open: true })).toBe(true);
  });

  test('what an address says that makes no sense is ignored', () => {
    expect(filtersFromSearch(new URLSearchParams('kind=webinar&open=yes&other=1'))).toEqual(NO_FILTERS);
    expect(filtersFromSearch(new URLSearchParams('kind=Course')).kind).toBe('COURSE');
  });
});

describe('where the viewer stands with a course', () => {
  const published = { status: 'PUBLISHED' as const, enrollmentOpen: true };

  test('open, or closed when the course takes no one now', () => {
    expect(enrolmentState(published)).toBe('open');
    expect(enrolmentState({ status: 'ARCHIVED', enrollmentOpen: false })).toBe('closed');
    expect(enrolmentState({ status: 'DRAFT', enrollmentOpen: false })).toBe('draft');
  });

  test('enrolled, completed, or teaching it', () => {
    expect(enrolmentState({ ...published, myEnrollment: { role: 'LEARNER', status: 'ACTIVE' } })).toBe('enrolled');
    expect(enrolmentState({ ...published, myEnrollment: { role: 'LEARNER', status: 'COMPLETED' } })).toBe('completed');
    expect(enrolmentState({ status: 'ARCHIVED', enrollmentOpen: false, myEnrollment: { role: 'LEARNER', status: 'COMPLETED' } })).toBe('completed');
    expect(enrolmentState({ status: 'DRAFT', enrollmentOpen: false, myEnrollment: { role: 'TRAINER', status: 'ACTIVE' } })).toBe('teaching');
  });

  test('someone who withdrew may enrol again like anyone else', () => {
    expect(enrolmentState({ ...published, myEnrollment: { role: 'LEARNER', status: 'WITHDRAWN' } })).toBe('open');
  });
});
