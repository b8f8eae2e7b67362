import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ResourceCard, type ResourceView } from './resource-card';

const resource: ResourceView = {
  id: 'r1',
  title: 'UN Declaration on Human Rights Defenders',
  descriptionHtml: '<p>The <strong>rights</strong> of defenders.</p>',
  url: 'https://www.ohchr.org/en/declaration',
  kind: 'LINK',
  language: 'th',
  tags: ['human rights defenders', 'un standards'],
  countries: ['NP', 'TH'],
  status: 'PUBLISHED',
  reviewReason: null,
  viewerCanChange: false,
  addedBy: { id: 'u1', displayName: 'Amihan' },
  file: null,
};

test('a link opens in a new tab without giving the other site a hold on this page', () => {
  renderWithApp(<ResourceCard resource={resource} language="en" />, { client: fakeApi(() => ({ data: null })).client });
  const link = screen.getByRole('link', { name: /^UN Declaration on Human Rights Defenders ?\(opens in a new tab\)$/ });
  expect(link).toHaveAttribute('href', 'https://www.ohchr.org/en/declaration');
  expect(link).toHaveAttribute('target', '_blank');
  expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const card = screen.getByRole('article', { name: /UN Declaration/ });
  expect(within(card).getByText('Thai')).toBeInTheDocument();
  expect(within(card).getByText('Countries: Nepal, Thailand')).toBeInTheDocument();
  expect(within(card).getByText('Added by Amihan')).toBeInTheDocument();
  expect(within(card).getByText('rights').tagName).toBe('STRONG');
});

test('an address that is not a web link is never made into one', () => {
  renderWithApp(<ResourceCard resource={{ ...resource, url: 'javascript:alert(1)' }} language="en" />, { client: fakeApi(() => ({ data: null })).client });
  expect(screen.queryByRole('link')).toBeNull();
  expect(screen.getByRole('heading', { name: 'UN Declaration on Human Rights Defenders' })).toBeInTheDocument();
});

test('each tag filters the library by it', async () => {
  const onTag = vi.fn();
  renderWithApp(<ResourceCard resource={resource} language="en" onTag={onTag} />, { client: fakeApi(() => ({ data: null })).client });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Show resources tagged un standards' }));
  expect(onTag).toHaveBeenCalledWith('un standards');
});

test("a file resource offers its file; a declined suggestion says why", async () => {
  const file = { id: 'f1', filename: 'safety-plan.pdf', contentType: 'application/pdf', sizeBytes: 2048, status: 'PROCESSING' as const, failureReason: null, url: null, audioUrl: null, thumbnailUrl: null };
  renderWithApp(<ResourceCard resource={{ ...resource, kind: 'FILE', url: '', file, status: 'REJECTED', reviewReason: 'Out of date.' }} language="en" />, {
    client: fakeApi(() => ({ data: null })).client,
  });
  expect(await screen.findByRole('list', { name: 'The file of UN Declaration on Human Rights Defenders' })).toHaveTextContent('safety-plan.pdf');
  expect(screen.getByText('Declined')).toBeInTheDocument();
  expect(screen.getByText('Declined: Out of date.')).toBeInTheDocument();
});
