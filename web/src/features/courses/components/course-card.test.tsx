import { within } from '@testing-library/react';
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CourseCard, courseLength, type CardCourse } from './course-card';

/** 7 to 20 December 2026 in Bangkok: midnight of the first day, 23:59 of the last. */
const course: CardCourse = {
  id: 'c1',
  slug: 'defenders-2026',
  title: 'Protecting human rights defenders',
  summary: 'How national human rights institutions protect defenders at risk.',
  kind: 'COURSE',
  status: 'PUBLISHED',
  language: 'th',
  timeZone: 'Asia/Bangkok',
  startsAt: '2026-12-06T17:00:00.000Z',
  endsAt: '2026-12-20T16:59:00.000Z',
  color: '#7a3e9d',
  cover: null,
  durationWeeks: 4,
  estimatedMinutes: 350,
  enrollmentOpen: true,
  myEnrollment: null,
};

function renderCard(given: Partial<CardCourse> = {}, { language = 'en' as 'en' | 'th', timeZone = 'Asia/Kathmandu' } = {}) {
  const { client } = fakeApi(() => ({ data: {} }));
  const view = renderWithApp(
    <ul>
      <CourseCard course={{ ...course, ...given }} timeZone={timeZone} language={language} />
    </ul>,
    { client, language },
  );
  return within(view.container).findByRole('listitem');
}

test('a card says what the course is, in which language, when, how long, and whether one can enrol', async () => {
  const card = await renderCard();

  const link = within(card).getByRole('link');
  // One link, named by the title alone, covers the card.
  expect(link).toHaveAccessibleName('Protecting human rights defenders');
  expect(link).toHaveAttribute('href', '/courses/defenders-2026');
  expect(within(card).getAllByRole('link')).toHaveLength(1);
  expect(within(card).getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'th');
  expect(card).toHaveTextContent('Thai');
  // The course's calendar dates, though the reader in Kathmandu is 45 minutes behind Bangkok.
  expect(within(card).getByTestId('course-dates')).toHaveTextContent('Dec 7, 2026 – Dec 20, 2026');
  expect(card).toHaveTextContent('4 weeks · about 6 hours');
  expect(card).toHaveTextContent('Course');
  expect(card).toHaveTextContent('Open for enrolment');
  expect(within(card).getByText(course.summary)).toHaveAttribute('lang', 'th');
});

test('the language is named in the reader’s language', async () => {
  const card = await renderCard({ language: 'en' }, { language: 'th' });
  expect(card).toHaveTextContent('อังกฤษ');
});

test.each([
  [{ myEnrollment: { role: 'LEARNER' as const, status: 'ACTIVE' as const } }, 'Enrolled'],
  [{ myEnrollment: { role: 'LEARNER' as const, status: 'COMPLETED' as const } }, 'Completed'],
  [{ status: 'ARCHIVED' as const, enrollmentOpen: false }, 'Closed'],
])('where the reader stands: %j → %s', async (given, words) => {
  const card = await renderCard(given);
  expect(card).toHaveTextContent(words);
  expect(card).not.toHaveTextContent('Open for enrolment');
});

test('without a cover image the card draws its pattern itself: decorative, nothing fetched', async () => {
  const card = await renderCard();
  expect(within(card).queryByRole('img')).toBeNull();
  expect(card.querySelector('img')).toBeNull();
  const cover = card.querySelector('.course-cover')!;
  expect(cover).toHaveAttribute('aria-hidden', 'true');
  expect(cover.querySelector('svg')).not.toBeNull();
  // The same course draws the same pattern every time; another course, another.
  expect((await renderCard()).querySelector('.course-cover')!.innerHTML).toBe(cover.innerHTML);
  const other = (await renderCard({ id: 'c2' })).querySelector('.course-cover')!;
  expect(other.innerHTML).not.toBe(cover.innerHTML);
});

test('a cover image keeps its box while it loads, and waits until it is near the screen', async () => {
  const card = await renderCard({ cover: { url: '/course-covers/c1/ab12.webp', width: 1200, height: 675, alt: 'Defenders meeting in Bangkok' } });
  const image = card.querySelector('img')!;
  expect(image).toHaveAttribute('src', '/course-covers/c1/ab12.webp');
  expect(image).toHaveAttribute('width', '1200');
  expect(image).toHaveAttribute('height', '675');
  expect(image).toHaveAttribute('loading', 'lazy');
  expect(image).toHaveAttribute('decoding', 'async');
  // The card's link already says which course it is.
  expect(image).toHaveAttribute('alt', '');
});

describe('a course’s length', () => {
  const t = ((key: string, values: Record<string, unknown>) => `${key}:${JSON.stringify(values)}`) as unknown as TFunction;
  const english = async (durationWeeks: number | null, estimatedMinutes: number) =>
    (await renderCard({ durationWeeks, estimatedMinutes })).querySelector('.course-card-facts')!.textContent;

  test('weeks and time together, either alone, or nothing', async () => {
    expect(await english(1, 60)).toContain('1 week · about 1 hour');
    expect(await english(null, 45)).toContain('About 45 minutes');
    expect(await english(3, 0)).toMatch(/3 weeks$/);
    expect(courseLength(t, null, 0)).toBeNull();
  });

  test('hours are rounded to the nearest', () => {
    expect(courseLength(t, null, 89)).toBe('length.about:{"time":"length.hours:{\\"count\\":1}"}');
    expect(courseLength(t, null, 90)).toBe('length.about:{"time":"length.hours:{\\"count\\":2}"}');
  });
});
