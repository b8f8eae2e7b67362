import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ReleaseGrades } from './release-grades';

test('releasing all grades of an assignment asks first, then says how many were released', async () => {
  const { client, calls } = fakeApi(() => ({ data: { releaseGrades: 3 } }));
  renderWithApp(<ReleaseGrades assignments={[{ id: 'a1', title: 'Action plan' }]} courseLanguage="en" />, { client });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Release all grades: Action plan' }));
  expect(calls).toHaveLength(0);
  const confirm = screen.getByRole('button', { name: 'Release grades' });
  await waitFor(() => expect(confirm).toHaveFocus());
  await user.click(confirm);
  expect(await screen.findByText('3 grades of “Action plan” released.')).toBeInTheDocument();
  expect(calls).toEqual([{ operationName: 'ReleaseGrades', variables: { assignmentId: 'a1' } }]);
});
