import { fireEvent, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { LessonReader } from './lesson-reader';

const lesson = {
  __typename: 'Lesson',
  id: 'l1',
  title: 'The NHRI as monitor',
  completed: false,
  bodyHtml:
    '<p>Three roles.</p><p><img src="/course-images/c1/0123456789abcdef.png" alt="Three overlapping circles: monitor, protector, supporter" width="800" height="372" loading="lazy" /></p><p>After.</p>',
  module: { __typename: 'CourseModule', id: 'm1', course: { __typename: 'Course', id: 'c1', language: 'en' } },
} as unknown as Parameters<typeof LessonReader>[0]['lesson'];

test("an image that cannot be shown gives way to its description, and the rest of the text stays", async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<LessonReader lesson={lesson} canComplete={false} />, { client });
  const image = screen.getByRole('img', { name: 'Three overlapping circles: monitor, protector, supporter' });
  expect(image).toHaveAttribute('width', '800');

  fireEvent.error(image);

  expect(screen.queryByRole('img')).not.toBeInTheDocument();
  expect(screen.getByText('Three overlapping circles: monitor, protector, supporter')).toHaveClass('image-unavailable');
  expect(screen.getByText('Three roles.')).toBeInTheDocument();
  expect(screen.getByText('After.')).toBeInTheDocument();
});
