import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { RemoveLessonButton } from './remove-lesson-button';

const lesson = { id: 'l2', title: 'Complaints handling' };

test('removing a lesson asks in the page before sending', async () => {
  const { client, calls } = fakeApi(() => ({
    data: { deleteLesson: { __typename: 'Module', id: 'm1', lessonCount: 1, lessons: [] } },
  }));
  renderWithApp(<RemoveLessonButton courseId="c1" lesson={lesson} />, { client });
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Remove lesson “Complaints handling”' }));
  expect(calls).toHaveLength(0);
  expect(screen.getByRole('group', { name: /Remove the lesson “Complaints handling”\?/ })).toBeInTheDocument();

  // Changing one's mind sends nothing.
  await user.click(screen.getByRole('button', { name: 'No, keep it' }));
  expect(calls).toHaveLength(0);

  await user.click(screen.getByRole('button', { name: 'Remove lesson “Complaints handling”' }));
  await user.click(screen.getByRole('button', { name: 'Yes, remove the lesson' }));
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0]).toEqual({ operationName: 'DeleteLesson', variables: { lessonId: 'l2' } });
});

test('a refusal is announced', async () => {
  const { client } = fakeApi(() => ({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }));
  renderWithApp(<RemoveLessonButton courseId="c1" lesson={lesson} />, { client });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: /Remove lesson/ }));
  await user.click(screen.getByRole('button', { name: 'Yes, remove the lesson' }));
  await waitFor(() => expect(screen.getByRole('alert')).not.toBeEmptyDOMElement());
});
