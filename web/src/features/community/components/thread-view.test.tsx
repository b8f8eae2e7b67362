import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ThreadView } from './thread-view';

afterEach(() => localStorage.clear());

function api(canModerate: boolean) {
  const post = (id: string, body: string, author: string) => ({
    __typename: 'Post', id, body, bodyHtml: `<p>${body}</p>`, createdAt: '2027-01-05T03:00:00.000Z', editedAt: null, hidden: false, hiddenReason: null,
    author: { __typename: 'User', id: author, displayName: author === 'me' ? 'Me Myself' : 'Ana Author' },
  });
  return fakeApi((operation) => {
    if (operation === 'CommunityThread') {
      return {
        data: {
          thread: {
            __typename: 'Thread', id: 't1', title: 'Safe houses', locked: false, createdAt: '2027-01-05T03:00:00.000Z', unreadCount: 1, lastReadAt: null,
            space: { __typename: 'Space', id: 's1', slug: 'course-a', title: 'Course A', description: '', kind: 'COURSE', membersOnly: false, isMember: true, canModerate, course: null },
            posts: { __typename: 'PostConnection', totalCount: 2, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' }, nodes: [post('p1', 'Opening words', 'ana'), post('p2', 'My reply', 'me')] },
          },
        },
      };
    }
    if (operation === 'ReplyToThread') return { data: { reply: post('p3', 'Quoted reply', 'me') } };
    if (operation === 'MarkCommunityThreadRead') return { data: { markThreadRead: { __typename: 'Thread', id: 't1', unreadCount: 0, lastReadAt: '2027-01-05T04:00:00.000Z' } } };
    return { data: {} };
  });
}

test("a member of the course who does not moderate its space sees no moderator controls, and the thread is marked read", async () => {
  const { client, calls } = api(false);
  renderWithApp(<ThreadView threadId="t1" viewer={{ id: 'me', isAdmin: false }} timeZone="UTC" language="en" />, { client });
  expect(await screen.findByRole('heading', { level: 1, name: 'Safe houses' })).toBeInTheDocument();
  expect(screen.getByText('Opening words')).toBeInTheDocument();
  // Never read before: the other person's post is marked new, the viewer's own is not.
  expect(screen.getAllByText('New')).toHaveLength(1);
  expect(screen.queryByRole('button', { name: 'Lock thread' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /^Hide/ })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Report the post by Ana Author' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument(); // their own reply only
  expect(screen.getByRole('combobox', { name: 'Your reply (Markdown)' })).toBeInTheDocument();
  await screen.findByRole('button', { name: 'Post reply' });
  expect(calls.some((c) => c.operationName === 'MarkCommunityThreadRead' && c.variables.threadId === 't1')).toBe(true);
});

test('a moderator of the space (its course trainer, or an admin) gets Lock thread and Hide on each post', async () => {
  const { client } = api(true);
  renderWithApp(<ThreadView threadId="t1" viewer={{ id: 'me', isAdmin: false }} timeZone="UTC" language="en" />, { client });
  expect(await screen.findByRole('button', { name: 'Lock thread' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Hide the post by Ana Author' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Hide the post by Me Myself' })).toBeInTheDocument();
});

test('quoting a post puts it in the reply box under what is written, and the reply sent carries the quote', async () => {
  const { client, calls } = api(false);
  renderWithApp(<ThreadView threadId="t1" viewer={{ id: 'me', isAdmin: false }} timeZone="UTC" language="en" />, { client });
  const user = userEvent.setup();
  const box = await screen.findByRole('combobox', { name: 'Your reply (Markdown)' });
  await user.type(box, 'On this point:');
  await user.click(screen.getByRole('button', { name: 'Quote the post by Ana Author' }));
  await waitFor(() => expect(box).toHaveValue('On this point:\n\n> Ana Author wrote:\n>\n> Opening words\n\n'));
  await waitFor(() => expect(box).toHaveFocus());
  await user.type(box, 'I agree.');
  await user.click(screen.getByRole('button', { name: 'Post reply' }));
  await waitFor(() => expect(calls.some((c) => c.operationName === 'ReplyToThread')).toBe(true));
  expect(calls.find((c) => c.operationName === 'ReplyToThread')!.variables.body).toBe('On this point:\n\n> Ana Author wrote:\n>\n> Opening words\n\nI agree.');
});
