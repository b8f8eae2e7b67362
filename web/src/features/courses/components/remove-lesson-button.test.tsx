import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import '../../../test/dialog';
import { fakeApi, renderWithApp } from '../../../test/render';
import { RemoveLessonDialog } from './remove-lesson-button';

const lesson = { id: 'l2', title: 'Complaints handling' };

test('removing a lesson asks first, and sends only on “Yes”', async () => {
  const { client, calls } = fakeApi(() => ({
    data: { deleteLesson: { __typename: 'Module', id: 'm1', lessonCount: 1, lessons: [] } },
  }));
  const onClose = vi.fn();
  const onRemoved = vi.fn();
  renderWithApp(<RemoveLessonDialog courseId="c1" lesson={lesson} open onClose={onClose} onRemoved={onRemoved} />, { client });
  const user = userEvent.setup();
  expect(screen.getByText(/Remove the lesson “Complaints handling”\?/)).toBeInTheDocument();

  // Changing one's mind sends nothing.
  await user.click(screen.getByRole('button', { name: 'No, keep it' }));
  expect(onClose).toHaveBeenCalled();
  expect(calls).toHaveLength(0);

  await user.click(screen.getByRole('button', { name: 'Yes, remove the lesson' }));
  await waitFor(() => expect(onRemoved).toHaveBeenCalled());
  expect(calls).toEqual([{ operationName: 'DeleteLesson', variables: { lessonId: 'l2' } }]);
});

test('a refusal is shown in the dialog, which stays open', async () => {
  const { client } = fakeApi(() => ({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }));
  const onRemoved = vi.fn();
  renderWithApp(<RemoveLessonDialog courseId="c1" lesson={lesson} open onClose={vi.fn()} onRemoved={onRemoved} />, { client });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Yes, remove the lesson' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('You are not allowed to do this.'));
  expect(onRemoved).not.toHaveBeenCalled();
});
