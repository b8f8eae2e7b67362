import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../test/render';
import CoursesPage from './courses-page';

const listed = (id: string, title: string, more: Record<string, unknown> = {}) => ({
  __typename: 'Course', id, slug: `course-${id}`, title, summary: 'A course about human rights work.', kind: 'COURSE', status: 'PUBLISHED',
  language: 'en', timeZone: 'Asia/Bangkok', startsAt: null, endsAt: null, myEnrollment: null,
  color: '#0c5f65', cover: null, durationWeeks: null, estimatedMinutes: 0, enrollmentOpen: true, ...more,
});

const COURSES = [
  listed('1', 'Protecting human rights defenders'),
  listed('2', 'Droits de l’enfant à l’école', { language: 'fr' }),
  listed('3', 'การคุ้มครองนักปกป้องสิทธิมนุษยชน', { language: 'th', kind: 'REFRESHER' }),
  listed('4', 'Monitoring places of detention', { status: 'ARCHIVED', enrollmentOpen: false }),
];

function renderCatalogue() {
  const { client } = fakeApi((operation) => (operation === 'Courses' ? { data: { courses: COURSES } } : { data: {} }));
  renderWithApp(<CoursesPage />, { client });
}

const titles = () => screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

test('typing narrows the cards at once; the count is announced once typing pauses', async () => {
  const user = userEvent.setup();
  renderCatalogue();
  await screen.findByRole('link', { name: 'Protecting human rights defenders' });
  expect(screen.getByRole('status')).toHaveTextContent('4 courses');

  await user.type(screen.getByRole('searchbox', { name: 'Search courses' }), 'ecole');
  expect(titles()).toEqual(['Droits de l’enfant à l’école']);
  await screen.findByText('1 course', {}, { timeout: 2000 });
});

test('filters by language, kind and "open for enrolment"; nothing left says so and offers to clear the filters', async () => {
  const user = userEvent.setup();
  renderCatalogue();
  await screen.findByRole('link', { name: 'Protecting human rights defenders' });
  const filters = screen.getByRole('search', { name: 'Find a course' });

  // Languages present in the catalogue, named in the reader's language.
  expect(within(filters).getAllByRole('option').map((option) => option.textContent)).toEqual(
    expect.arrayContaining(['All languages', 'English', 'French', 'Thai']),
  );
  await user.selectOptions(within(filters).getByRole('combobox', { name: 'Course language' }), 'en');
  expect(titles()).toEqual(['Protecting human rights defenders', 'Monitoring places of detention']);
  await user.click(within(filters).getByRole('checkbox', { name: 'Open for enrolment only' }));
  expect(titles()).toEqual(['Protecting human rights defenders']);
  await user.selectOptions(within(filters).getByRole('combobox', { name: 'Kind' }), 'REFRESHER');
  expect(titles()).toEqual(['No courses match']);

  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  expect(titles()).toHaveLength(4);
  expect(screen.getByRole('searchbox', { name: 'Search courses' })).toHaveFocus();
  expect(within(filters).getByRole('checkbox', { name: 'Open for enrolment only' })).not.toBeChecked();
});

test('an empty catalogue says so, without filters to play with', async () => {
  const { client } = fakeApi(() => ({ data: { courses: [] } }));
  renderWithApp(<CoursesPage />, { client });
  await screen.findByRole('heading', { name: 'No courses are open yet.' });
  expect(screen.queryByRole('search')).toBeNull();
});

