import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ReplyBox } from './reply-box';

const post = (body: string) => ({
  __typename: 'Post', id: 'p9', body, bodyHtml: `<p>${body}</p>`, createdAt: '2027-01-05T03:00:00.000Z', editedAt: null, hidden: false, hiddenReason: null,
  author: { __typename: 'User', id: 'u1', displayName: 'Ana' },
});

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

test('unsent reply text survives the box being thrown away and drawn again (a reload), and is forgotten once posted', async () => {
  const { client, calls } = fakeApi((operation, variables) => (operation === 'ReplyToThread' ? { data: { reply: post(String(variables.body)) } } : { data: {} }));
  const user = userEvent.setup();
  const first = renderWithApp(<ReplyBox threadId="t1" spaceId="s1" userId="u1" onPosted={() => undefined} />, { client });
  await user.type(await screen.findByRole('combobox', { name: 'Your reply (Markdown)' }), 'Half a thought');
  first.unmount();

  // Another person on this device never gets it; the same person does.
  const other = renderWithApp(<ReplyBox threadId="t1" spaceId="s1" userId="u2" onPosted={() => undefined} />, { client });
  expect(await screen.findByRole('combobox', { name: 'Your reply (Markdown)' })).toHaveValue('');
  other.unmount();
  const posted: string[] = [];
  renderWithApp(<ReplyBox threadId="t1" spaceId="s1" userId="u1" onPosted={(p) => posted.push(p.body)} />, { client });
  const box = await screen.findByRole('combobox', { name: 'Your reply (Markdown)' });
  expect(box).toHaveValue('Half a thought');
  expect(screen.getByText('Kept on this device until it is posted.')).toBeInTheDocument();

  await user.type(box, ', finished');
  await user.click(screen.getByRole('button', { name: 'Post reply' }));
  await waitFor(() => expect(posted).toEqual(['Half a thought, finished']));
  expect(calls.find((c) => c.operationName === 'ReplyToThread')?.variables).toMatchObject({ threadId: 't1', body: 'Half a thought, finished', mentionIds: [] });
  expect(box).toHaveValue('');
  expect(Object.keys(localStorage).filter((key) => key.startsWith('kapwa.reply-draft.'))).toEqual([]);
});

test('a reply that cannot be sent (offline) keeps its text, on screen and on the device', async () => {
  const { client } = fakeApi(() => {
    throw new TypeError('Failed to fetch');
  });
  const user = userEvent.setup();
  const first = renderWithApp(<ReplyBox threadId="t2" spaceId="s1" userId="u1" onPosted={() => undefined} />, { client });
  await user.type(await screen.findByRole('combobox', { name: 'Your reply (Markdown)' }), 'Written on the bus');
  await user.click(screen.getByRole('button', { name: 'Post reply' }));
  expect(await screen.findByText(/you seem to be offline/)).toBeInTheDocument();
  first.unmount();
  renderWithApp(<ReplyBox threadId="t2" spaceId="s1" userId="u1" onPosted={() => undefined} />, { client });
  expect(await screen.findByRole('combobox', { name: 'Your reply (Markdown)' })).toHaveValue('Written on the bus');
});
