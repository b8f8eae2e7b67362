import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ArchiveButton } from './archive-button';

test('archiving a course says what members keep and asks before sending', async () => {
  const { client, calls } = fakeApi(() => ({ data: { archiveCourse: { __typename: 'Course', id: 'c1', status: 'ARCHIVED' } } }));
  renderWithApp(<ArchiveButton courseId="c1" />, { client });
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Archive course' }));
  expect(calls).toHaveLength(0);
  expect(screen.getByRole('group', { name: /members keep their lessons, progress and certificates/ })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Yes, archive it' }));
  await waitFor(() => expect(calls).toEqual([{ operationName: 'ArchiveCourse', variables: { courseId: 'c1' } }]));
});
