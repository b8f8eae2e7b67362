import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { SpaceInvitations } from './space-invitations';

const invitation = (id: string, slug: string, title: string, kind: string) => ({
  __typename: 'SpaceInvitation',
  id,
  courseTitle: 'Protecting defenders',
  createdAt: '2026-12-01T00:00:00.000Z',
  space: { __typename: 'Space', id: `space-${id}`, slug, title, description: `About ${title}.`, kind },
});

test('lists the invitations with Join per space and Join all; joined spaces leave the list with a link to each', async () => {
  let pending = [invitation('1', 'alumni', 'Alumni network', 'NETWORK'), invitation('2', 'nepal', 'Nepal', 'COUNTRY')];
  const { client, calls } = fakeApi((operation, variables) => {
    if (operation === 'AcceptSpaceInvitations') {
      const ids = variables.ids as string[];
      const joined = pending.filter((i) => ids.includes(i.id));
      pending = pending.filter((i) => !ids.includes(i.id));
      return { data: { acceptSpaceInvitations: joined.map((i) => ({ __typename: 'Space', id: i.space.id, slug: i.space.slug, isMember: true })) } };
    }
    return { data: { mySpaceInvitations: pending } };
  });
  renderWithApp(<SpaceInvitations />, { client });

  expect(await screen.findByRole('heading', { name: 'Alumni network' })).toBeInTheDocument();
  expect(screen.getAllByText(/From the course Protecting defenders/)).toHaveLength(2);
  await userEvent.click(screen.getByRole('button', { name: 'Join Nepal' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'AcceptSpaceInvitations')?.variables).toEqual({ ids: ['2'] }));
  expect(await screen.findByText('You joined 1 space.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Open Nepal' })).toHaveAttribute('href', '/community/nepal');
  await waitFor(() => expect(screen.queryByRole('heading', { name: 'Nepal' })).toBeNull());
  // One left: no "Join all" for a single invitation.
  expect(screen.queryByRole('button', { name: 'Join all' })).toBeNull();
});

test('Join all joins every invitation at once; with none left it says so', async () => {
  let pending = [invitation('1', 'alumni', 'Alumni network', 'NETWORK'), invitation('2', 'nepal', 'Nepal', 'COUNTRY')];
  const { client, calls } = fakeApi((operation, variables) => {
    if (operation === 'AcceptSpaceInvitations') {
      const joined = pending;
      pending = [];
      return { data: { acceptSpaceInvitations: joined.filter((i) => (variables.ids as string[]).includes(i.id)).map((i) => ({ __typename: 'Space', id: i.space.id, slug: i.space.slug, isMember: true })) } };
    }
    return { data: { mySpaceInvitations: pending } };
  });
  renderWithApp(<SpaceInvitations />, { client, language: 'th' });
  await userEvent.click(await screen.findByRole('button', { name: 'เข้าร่วมทั้งหมด' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'AcceptSpaceInvitations')?.variables).toEqual({ ids: ['1', '2'] }));
  expect(await screen.findByText('ไม่มีคำเชิญที่รอคุณอยู่')).toBeInTheDocument();
  expect(screen.getByText('คุณเข้าร่วม 2 พื้นที่แล้ว')).toBeInTheDocument();
});
