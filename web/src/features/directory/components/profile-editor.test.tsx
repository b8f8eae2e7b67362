import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MyDirectoryProfileQuery } from '@kapwa/graphql';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ProfileEditor } from './profile-editor';

const profile = {
  __typename: 'Profile',
  bio: '',
  expertise: ['reprisals'],
  languages: ['en'],
  isFocalPoint: false,
  visibility: 'HIDDEN',
  suggestedExpertise: ['mediation', 'digital security'],
  user: { __typename: 'User', id: 'me', displayName: 'Sita', country: 'NP', organization: null },
} as MyDirectoryProfileQuery['myProfile'];

const answer = (input: Record<string, unknown>) => ({ data: { updateMyProfile: { ...profile, ...input, suggestedExpertise: [] } } });

test('says plainly who sees the profile for each choice, and that the email is never shown', () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(<ProfileEditor profile={profile} language="en" />, { client });
  expect(screen.getByRole('radio', { name: 'Hidden (default)' })).toBeChecked();
  expect(screen.getByRole('radio', { name: 'Hidden (default)' })).toHaveAccessibleDescription(/Only platform admins see your profile/);
  expect(screen.getByRole('radio', { name: 'Signed-in members' })).toHaveAccessibleDescription(/name, organization, country, bio, expertise and languages/);
  expect(screen.getByText('Your email address is never shown to other members, whatever you choose.')).toBeInTheDocument();
});

test('a topic of a completed course joins the expertise with one click, and the profile is saved listed', async () => {
  const { client, calls } = fakeApi((_, variables) => answer(variables.input as Record<string, unknown>));
  renderWithApp(<ProfileEditor profile={profile} language="en" />, { client });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Add “mediation” to my expertise' }));
  expect(screen.getByLabelText('Expertise')).toHaveValue('reprisals, mediation');
  // Offered once: what is already in the expertise is not offered again.
  expect(screen.queryByRole('button', { name: 'Add “mediation” to my expertise' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('radio', { name: 'Signed-in members' }));
  await user.click(screen.getByRole('checkbox', { name: 'Thai' }));
  await user.type(screen.getByLabelText('About my work'), 'Complaints officer.');
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables.input).toEqual({ visibility: 'MEMBERS', bio: 'Complaints officer.', expertise: ['reprisals', 'mediation'], languages: ['en', 'th'] });
  expect(await screen.findByText('Saved. Signed-in members can now find you.')).toBeInTheDocument();
});

test('a field the API refuses is shown beside it', async () => {
  const { client } = fakeApi(() => ({ errors: [{ message: 'Keep each tag to 60 characters.', extensions: { code: 'BAD_USER_INPUT', field: 'expertise' } }] }));
  renderWithApp(<ProfileEditor profile={profile} language="en" />, { client });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  expect(await screen.findByText('Keep each tag to 60 characters.')).toBeInTheDocument();
  expect(screen.getByLabelText('Expertise')).toHaveAttribute('aria-invalid', 'true');
});
