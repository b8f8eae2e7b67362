import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ReplyBox } from './reply-box';

afterEach(() => localStorage.clear());

const people = [
  { __typename: 'User', id: 'u-sita', displayName: 'Sita Sharma' },
  { __typename: 'User', id: 'u-somchai', displayName: 'Somchai Dee' },
];

function api() {
  return fakeApi((operation, variables) => {
    if (operation === 'MentionCandidates') {
      const term = String(variables.search).toLowerCase();
      return { data: { mentionCandidates: people.filter((p) => p.displayName.toLowerCase().split(' ').some((w) => w.startsWith(term))) } };
    }
    if (operation === 'ReplyToThread') {
      return { data: { reply: { __typename: 'Post', id: 'p1', body: String(variables.body), bodyHtml: '', createdAt: '2027-01-05T03:00:00.000Z', editedAt: null, hidden: false, hiddenReason: null, author: { __typename: 'User', id: 'me', displayName: 'Me' } } } };
    }
    return { data: {} };
  });
}

test('typing @ and letters lists people; arrows move, Enter inserts @Name, Escape closes; the picked person is sent as a mention', async () => {
  const { client, calls } = api();
  const user = userEvent.setup();
  renderWithApp(<ReplyBox threadId="t1" spaceId="space-1" userId="me" onPosted={() => undefined} />, { client });
  const box = await screen.findByRole('combobox', { name: 'Your reply (Markdown)' });
  expect(box).toHaveAttribute('aria-expanded', 'false');

  await user.type(box, 'Thanks @s');
  const list = await screen.findByRole('listbox', { name: 'People to mention' });
  await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Sita Sharma', 'Somchai Dee']));
  expect(box).toHaveAttribute('aria-expanded', 'true');
  expect(box).toHaveAttribute('aria-controls', list.id);
  expect(calls.find((c) => c.operationName === 'MentionCandidates')?.variables).toEqual({ spaceId: 'space-1', search: 's' });
  expect(screen.getByRole('option', { name: 'Sita Sharma' })).toHaveAttribute('aria-selected', 'true');

  await user.keyboard('{ArrowDown}');
  expect(screen.getByRole('option', { name: 'Somchai Dee' })).toHaveAttribute('aria-selected', 'true');
  expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'Somchai Dee' }).id);
  await user.keyboard('{ArrowUp}');
  expect(screen.getByRole('option', { name: 'Sita Sharma' })).toHaveAttribute('aria-selected', 'true');

  // Escape closes the list and leaves the text as typed.
  await user.keyboard('{Escape}');
  expect(box).toHaveAttribute('aria-expanded', 'false');
  expect(box).toHaveValue('Thanks @s');

  // Typing on opens it again; Enter picks the highlighted person instead of adding a new line.
  await user.type(box, 'o');
  await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Somchai Dee']));
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('Thanks @Somchai Dee ');
  expect(box).toHaveAttribute('aria-expanded', 'false');

  await user.type(box, 'and all');
  await user.click(screen.getByRole('button', { name: 'Post reply' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'ReplyToThread')).toBeDefined());
  expect(calls.find((c) => c.operationName === 'ReplyToThread')?.variables).toEqual({ threadId: 't1', body: 'Thanks @Somchai Dee and all', mentionIds: ['u-somchai'] });
});

test('a person picked and then deleted from the text is not mentioned', async () => {
  const { client, calls } = api();
  const user = userEvent.setup();
  renderWithApp(<ReplyBox threadId="t1" spaceId="space-1" userId="me" onPosted={() => undefined} />, { client });
  const box = await screen.findByRole('combobox', { name: 'Your reply (Markdown)' });
  await user.type(box, '@sh');
  await screen.findByRole('option', { name: 'Sita Sharma' });
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('@Sita Sharma ');
  await user.clear(box);
  await user.type(box, 'Never mind');
  await user.click(screen.getByRole('button', { name: 'Post reply' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'ReplyToThread')?.variables).toMatchObject({ mentionIds: [] }));
});

test('a mention picked before a reload is still sent with the reply kept on the device', async () => {
  const { client, calls } = api();
  const user = userEvent.setup();
  const first = renderWithApp(<ReplyBox threadId="t3" spaceId="space-1" userId="me" onPosted={() => undefined} />, { client });
  const box = await screen.findByRole('combobox', { name: 'Your reply (Markdown)' });
  await user.type(box, 'Ask @sit');
  await screen.findByRole('option', { name: 'Sita Sharma' });
  await user.keyboard('{Enter}');
  first.unmount();
  renderWithApp(<ReplyBox threadId="t3" spaceId="space-1" userId="me" onPosted={() => undefined} />, { client });
  expect(await screen.findByRole('combobox', { name: 'Your reply (Markdown)' })).toHaveValue('Ask @Sita Sharma ');
  await user.click(screen.getByRole('button', { name: 'Post reply' }));
  await waitFor(() => expect(calls.find((c) => c.operationName === 'ReplyToThread')?.variables).toMatchObject({ mentionIds: ['u-sita'] }));
  expect(Object.keys(localStorage).filter((key) => key.includes('-draft.'))).toEqual([]);
});
