import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ResourceLibrary } from './resource-library';

const resource = (id: string, title: string, tags: string[]) => ({
  __typename: 'Resource', id, title, description: '', descriptionHtml: '', url: `https://example.org/${id}`, kind: 'LINK', language: 'en', tags, countries: [],
  status: 'PUBLISHED', createdAt: '2026-12-01T00:00:00.000Z', reviewReason: null, viewerCanChange: false, addedBy: null, file: null,
});

test('the library asks the API with the filters chosen: a tag clicked on a card, words typed, a country', async () => {
  const { client, calls } = fakeApi((_, variables) => ({
    data: { resources: variables.tag ? [resource('r2', 'Reprisals guide', ['reprisals'])] : [resource('r1', 'Protection manual', ['protection']), resource('r2', 'Reprisals guide', ['reprisals'])] },
  }));
  renderWithApp(<ResourceLibrary language="en" />, { client });
  const user = userEvent.setup();
  expect(await screen.findByRole('heading', { name: /Protection manual/ })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('2 resources');
  await user.click(screen.getByRole('button', { name: 'Show resources tagged reprisals' }));
  await waitFor(() => expect(screen.queryByRole('heading', { name: /Protection manual/ })).toBeNull());
  expect(screen.getByRole('searchbox', { name: 'Tag' })).toHaveValue('reprisals');
  expect(calls.at(-1)!.variables).toMatchObject({ tag: 'reprisals', first: 30 });
  await user.type(screen.getByRole('searchbox', { name: 'Words' }), 'safety');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'NP');
  await waitFor(() => expect(calls.at(-1)!.variables).toMatchObject({ tag: 'reprisals', text: 'safety', country: 'NP' }));
  await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
  // The unfiltered library again (from the cache: it was asked for first).
  expect(await screen.findByRole('heading', { name: /Protection manual/ })).toBeInTheDocument();
  expect(screen.getByRole('searchbox', { name: 'Words' })).toHaveValue('');
});
