import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { InlineRename } from './inline-rename';

const lesson = { id: 'l1', title: 'Where to turn' };
const renamed = (title: string) => ({ data: { updateLesson: { __typename: 'Lesson', id: 'l1', position: 1, title, estimatedMinutes: null, body: 'x' } } });

test('Enter saves the new title; the field starts with the old one, selected', async () => {
  const { client, calls } = fakeApi((_, variables) => renamed((variables.input as { title: string }).title));
  const onDone = vi.fn();
  renderWithApp(<InlineRename kind="lesson" item={lesson} lang="en" onDone={onDone} />, { client });
  const field = screen.getByRole('textbox', { name: 'Rename lesson “Where to turn”' });
  expect(field).toHaveFocus();
  expect(field).toHaveValue('Where to turn');
  // Typing replaces the selected title.
  await userEvent.setup().keyboard('Where to turn for help{Enter}');
  await waitFor(() => expect(onDone).toHaveBeenCalledWith('Where to turn for help'));
  expect(calls).toEqual([{ operationName: 'UpdateLesson', variables: { lessonId: 'l1', input: { title: 'Where to turn for help' } } }]);
});

test('Escape cancels without sending anything', async () => {
  const { client, calls } = fakeApi(() => renamed('x'));
  const onDone = vi.fn();
  renderWithApp(<InlineRename kind="lesson" item={lesson} lang="en" onDone={onDone} />, { client });
  await userEvent.setup().keyboard('Something else{Escape}');
  expect(onDone).toHaveBeenCalledWith(null);
  expect(calls).toHaveLength(0);
});

test('an empty title is refused before sending, and what the API refuses is shown under the field', async () => {
  const { client, calls } = fakeApi(() => ({
    errors: [{ message: 'Only the course’s trainers can change it.', extensions: { code: 'FORBIDDEN' } }],
  }));
  const onDone = vi.fn();
  renderWithApp(<InlineRename kind="module" item={{ id: 'm1', title: 'Week 1' }} lang="en" onDone={onDone} />, { client });
  const user = userEvent.setup();
  const field = screen.getByRole('textbox', { name: 'Rename module “Week 1”' });
  await user.keyboard('   {Enter}');
  expect(screen.getByRole('alert')).toHaveTextContent('Give the module a title of up to 200 characters.');
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(calls).toHaveLength(0);

  await user.clear(field);
  await user.keyboard('Week one{Enter}');
  await waitFor(() => expect(calls).toHaveLength(1));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('You are not allowed to do this.'));
  expect(field).toHaveValue('Week one');
  expect(onDone).not.toHaveBeenCalled();
});
