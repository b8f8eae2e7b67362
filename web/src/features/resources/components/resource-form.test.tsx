import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ResourceForm } from './resource-form';

const saved = {
  __typename: 'Resource', id: 'r9', title: 'Radio toolkit', description: '', descriptionHtml: '', url: 'https://example.org/radio', kind: 'LINK', language: 'en', tags: [], countries: [],
  status: 'SUGGESTED', createdAt: '2026-12-01T00:00:00.000Z', reviewReason: null, viewerCanChange: false, addedBy: null, file: null,
};

test('a member suggests: told an admin reviews it first; tags and countries sent as the API keeps them', async () => {
  const { client, calls } = fakeApi((name) => (name === 'SuggestResource' ? { data: { suggestResource: saved } } : { data: null }));
  renderWithApp(<ResourceForm mode="suggest" language="en" />, { client });
  const user = userEvent.setup();
  expect(screen.getByText(/An admin reviews every suggestion before it appears in the library/)).toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Radio toolkit');
  await user.type(screen.getByRole('textbox', { name: /Web address/ }), 'https://example.org/radio');
  await user.type(screen.getByRole('textbox', { name: /Tags/ }), 'Radio, community  media, radio');
  await user.selectOptions(screen.getByRole('combobox', { name: /Countries it concerns/ }), 'NP');
  await user.selectOptions(screen.getByRole('combobox', { name: /Countries it concerns/ }), 'TH');
  await user.click(screen.getByRole('button', { name: 'Remove Thailand' }));
  await user.click(screen.getByRole('button', { name: 'Send the suggestion' }));
  expect(await screen.findByText("Thank you: your suggestion is waiting for an admin's review.")).toBeInTheDocument();
  const sent = calls.find((c) => c.operationName === 'SuggestResource')!;
  expect(sent.variables.input).toEqual({ title: 'Radio toolkit', description: '', language: 'en', tags: ['radio', 'community media'], countries: ['NP'], url: 'https://example.org/radio' });
});

test('a link that is not http(s) is refused beside its field before anything is sent', async () => {
  const { client, calls } = fakeApi(() => ({ data: null }));
  renderWithApp(<ResourceForm mode="add" language="en" />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'A guide');
  await user.type(screen.getByRole('textbox', { name: /Web address/ }), 'javascript:alert(1)');
  await user.click(screen.getByRole('button', { name: 'Add to the library' }));
  const field = screen.getByRole('textbox', { name: /Web address/ });
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(/Give a web address starting with https:\/\//);
  expect(calls).toEqual([]);
});

test("the API's refusal shows beside the field it names", async () => {
  const { client } = fakeApi(() => ({ errors: [{ message: 'Choose at most 30 countries.', extensions: { code: 'BAD_USER_INPUT', field: 'countries' } }] }));
  renderWithApp(<ResourceForm mode="add" language="en" />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'A guide');
  await user.type(screen.getByRole('textbox', { name: /Web address/ }), 'https://example.org');
  await user.click(screen.getByRole('button', { name: 'Add to the library' }));
  expect(await screen.findByText('Choose at most 30 countries.')).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: /Countries it concerns/ })).toHaveAttribute('aria-invalid', 'true');
});

test('a file instead of a link: the shared upload control, and nothing sent without a file', async () => {
  const { client, calls } = fakeApi(() => ({ data: null }));
  renderWithApp(<ResourceForm mode="add" language="en" />, { client });
  const user = userEvent.setup();
  await user.click(screen.getByRole('radio', { name: 'A file I upload' }));
  expect(screen.queryByRole('textbox', { name: /Web address/ })).toBeNull();
  expect(await screen.findByLabelText('Choose a file')).toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'A guide');
  await user.click(screen.getByRole('button', { name: 'Add to the library' }));
  expect(screen.getByText('Upload a file first, or give a link instead.')).toBeInTheDocument();
  expect(calls).toEqual([]);
});
