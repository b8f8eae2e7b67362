import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { MoveLessonButtons, MoveModuleButtons } from './move-buttons';

const modules = [
  { id: 'm1', title: 'Week 1', position: 1, lessons: [{ id: 'l1', position: 1 }, { id: 'l2', position: 2 }] },
  { id: 'm2', title: 'Week 2', position: 2, lessons: [{ id: 'l3', position: 1 }] },
];
const outline = { __typename: 'Course', id: 'c1', lessonCount: 3, modules: [] };

test('a lesson at the end of its week moves down into the next week, and the move is announced', async () => {
  const { client, calls } = fakeApi(() => ({ data: { moveLesson: outline } }));
  const onMoved = vi.fn();
  renderWithApp(<MoveLessonButtons modules={modules} lesson={{ id: 'l2', title: 'Reprisals' }} onMoved={onMoved} />, { client });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Move lesson “Reprisals” down' }));
  await waitFor(() => expect(onMoved).toHaveBeenCalledWith('Lesson “Reprisals” is now number 1 in “Week 2”.'));
  expect(calls).toEqual([{ operationName: 'MoveLesson', variables: { input: { lessonId: 'l2', moduleId: 'm2', position: 1 } } }]);
});

test('the first module cannot go up; a refused move is announced', async () => {
  const { client, calls } = fakeApi(() => ({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }));
  const onMoved = vi.fn();
  renderWithApp(<MoveModuleButtons modules={modules} module={modules[0]} onMoved={onMoved} />, { client });
  expect(screen.getByRole('button', { name: 'Move module “Week 1” up' })).toBeDisabled();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Move module “Week 1” down' }));
  await waitFor(() => expect(onMoved).toHaveBeenCalledTimes(1));
  expect(calls[0]).toEqual({ operationName: 'MoveModule', variables: { moduleId: 'm1', position: 2 } });
  expect(onMoved.mock.calls[0][0]).not.toMatch(/now number/);
});
