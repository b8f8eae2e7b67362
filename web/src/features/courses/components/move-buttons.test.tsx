import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { MoveLessonButtons, MoveModuleButtons } from './move-buttons';

const lesson = (id: string, position: number) => ({ __typename: 'Lesson', id, position, title: `Lesson ${id}`, estimatedMinutes: null, body: '' });
const module = (id: string, position: number, lessons: ReturnType<typeof lesson>[]) => ({
  __typename: 'Module', id, position, title: `Week ${position}`, part: null, opensAt: null, locked: false, lessonCount: lessons.length, lessons,
});
const outline = {
  __typename: 'Course', id: 'c1', lessonCount: 3,
  modules: [module('m1', 1, [lesson('l1', 1), lesson('l2', 2)]), module('m2', 2, [lesson('l3', 1)])],
};

test('a lesson at the end of its week moves down into the next week, and the move is announced', async () => {
  const { client, calls } = fakeApi(() => ({ data: { moveLesson: outline } }));
  const onMoved = vi.fn();
  renderWithApp(<MoveLessonButtons outline={outline} lesson={{ id: 'l2', title: 'Reprisals' }} onMoved={onMoved} />, { client });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Move lesson “Reprisals” down' }));
  await waitFor(() => expect(onMoved).toHaveBeenCalledWith({ message: 'Lesson “Reprisals” is now number 1 in “Week 2”.', failed: false }));
  expect(calls).toEqual([{ operationName: 'MoveLesson', variables: { input: { lessonId: 'l2', moduleId: 'm2', position: 1 } } }]);
});

test('the first module cannot go up; a refused move is reported as a failure', async () => {
  const { client, calls } = fakeApi(() => ({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }));
  const onMoved = vi.fn();
  renderWithApp(<MoveModuleButtons outline={outline} module={outline.modules[0]} onMoved={onMoved} />, { client });
  expect(screen.getByRole('button', { name: 'Move module “Week 1” up' })).toBeDisabled();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Move module “Week 1” down' }));
  await waitFor(() => expect(onMoved).toHaveBeenCalledTimes(1));
  expect(calls[0]).toEqual({ operationName: 'MoveModule', variables: { moduleId: 'm1', position: 2 } });
  expect(onMoved.mock.calls[0][0]).toEqual({ message: 'The move was not saved, so the outline is back as it was. You are not allowed to do this.', failed: true });
});
