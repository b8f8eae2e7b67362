import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { MyLearningList } from '../features/courses/components/my-learning-list';
import { fakeApi, renderWithApp } from '../test/render';
import CoursePage from './course-page';
import CoursesPage from './courses-page';
import LessonPage from './lesson-page';

// A Thai course, read by someone whose interface is in English.
const TITLE = 'การคุ้มครองนักปกป้องสิทธิมนุษยชน';
const SUMMARY = 'บทบาทของสถาบันสิทธิมนุษยชนแห่งชาติในการคุ้มครองนักปกป้องสิทธิ';
const WEEK = 'สัปดาห์ที่ 1: ใครปกป้องสิทธิ';
const LESSON = 'ทำไมนักปกป้องสิทธิจึงสำคัญ';

const card = {
  __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, summary: SUMMARY, kind: 'COURSE', status: 'PUBLISHED',
  language: 'th', timeZone: 'Asia/Bangkok', startsAt: null, endsAt: null,
};
const course = {
  ...card, lessonCount: 1, myEnrollment: null, myEvaluation: null,
  modules: [
    {
      __typename: 'Module', id: 'm1', position: 1, title: WEEK, part: null, opensAt: null, locked: false, lessonCount: 1,
      lessons: [{ __typename: 'Lesson', id: 'l1', position: 1, title: LESSON, estimatedMinutes: 10, completed: false }],
    },
  ],
};
const lesson = {
  __typename: 'Lesson', id: 'l1', position: 1, title: LESSON, bodyHtml: '<p>นักปกป้องสิทธิมนุษยชนคือผู้ที่ลงมือส่งเสริมหรือคุ้มครองสิทธิ</p>',
  estimatedMinutes: 10, completed: false,
  module: { __typename: 'Module', id: 'm1', title: WEEK, course: { __typename: 'Course', id: 'c1', slug: 'defenders-th', language: 'th' } },
};

const api = () =>
  fakeApi((operation) => {
    if (operation === 'Courses') return { data: { courses: [card] } };
    if (operation === 'Course') return { data: { course } };
    if (operation === 'Lesson') return { data: { lesson } };
    if (operation === 'MyEnrollments') {
      return {
        data: {
          myEnrollments: [
            {
              __typename: 'Enrollment', id: 'e1', role: 'LEARNER', status: 'ACTIVE', group: null, progress: 0, completedAt: null, certificate: null,
              course: { __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, language: 'th', lessonCount: 1 },
            },
          ],
        },
      };
    }
    return { data: {} };
  }).client;

/** The language a screen reader reads this element in: its own `lang` or its nearest ancestor's (<html lang="en">). */
const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');

test('the catalogue gives a Thai course’s title and summary the course’s language, not the interface’s', async () => {
  renderWithApp(<CoursesPage />, { client: api() });

  const title = await screen.findByRole('link', { name: TITLE });
  expect(languageOf(title)).toBe('th');
  expect(languageOf(screen.getByText(SUMMARY))).toBe('th');
  // The interface around it stays English.
  expect(languageOf(screen.getByRole('heading', { level: 1, name: 'Courses' }))).toBe('en');
  expect(languageOf(within(title.closest('li')!).getByText('Course'))).toBe('en');
});

test('the course page: title, summary, weeks and lessons in Thai, its links and buttons in English', async () => {
  renderWithApp(<CoursePage />, { client: api() });

  expect(languageOf(await screen.findByRole('heading', { level: 1, name: TITLE }))).toBe('th');
  expect(languageOf(screen.getByText(SUMMARY))).toBe('th');
  expect(languageOf(screen.getByRole('heading', { name: WEEK }))).toBe('th');
  expect(languageOf(screen.getByRole('link', { name: LESSON }))).toBe('th');
  expect(languageOf(screen.getByRole('link', { name: 'Log in to enrol' }))).toBe('en');
  expect(languageOf(screen.getByText('· 10 min', { exact: false }))).toBe('en');
});

test('the lesson reader: the title and the text in Thai, the rest of the page in English', async () => {
  const { container } = renderWithApp(<LessonPage />, { client: api() });

  expect(await screen.findByRole('heading', { level: 1, name: LESSON })).toHaveAttribute('lang', 'th');
  expect(container.querySelector('.prose')).toHaveAttribute('lang', 'th');
  expect(languageOf(screen.getByText(WEEK))).toBe('th');
  expect(languageOf(screen.getByRole('link', { name: 'Log in to record your progress' }))).toBe('en');
  const neighbours = screen.getByRole('navigation', { name: 'Previous and next lesson' });
  expect(languageOf(within(neighbours).getByRole('link', { name: 'Back to the course' }))).toBe('en');
});

test('My learning: the course’s title in Thai, on the card and in the hidden part of its links’ names', async () => {
  renderWithApp(<MyLearningList />, { client: api() });

  expect(languageOf(await screen.findByRole('link', { name: TITLE }))).toBe('th');
  const open = screen.getByRole('link', { name: `Continue: ${TITLE}` });
  expect(languageOf(open)).toBe('en');
  expect(languageOf(within(open).getByText(TITLE))).toBe('th');
});
