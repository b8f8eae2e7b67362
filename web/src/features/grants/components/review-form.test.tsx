import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReviewApplicationQuery } from '@kapwa/graphql';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ReviewForm } from './review-form';

type Application = NonNullable<ReviewApplicationQuery['grantApplication']>;

const application: Application = {
  
  id: 'app-1',
  title: 'Documenting reprisals',
  summary: 'A film',
  status: 'UNDER_REVIEW',
  currency: 'THB',
  budgetLines: [],
  budgetTotal: 0,
  organization: { id: 'o1', name: 'NHRI Thailand', country: 'TH' },
  video: null,
  call: {
    
    id: 'call-1',
    title: 'Small grants 2027',
    status: 'OPEN',
    criteria: [
      { id: 'impact', title: 'Impact', description: 'Who is better protected', weight: 3, maxScore: 10 },
      { id: 'feasibility', title: 'Feasibility', description: null, weight: 1, maxScore: 5 },
    ],
  },
  myReview: null,
};

test('the weighted score preview follows the scores as they are typed', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(<ReviewForm application={application} />, { client });
  const user = userEvent.setup();
  const preview = await screen.findByTestId('score-preview');
  expect(preview).toHaveTextContent('Weighted score: 0.0 / 100');
  await user.type(screen.getByRole('spinbutton', { name: 'Impact (0–10)' }), '5');
  expect(preview).toHaveTextContent('Weighted score: 37.5 / 100');
  await user.type(screen.getByRole('spinbutton', { name: 'Feasibility (0–5)' }), '5');
  expect(preview).toHaveTextContent('Weighted score: 62.5 / 100');
  expect(screen.getByText('Who is better protected · weight 3')).toBeInTheDocument();
});

test('a score out of range is refused beside its criterion before anything is sent', async () => {
  const { client, calls } = fakeApi(() => ({ data: null }));
  renderWithApp(<ReviewForm application={application} />, { client });
  const user = userEvent.setup();
  await user.type(await screen.findByRole('spinbutton', { name: 'Impact (0–10)' }), '12');
  await user.type(screen.getByRole('spinbutton', { name: 'Feasibility (0–5)' }), '3');
  await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Strong plan');
  await user.click(screen.getByRole('button', { name: 'Submit review' }));
  expect(await screen.findByText('A score from 0 to 10.')).toBeInTheDocument();
  expect(screen.getByRole('spinbutton', { name: 'Impact (0–10)' })).toHaveAttribute('aria-invalid', 'true');
  expect(calls).toHaveLength(0);
});

test('the review is sent with every criterion, and a score the API refuses is shown beside that criterion', async () => {
  const { client, calls } = fakeApi(() => ({
    errors: [{ message: '"Feasibility" takes a score from 0 to 5.', extensions: { code: 'BAD_USER_INPUT', field: 'scores' } }],
  }));
  renderWithApp(<ReviewForm application={application} />, { client });
  const user = userEvent.setup();
  await user.type(await screen.findByRole('spinbutton', { name: 'Impact (0–10)' }), '8');
  await user.type(screen.getByRole('spinbutton', { name: 'Feasibility (0–5)' }), '4');
  await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Strong plan');
  await user.click(screen.getByRole('button', { name: 'Submit review' }));
  await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Feasibility (0–5)' })).toHaveAttribute('aria-invalid', 'true'));
  expect(screen.getByText('"Feasibility" takes a score from 0 to 5.')).toBeInTheDocument();
  expect(calls[0]).toEqual({
    operationName: 'SubmitReview',
    variables: { input: { applicationId: 'app-1', comment: 'Strong plan', scores: [{ criterionId: 'impact', score: 8 }, { criterionId: 'feasibility', score: 4 }] } },
  });
});
