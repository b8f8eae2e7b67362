import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { StartThreadForm } from './start-thread-form';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

test("a thread not started yet keeps its title and text through a reload, for its writer only, until it is started", async () => {
  const { client, calls } = fakeApi((operation) => (operation === 'StartCommunityThread' ? { data: { startThread: { __typename: 'Thread', id: 't9' } } } : { data: {} }));
  const user = userEvent.setup();
  const first = renderWithApp(<StartThreadForm spaceId="s1" userId="u1" />, { client });
  await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Safe houses');
  await user.type(screen.getByRole('combobox', { name: 'Message (Markdown)' }), 'Where can a defender stay?');
  first.unmount();

  const other = renderWithApp(<StartThreadForm spaceId="s1" userId="u2" />, { client });
  expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue('');
  other.unmount();
  renderWithApp(<StartThreadForm spaceId="s1" userId="u1" />, { client });
  expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue('Safe houses');
  expect(screen.getByRole('combobox', { name: 'Message (Markdown)' })).toHaveValue('Where can a defender stay?');
  expect(screen.getByText('Kept on this device until it is posted.')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Start thread' }));
  await waitFor(() => expect(calls.some((c) => c.operationName === 'StartCommunityThread')).toBe(true));
  expect(calls.find((c) => c.operationName === 'StartCommunityThread')?.variables).toMatchObject({ spaceId: 's1', title: 'Safe houses', body: 'Where can a defender stay?' });
  await waitFor(() => expect(Object.keys(localStorage).filter((key) => key.startsWith('kapwa.thread-draft.'))).toEqual([]));
});
