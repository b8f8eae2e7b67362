import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ModuleForm } from './module-form';

test('an opening time is entered in the course’s zone and sent as UTC', async () => {
  const { client, calls } = fakeApi((_, variables) => ({
    data: {
      addModule: {
        __typename: 'Module', id: 'm9', position: 1, title: 'Week 1', part: null, locked: true,
        opensAt: (variables.input as { opensAt: string }).opensAt,
      },
    },
  }));
  renderWithApp(<ModuleForm courseId="c1" courseTimeZone="Asia/Bangkok" courseLanguage="en" timeZone="Asia/Yangon" language="en" />, { client });
  const user = userEvent.setup();

  await user.type(screen.getByLabelText('Module title'), 'Week 1');
  const opensAt = screen.getByLabelText('Opens at (Thailand Time)');
  fireEvent.change(opensAt, { target: { value: '2027-02-08T09:30' } });
  // What that means for the trainer, who is in another zone.
  expect(screen.getByTestId('opens-at-local')).toHaveTextContent('09:00 in your zone (Myanmar Time)');
  await user.click(screen.getByRole('button', { name: 'Add module' }));

  await waitFor(() => expect(calls).toHaveLength(1));
  const input = calls[0].variables.input as { opensAt: string; courseId: string; part: string | null };
  expect(new Date(input.opensAt).toISOString()).toBe('2027-02-08T02:30:00.000Z');
  expect(input).toMatchObject({ courseId: 'c1', part: null });
  expect(await screen.findByRole('status')).toHaveTextContent('Module “Week 1” added.');
});

test('a refused title is shown next to the title field', async () => {
  const { client } = fakeApi(() => ({
    errors: [{ message: 'A module title needs 1 to 200 characters.', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }],
  }));
  renderWithApp(<ModuleForm courseId="c1" courseTimeZone="Asia/Bangkok" courseLanguage="en" timeZone="Asia/Bangkok" language="en" />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Module title'), 'x');
  await user.click(screen.getByRole('button', { name: 'Add module' }));

  const title = screen.getByLabelText('Module title');
  await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
  expect(title).toHaveAccessibleDescription(/up to 200 characters/);
});

test('editing a module pre-fills it in the course’s zone; clearing the time opens it now', async () => {
  const { client, calls } = fakeApi(() => ({
    data: { updateModule: { __typename: 'Module', id: 'm1', position: 1, title: 'Week 1', part: null, locked: false, opensAt: null } },
  }));
  const module = { id: 'm1', title: 'Week 1', part: 'Part One', opensAt: '2027-02-08T02:30:00.000Z' };
  renderWithApp(<ModuleForm courseId="c1" courseTimeZone="Asia/Bangkok" courseLanguage="en" timeZone="Asia/Bangkok" language="en" module={module} />, { client });
  const user = userEvent.setup();

  expect(screen.getByLabelText('Module title')).toHaveValue('Week 1');
  expect(screen.getByLabelText('Part')).toHaveValue('Part One');
  expect(screen.getByLabelText('Opens at (Thailand Time)')).toHaveValue('2027-02-08T09:30');

  await user.clear(screen.getByLabelText('Part'));
  await user.click(screen.getByRole('button', { name: 'Clear the opening time (open now)' }));
  expect(screen.getByLabelText('Opens at (Thailand Time)')).toHaveValue('');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables).toEqual({ moduleId: 'm1', input: { part: null, opensAt: null } });
});
