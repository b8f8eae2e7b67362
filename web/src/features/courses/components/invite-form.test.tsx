import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { InviteForm } from './invite-form';

test('an invitation is sent by email, and the form says only that it was sent', async () => {
  const { client, calls } = fakeApi(() => ({ data: { inviteCourseMember: true } }));
  renderWithApp(<InviteForm courseId="c1" />, { client });
  const user = userEvent.setup();

  await user.type(screen.getByRole('textbox', { name: /Email address/ }), ' ana@example.org ');
  await user.selectOptions(screen.getByRole('combobox', { name: /Role/ }), 'TRAINER');
  await user.type(screen.getByRole('textbox', { name: /Group/ }), 'Nepal');
  await user.click(screen.getByRole('button', { name: 'Send invitation' }));

  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0]).toEqual({
    operationName: 'InviteCourseMember',
    variables: { courseId: 'c1', email: 'ana@example.org', role: 'TRAINER', group: 'Nepal' },
  });
  expect(await screen.findByText('An invitation is on its way to ana@example.org.')).toBeInTheDocument();
});

test('an address that is no address is caught before anything is sent', async () => {
  const { client, calls } = fakeApi(() => ({ data: { inviteCourseMember: true } }));
  renderWithApp(<InviteForm courseId="c1" />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: /Email address/ }), 'not an address');
  await user.click(screen.getByRole('button', { name: 'Send invitation' }));
  expect(await screen.findByText('Enter an email address like name@example.org.')).toBeInTheDocument();
  expect(calls).toHaveLength(0);
});
