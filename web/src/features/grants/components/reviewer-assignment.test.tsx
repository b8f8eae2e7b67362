import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CandidateList } from './reviewer-assignment';

const person = (id: string, displayName: string) => ({ id, displayName });
const candidates = [
  { reviewer: person('r1', 'Ko Zaw'), assigned: false, conflict: 'SAME_ORGANIZATION' as const },
  { reviewer: person('r2', 'Bishnu'), assigned: false, conflict: null },
  { reviewer: person('r3', 'Dao'), assigned: false, conflict: 'DECLARED' as const },
  { reviewer: person('r4', 'Ana'), assigned: true, conflict: null },
  { reviewer: person('r5', 'Mya'), assigned: true, conflict: null },
];

test('reviewers the server would refuse are shown in advance, disabled, with the reason', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  const onAssign = vi.fn();
  renderWithApp(<CandidateList candidates={candidates} submitted={new Set(['r5'])} busy={false} language="en" onAssign={onAssign} onUnassign={vi.fn()} />, { client });
  const sameOrganization = await screen.findByRole('button', { name: 'Assign Ko Zaw' });
  expect(sameOrganization).toBeDisabled();
  expect(sameOrganization).toHaveAccessibleDescription("Conflict: member of the applicant's organization");
  expect(screen.getByRole('button', { name: 'Assign Dao' })).toBeDisabled();
  expect(screen.getByRole('button', { name: 'Assign Dao' })).toHaveAccessibleDescription('Conflict: declared by the reviewer');
  const free = screen.getByRole('button', { name: 'Assign Bishnu' });
  expect(free).toBeEnabled();
  await userEvent.setup().click(free);
  expect(onAssign).toHaveBeenCalledWith('r2');
});

test('assigned reviewers can be taken off until they have submitted their review', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  const onUnassign = vi.fn();
  renderWithApp(<CandidateList candidates={candidates} submitted={new Set(['r5'])} busy={false} language="en" onAssign={vi.fn()} onUnassign={onUnassign} />, { client });
  expect(await screen.findByRole('button', { name: 'Unassign Mya' })).toBeDisabled();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Unassign Ana' }));
  expect(onUnassign).toHaveBeenCalledWith('r4');
  expect(screen.queryByRole('button', { name: 'Assign Ana' })).not.toBeInTheDocument();
});
