import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { SuggestionsQueue } from './suggestions-queue';

const suggestion = {
  __typename: 'Resource', id: 's1', title: 'Old blog post', description: '', descriptionHtml: '', url: 'https://example.org/old', kind: 'LINK', language: 'en', tags: [], countries: [],
  status: 'SUGGESTED', createdAt: '2026-12-01T00:00:00.000Z', reviewReason: null, viewerCanChange: true, addedBy: { __typename: 'User', id: 'u2', displayName: 'Mya' }, file: null,
};

test('an admin declines a suggestion with a reason the member reads', async () => {
  let reviewed = false;
  const { client, calls } = fakeApi((name) => {
    if (name === 'ResourceSuggestions') return { data: { resourceSuggestions: reviewed ? [] : [suggestion] } };
    if (name === 'ReviewResourceSuggestion') {
      reviewed = true;
      return { data: { reviewResourceSuggestion: { ...suggestion, status: 'REJECTED', reviewReason: 'Out of date.' } } };
    }
    return { data: { resources: [] } };
  });
  renderWithApp(<SuggestionsQueue language="en" />, { client });
  const user = userEvent.setup();
  expect(await screen.findByText('Added by Mya')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Decline Old blog post' }));
  await user.type(screen.getByRole('textbox', { name: /Why is "Old blog post" declined/ }), ' Out of date. ');
  await user.click(screen.getByRole('button', { name: 'Decline' }));
  expect(await screen.findByText('"Old blog post" was declined; its suggester is told.')).toBeInTheDocument();
  expect(calls.find((c) => c.operationName === 'ReviewResourceSuggestion')!.variables).toEqual({ id: 's1', approve: false, reason: 'Out of date.' });
  expect(await screen.findByText('No suggestion is waiting')).toBeInTheDocument();
});

test('approving names the suggestion; a suggestion another admin reviewed first says so', async () => {
  const { client } = fakeApi((name) =>
    name === 'ResourceSuggestions'
      ? { data: { resourceSuggestions: [suggestion] } }
      : { errors: [{ message: 'This suggestion has already been reviewed.', extensions: { code: 'CONFLICT' } }] },
  );
  renderWithApp(<SuggestionsQueue language="en" />, { client });
  await userEvent.setup().click(await screen.findByRole('button', { name: 'Approve Old blog post' }));
  expect(await screen.findByText('Another admin has already reviewed this suggestion.')).toBeInTheDocument();
});
