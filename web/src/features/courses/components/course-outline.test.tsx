import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CourseOutline } from './course-outline';

const course = {
  slug: 'defenders-2027',
  timeZone: 'Asia/Bangkok',
  language: 'en',
  modules: [
    {
      id: 'm1', position: 1, title: 'Week 1: Who defends rights', part: 'Part One', opensAt: null, locked: false, lessonCount: 2,
      lessons: [
        { id: 'l1', position: 1, title: 'Why defenders matter', estimatedMinutes: 10, completed: true },
        { id: 'l2', position: 2, title: 'The UN Declaration', estimatedMinutes: 15, completed: false },
      ],
    },
    {
      id: 'm2', position: 2, title: 'Week 2: Protection', part: 'Part One', opensAt: '2027-02-08T02:30:00Z', locked: true, lessonCount: 3,
      lessons: [],
    },
  ],
};

test('a locked week shows its title, its size and when it opens: the course’s date, with the reader’s time beside', () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<CourseOutline course={course} timeZone="Asia/Yangon" language="en" />, { client });

  const week = screen.getByRole('heading', { name: 'Week 2: Protection' }).closest('li')!;
  expect(week).toHaveTextContent('3 lessons');
  expect(week).toHaveTextContent('Opens Mon, Feb 8, 2027, 09:30 (Thailand Time) — Mon, Feb 8, 2027, 09:00 your time');
  expect(within(week).queryAllByRole('link')).toHaveLength(0);
});

test('weeks are grouped under their part and completed lessons are ticked', () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<CourseOutline course={course} timeZone="Asia/Bangkok" language="en" />, { client });

  expect(screen.getByRole('heading', { level: 2, name: 'Part One' })).toBeInTheDocument();
  const done = screen.getByRole('link', { name: 'Why defenders matter' }).closest('li')!;
  expect(done).toHaveTextContent('Completed');
  expect(screen.getByRole('link', { name: 'The UN Declaration' }).closest('li')).not.toHaveTextContent('Completed');
  // Same zone as the course: no second time.
  expect(screen.getByRole('heading', { name: 'Week 2: Protection' }).closest('li')).not.toHaveTextContent('your time');
});
