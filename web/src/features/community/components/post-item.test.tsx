import '../../../test/dialog';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { PostItem } from './post-item';

const post = (extra: Record<string, unknown> = {}) => ({
  __typename: 'Post' as const, id: 'p1', body: 'Rude words', bodyHtml: '<p>Rude words</p>', createdAt: '2027-01-05T03:00:00.000Z', editedAt: null,
  hidden: false, hiddenReason: null, author: { __typename: 'User' as const, id: 'author', displayName: 'Ana Author' }, ...extra,
});

const draw = (props: { viewerId: string; canModerate: boolean; post?: ReturnType<typeof post> }) => {
  const { client, calls } = fakeApi((operation, variables) =>
    operation === 'HideCommunityPost' ? { data: { hidePost: post({ hidden: variables.hidden, hiddenReason: variables.reason }) } } : { data: { reportPost: true } },
  );
  const changed: unknown[] = [];
  renderWithApp(
    <PostItem post={props.post ?? post()} viewerId={props.viewerId} canModerate={props.canModerate} locked={false} timeZone="UTC" language="en" onChanged={(p) => changed.push(p)} />,
    { client },
  );
  return { calls, changed };
};

test('a member who does not moderate the space may report the post, never hide it', async () => {
  draw({ viewerId: 'reader', canModerate: false });
  expect(await screen.findByRole('button', { name: 'Report the post by Ana Author' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Hide the post by Ana Author' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
});

test("the author edits their own post, and is shown a hidden post's reason but not its text", async () => {
  draw({ viewerId: 'author', canModerate: false, post: post({ hidden: true, body: '', bodyHtml: '', hiddenReason: 'Insults' }) });
  expect(await screen.findByText('This post was hidden by a moderator. Reason: Insults')).toBeInTheDocument();
  expect(screen.queryByText('Rude words')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument();
});

test('a moderator hides a post with a reason, and sees a hidden one with its text and Restore', async () => {
  const { calls, changed } = draw({ viewerId: 'trainer', canModerate: true });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Hide the post by Ana Author' }));
  await user.type(screen.getByRole('textbox', { name: 'Reason (its author is told)' }), 'Insults');
  await user.click(screen.getByRole('button', { name: 'Hide post' }));
  await waitFor(() => expect(changed).toHaveLength(1));
  expect(calls.find((c) => c.operationName === 'HideCommunityPost')?.variables).toEqual({ postId: 'p1', hidden: true, reason: 'Insults' });
});

test('a hidden post drawn for a moderator keeps its text, says why, and offers Restore', async () => {
  draw({ viewerId: 'admin', canModerate: true, post: post({ hidden: true, hiddenReason: 'Insults' }) });
  expect(await screen.findByText('Rude words')).toBeInTheDocument();
  expect(screen.getByText('This post was hidden by a moderator. Reason: Insults')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Restore the post by Ana Author' })).toBeInTheDocument();
});
