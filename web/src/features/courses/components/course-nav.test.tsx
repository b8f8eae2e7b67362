import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CourseNav } from './course-nav';
import type { ShellCourse } from './course-shell';
import { CourseWeeks } from './course-weeks';

const lesson = (id: string, position: number, title: string, completed: boolean) => ({
  __typename: 'Lesson' as const, id, position, title, estimatedMinutes: 10, completed,
});
const course = {
  __typename: 'Course', id: 'c1', slug: 'defenders-2027', title: 'Protecting defenders', summary: '', kind: 'COURSE', status: 'PUBLISHED',
  language: 'en', timeZone: 'Asia/Bangkok', startsAt: null, endsAt: null, lessonCount: 6, myEvaluation: null,
  myEnrollment: { __typename: 'Enrollment', id: 'e1', role: 'LEARNER', status: 'ACTIVE', group: null, progress: 0.5, completedAt: null, certificate: null },
  modules: [
    {
      __typename: 'Module', id: 'm1', position: 1, title: 'Week 1: Who defends rights', part: 'Part One', opensAt: null, locked: false, lessonCount: 2,
      lessons: [lesson('l1', 1, 'Why defenders matter', true), lesson('l2', 2, 'The UN Declaration', true)],
    },
    {
      __typename: 'Module', id: 'm2', position: 2, title: 'Week 2: The protection framework', part: 'Part One', opensAt: null, locked: false, lessonCount: 2,
      lessons: [lesson('l3', 1, 'Regional mechanisms', true), lesson('l4', 2, 'Protection programmes', false)],
    },
    { __typename: 'Module', id: 'm3', position: 3, title: 'Week 3: Acting together', part: 'Part Two', opensAt: '2027-02-08T02:30:00Z', locked: true, lessonCount: 2, lessons: [] },
  ],
} as unknown as ShellCourse;

const render = (ui: ReactNode) => renderWithApp(ui, { client: fakeApi(() => ({ data: {} })).client });

test('the outline marks the lesson being read, ticks the completed ones, and shows a locked week with its opening and no lessons', () => {
  render(<CourseNav course={course} currentLessonId="l4" timeZone="Asia/Bangkok" language="en" />);

  const outline = screen.getByRole('navigation', { name: 'Course outline' });
  const current = within(outline).getByRole('link', { name: 'Protection programmes' });
  expect(current).toHaveAttribute('aria-current', 'page');
  expect(current).toHaveAttribute('href', '/courses/defenders-2027/lessons/l4');
  expect(within(outline).getByRole('link', { name: 'Why defenders matter, Completed' })).not.toHaveAttribute('aria-current');
  expect(within(outline).getAllByRole('link', { current: 'page' })).toHaveLength(1);

  const locked = within(outline).getByRole('heading', { name: 'Week 3: Acting together' }).closest('li')!;
  expect(locked).toHaveTextContent('Opens Mon, Feb 8, 2027, 09:30 (Thailand Time)');
  expect(within(locked).queryAllByRole('link')).toHaveLength(0);
  expect(outline).toHaveTextContent('Part Two');
});

test('on the course home, finished weeks fold away, the week being read is open on its lessons with the next one marked', () => {
  render(<CourseWeeks course={course} nextLessonId="l4" timeZone="Asia/Bangkok" language="en" />);

  const weekCard = (name: string) => screen.getByRole('heading', { name }).closest('li')!;
  expect(weekCard('Week 1: Who defends rights').querySelector('details')).not.toHaveAttribute('open');
  expect(weekCard('Week 1: Who defends rights')).toHaveTextContent('Done');
  const current = weekCard('Week 2: The protection framework');
  expect(current.querySelector('details')).toHaveAttribute('open');
  expect(current).toHaveTextContent('1 of 2 done');
  expect(within(current).getByRole('link', { name: 'Protection programmes' }).closest('li')).toHaveTextContent('Up next');
  expect(within(current).getByRole('link', { name: 'Regional mechanisms' }).closest('li')).toHaveTextContent('Completed');
  expect(weekCard('Week 3: Acting together')).toHaveTextContent('Opens Mon, Feb 8, 2027, 09:30 (Thailand Time)');
});

test('a trainer finds every week open, with no progress of their own', () => {
  const asTrainer = { ...course, myEnrollment: { ...course.myEnrollment!, role: 'TRAINER' } } as ShellCourse;
  render(<CourseWeeks course={asTrainer} timeZone="Asia/Bangkok" language="en" />);

  for (const details of document.querySelectorAll('details')) expect(details).toHaveAttribute('open');
  expect(screen.queryByText(/of 2 done/)).toBeNull();
  expect(screen.queryByText('Up next')).toBeNull();
});

test('a week lists its other items (assignments) after its lessons with their state, and marks the one being read', () => {
  const weekItems = [
    { id: 'a1', moduleId: 'm2', title: 'Map the defenders', to: '/courses/defenders-2027/assignments/a1', badge: <span>Draft</span> },
    { id: 'a2', moduleId: null, title: 'Final reflection', to: '/courses/defenders-2027/assignments/a2', badge: <span>To do</span> },
  ];
  render(<CourseNav course={course} currentLessonId="a1" weekItems={weekItems} timeZone="Asia/Bangkok" language="en" />);

  const outline = screen.getByRole('navigation', { name: 'Course outline' });
  const week2 = within(outline).getByRole('heading', { name: 'Week 2: The protection framework' }).closest('li')!;
  const links = within(week2).getAllByRole('link');
  expect(links.map((link) => link.textContent)).toEqual(['Regional mechanisms, Completed', 'Protection programmes', 'Map the defendersDraft']);
  expect(links[2]).toHaveAttribute('aria-current', 'page');
  expect(links[2]).toHaveAttribute('href', '/courses/defenders-2027/assignments/a1');
  // An item of no week comes after the weeks.
  expect(within(outline).getAllByRole('link').at(-1)).toHaveTextContent('Final reflectionTo do');
});
