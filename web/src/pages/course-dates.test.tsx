import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { CourseFacts } from '../features/courses/components/course-badges';
import { fakeApi, renderWithApp } from '../test/render';
import CoursePage from './course-page';
import CoursesPage from './courses-page';

// Run with TZ=Pacific/Kiritimati and TZ=Pacific/Pago_Pago: a signed-out visitor reads in the machine's zone,
// a day ahead of Bangkok in one and a day behind in the other; the course's dates must not move.

/** Monday 7 to Sunday 20 December 2026 in Bangkok: midnight of the first day, 23:59 of the last. */
const card = {
  __typename: 'Course', id: 'c1', slug: 'defenders-2026', title: 'Defenders 2026', summary: 'A course.', kind: 'COURSE',
  status: 'PUBLISHED', language: 'en', timeZone: 'Asia/Bangkok', startsAt: '2026-12-06T17:00:00.000Z', endsAt: '2026-12-20T16:59:00.000Z',
  myEnrollment: null, color: '#0c5f65', cover: null, durationWeeks: null, estimatedMinutes: 0, enrollmentOpen: true,
};
const course = { ...card, lessonCount: 0, myEnrollment: null, myEvaluation: null, modules: [], liveSessions: [], outcomes: [], audience: null, trainers: [] };

const client = () =>
  fakeApi((operation) => {
    if (operation === 'Courses') return { data: { courses: [card] } };
    if (operation === 'Course') return { data: { course } };
    return { data: {} };
  }).client;

test('the catalogue shows a signed-out visitor the course’s own dates, whatever their zone', async () => {
  renderWithApp(<CoursesPage />, { client: client() });

  const item = (await screen.findByRole('link', { name: 'Defenders 2026' })).closest('li')!;
  expect(within(item).getByTestId('course-dates')).toHaveTextContent('Dec 7, 2026 – Dec 20, 2026');
});

test('the course page shows the course’s dates, in Thai too', async () => {
  renderWithApp(<CoursePage />, { client: client(), language: 'th' });

  await screen.findByRole('heading', { level: 1, name: 'Defenders 2026' });
  const dates = screen.getByTestId('course-dates').textContent!;
  expect(dates).toContain('7');
  expect(dates).toContain('20');
  expect(dates).not.toMatch(/\b6\b/);
});

test('a learner in Kathmandu reads Dec 7 (the course’s date), with the start on their own clock beside', () => {
  renderWithApp(<CourseFacts course={card as never} timeZone="Asia/Kathmandu" language="en" />, { client: client() });

  expect(screen.getByTestId('course-dates')).toHaveTextContent('Mon, Dec 7, 2026 – Sun, Dec 20, 2026');
  expect(screen.getByTestId('course-dates-local')).toHaveTextContent('Dates follow Thailand Time; the course begins Sun, Dec 6, 2026, 22:45 your time.');
});

test('a learner in Bangkok reads the dates alone', () => {
  renderWithApp(<CourseFacts course={card as never} timeZone="Asia/Bangkok" language="en" />, { client: client() });

  expect(screen.getByTestId('course-dates')).toHaveTextContent('Mon, Dec 7, 2026 – Sun, Dec 20, 2026');
  expect(screen.queryByTestId('course-dates-local')).toBeNull();
});
