import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DirectoryProfileFieldsFragment } from '@kapwa/graphql';
import { expect, test } from 'vitest';
import '../../../test/dialog';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ProfileCard } from './profile-card';

const sita = {
  __typename: 'Profile',
  bio: 'Complaints officer.',
  expertise: ['reprisals', 'mediation'],
  languages: ['ne'],
  isFocalPoint: true,
  visibility: 'MEMBERS',
  user: { __typename: 'User', id: 'sita', displayName: 'Sita Sharma', country: 'NP', organization: { __typename: 'Organization', id: 'o1', name: 'Commission of Nepal' } },
} as DirectoryProfileFieldsFragment;

test('shows name, organization, country, expertise and the focal-point badge', () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(<ProfileCard profile={sita} viewerId="min" isAdmin={false} language="en" />, { client });
  const card = screen.getByRole('article', { name: /Sita Sharma/ });
  expect(within(card).getByRole('heading', { name: 'Sita Sharma' })).toBeInTheDocument();
  expect(within(card).getByRole('link', { name: 'Commission of Nepal' })).toHaveAttribute('href', '/organizations/o1');
  expect(card).toHaveTextContent('Nepal');
  expect(within(card).getByText('Focal point')).toBeInTheDocument();
  expect(within(within(card).getByRole('list', { name: 'Expertise' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['reprisals', 'mediation']);
  // Members do not mark focal points.
  expect(within(card).queryByRole('button', { name: /focal point/ })).not.toBeInTheDocument();
});

test('Contact sends the message and confirms it; an empty message is refused first', async () => {
  const { client, calls } = fakeApi(() => ({ data: { contactMember: true } }));
  renderWithApp(<ProfileCard profile={sita} viewerId="min" isAdmin={false} language="en" />, { client });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Contact Sita Sharma' }));
  const dialog = screen.getByRole('dialog', { name: 'Message to Sita Sharma' });
  expect(within(dialog).getByLabelText('Message')).toHaveAccessibleDescription(/Neither of your email addresses is shown/);
  await user.click(within(dialog).getByRole('button', { name: 'Send message' }));
  expect(await within(dialog).findByText('Write a message.')).toBeInTheDocument();
  expect(calls).toHaveLength(0);
  await user.type(within(dialog).getByLabelText('Message'), 'Could we talk?');
  await user.click(within(dialog).getByRole('button', { name: 'Send message' }));
  expect(await within(dialog).findByText('Your message was sent to Sita Sharma.')).toBeInTheDocument();
  expect(calls).toEqual([{ operationName: 'ContactMember', variables: { userId: 'sita', message: 'Could we talk?' } }]);
});

test('no Contact on one’s own card; admins mark and unmark focal points from the card', async () => {
  const { client, calls } = fakeApi((name, variables) =>
    name === 'SetFocalPoint' ? { data: { setFocalPoint: { ...sita, isFocalPoint: variables.isFocalPoint } } } : { data: { directory: [], organization: null } },
  );
  const { unmount } = renderWithApp(<ProfileCard profile={sita} viewerId="sita" isAdmin={false} language="en" />, { client });
  expect(screen.queryByRole('button', { name: /Contact/ })).not.toBeInTheDocument();
  unmount();
  renderWithApp(<ProfileCard profile={sita} viewerId="admin" isAdmin language="en" />, { client });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Remove Sita Sharma as focal point of Commission of Nepal' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'SetFocalPoint')?.variables).toEqual({ userId: 'sita', isFocalPoint: false }));
});
