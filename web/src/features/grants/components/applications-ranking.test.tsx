import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RankedApplicationFieldsFragment } from '@kapwa/graphql';
import { expect, test } from 'vitest';
import '../../../test/dialog';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ApplicationsRanking } from './applications-ranking';

function application(id: string, title: string, fields: Partial<RankedApplicationFieldsFragment>): RankedApplicationFieldsFragment {
  return {
    
    id,
    title,
    status: 'UNDER_REVIEW',
    submittedAt: '2026-11-20T00:00:00Z',
    averageScore: null,
    normalizedScore: null,
    reviewCount: 0,
    needsMoreReviews: true,
    scoreSpread: null,
    decisionMessage: null,
    organization: { id: `org-${id}`, name: `Org ${id}`, country: 'NP' },
    reviewerAssignments: [],
    ...fields,
  };
}

const applications = [
  application('a', 'Radio in the hills', { averageScore: 61.25, normalizedScore: -0.5, reviewCount: 2, needsMoreReviews: false, scoreSpread: 12.5 }),
  application('b', 'Documenting reprisals', { averageScore: 88, normalizedScore: 0.75, reviewCount: 1, needsMoreReviews: true }),
  application('c', 'Still a draft', { status: 'DRAFT', averageScore: null }),
];

test('applications are ranked by raw average, with the normalized score, reviews, spread and a flag when reviews are missing', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(<ApplicationsRanking call={{ id: 'call', status: 'OPEN', reviewsWanted: 2 }} applications={applications} language="en" />, { client });
  const rows = await screen.findAllByTestId('ranking-row');
  expect(rows).toHaveLength(2);
  expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Documenting reprisals');
  expect(within(rows[0]).getByTestId('average-score')).toHaveTextContent('88.0');
  expect(within(rows[0]).getByTestId('normalized-score')).toHaveTextContent('0.75');
  expect(within(rows[0]).getByText('1 of 2')).toBeInTheDocument();
  expect(within(rows[0]).getByText('Needs more reviews')).toBeInTheDocument();
  expect(within(rows[1]).getByTestId('average-score')).toHaveTextContent('61.3');
  expect(within(rows[1]).getByText('12.5')).toBeInTheDocument();
  expect(within(rows[1]).queryByText('Needs more reviews')).not.toBeInTheDocument();
  expect(screen.queryByText('Still a draft')).not.toBeInTheDocument();
  // Open call: no decision yet.
  expect(screen.queryByRole('button', { name: /^Award/ })).not.toBeInTheDocument();
  expect(screen.getByText('Decisions can be made once the call has closed.')).toBeInTheDocument();
});

test('once the call has closed an admin awards with a message, sent with the decision', async () => {
  const { client, calls } = fakeApi(() => ({ data: { decideApplication: { ...applications[1], status: 'AWARDED', decisionMessage: 'Well done' } } }));
  renderWithApp(<ApplicationsRanking call={{ id: 'call', status: 'CLOSED', reviewsWanted: 2 }} applications={applications} language="en" />, { client });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Award Documenting reprisals' }));
  const dialog = screen.getByRole('dialog', { name: 'Award “Documenting reprisals”' });
  await user.type(within(dialog).getByRole('textbox', { name: /Message to the applicants/ }), 'Well done');
  await user.click(within(dialog).getByRole('button', { name: 'Award' }));
  expect(calls.find((c) => c.operationName === 'DecideApplication')).toEqual({
    operationName: 'DecideApplication',
    variables: { applicationId: 'b', status: 'AWARDED', message: 'Well done' },
  });
});
