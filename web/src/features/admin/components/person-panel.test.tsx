import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { PersonPanel } from './person-panel';

const person = {
  __typename: 'User' as const,
  id: 'u1',
  displayName: 'Ratana',
  email: 'ratana@example.org',
  roles: [],
  lastSignInAt: null,
  suspendedAt: null,
  organization: null,
};

function api() {
  return fakeApi((operation, variables) => {
    if (operation === 'Organizations') return { data: { organizations: [] } };
    if (operation === 'AdminSetRoles') return { data: { setUserRoles: { ...person, roles: variables.roles } } };
    if (operation === 'SuspendUser') return { data: { suspendUser: { ...person, suspendedAt: '2026-12-01T10:00:00.000Z' } } };
    return { errors: [{ message: 'unexpected', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  });
}

test('roles are checkboxes saved together, and the save is announced', async () => {
  const { client, calls } = api();
  renderWithApp(<PersonPanel person={person} isMe={false} onClose={() => {}} />, { client });
  const user = userEvent.setup();
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Manage Ratana' }));

  await user.click(screen.getByRole('checkbox', { name: 'Trainer' }));
  await user.click(screen.getByRole('checkbox', { name: 'Reviewer' }));
  await user.click(screen.getByRole('button', { name: 'Save roles' }));
  await screen.findByText('Roles of Ratana saved.');
  expect(calls.find((c) => c.operationName === 'AdminSetRoles')?.variables).toEqual({ userId: 'u1', roles: ['TRAINER', 'REVIEWER'] });
});

test('a suspension is not sent without a reason, and the field says why', async () => {
  const { client, calls } = api();
  renderWithApp(<PersonPanel person={person} isMe={false} onClose={() => {}} />, { client });
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Suspend account' }));
  expect(await screen.findByText('Say why the account is suspended.')).toBeInTheDocument();
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Reason')));
  expect(calls.filter((c) => c.operationName === 'SuspendUser')).toHaveLength(0);

  await user.type(screen.getByLabelText('Reason'), '  Spam  ');
  await user.click(screen.getByRole('button', { name: 'Suspend account' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'SuspendUser')?.variables).toEqual({ userId: 'u1', reason: 'Spam' }));
});

test('one cannot suspend oneself from the console', async () => {
  const { client } = api();
  renderWithApp(<PersonPanel person={person} isMe onClose={() => {}} />, { client });
  await waitFor(() => expect(client.cache.extract()).toHaveProperty('ROOT_QUERY.organizations'));
  expect(screen.queryByRole('button', { name: 'Suspend account' })).toBeNull();
});
