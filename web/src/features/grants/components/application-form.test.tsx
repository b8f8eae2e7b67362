import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GrantApplicationFormFieldsFragment } from '@kapwa/graphql';
import { expect, test } from 'vitest';
import '../../../test/dialog';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ApplicationForm } from './application-form';

const organizations = [{ id: 'org-1', name: 'Human Rights Commission of Nepal' }];
const draft: GrantApplicationFormFieldsFragment = {
  id: 'app-1',
  title: 'Documenting reprisals',
  summary: 'We film what happens to defenders.',
  status: 'DRAFT',
  submittedAt: null,
  currency: 'USD',
  budgetLines: [{ description: 'Camera', amount: 1200 }],
  budgetTotal: 1200,
  publicConsent: true,
  decisionMessage: null,
  decidedAt: null,
  organization: { id: 'org-1', name: 'Human Rights Commission of Nepal', country: 'NP' },
  video: null,
};
const props = { callId: 'call-1', callTimeZone: 'Asia/Bangkok', organizations, timeZone: 'Asia/Kathmandu', language: 'en' };

test('submitting an incomplete application says what is missing beside each field, and sends nothing', async () => {
  const { client, calls } = fakeApi(() => ({ data: null }));
  renderWithApp(<ApplicationForm {...props} application={null} />, { client });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Submit' }));
  expect(await screen.findByText('Give the project a title.')).toBeInTheDocument();
  expect(screen.getByText('Choose the currency of the budget.')).toBeInTheDocument();
  expect(screen.getByText('Upload the documentary video.')).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: 'Project title' })).toHaveAttribute('aria-invalid', 'true');
  expect(calls).toHaveLength(0);
});

test("the API's refusal of the video is shown on the video, after the draft was saved", async () => {
  const { client, calls } = fakeApi((operation) =>
    operation === 'SaveGrantApplication'
      ? { data: { saveGrantApplication: { ...draft, video: { id: 'v1', filename: 'film.mp4', contentType: 'video/mp4', sizeBytes: 1, status: 'PROCESSING', failureReason: null, durationSeconds: null, url: null, audioUrl: null, thumbnailUrl: null } } } }
      : { errors: [{ message: 'The video has not finished uploading yet: submit once it has.', extensions: { code: 'BAD_USER_INPUT', field: 'videoId' } }] },
  );
  renderWithApp(<ApplicationForm {...props} application={{ ...draft, video: { id: 'v1', filename: 'film.mp4', contentType: 'video/mp4', sizeBytes: 1, status: 'PROCESSING', failureReason: null, durationSeconds: null, url: null, audioUrl: null, thumbnailUrl: null } }} />, { client });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Submit' }));
  const dialog = screen.getByRole('dialog', { name: 'Submit the application?' });
  expect(dialog).toHaveTextContent('Once submitted it can no longer be changed');
  expect(dialog).toHaveTextContent('$1,200.00');
  await user.click(within(dialog).getByRole('button', { name: 'Submit the application' }));
  const video = await screen.findByRole('group', { name: 'Documentary video' });
  expect(await within(video).findByText('The video has not finished uploading yet: submit once it has.')).toBeInTheDocument();
  expect(calls.map((c) => c.operationName)).toEqual(['SaveGrantApplication', 'SubmitGrantApplication']);
  expect(calls[0].variables.input).toMatchObject({ callId: 'call-1', organizationId: 'org-1', currency: 'USD', budgetLines: [{ description: 'Camera', amount: 1200 }], videoId: 'v1', publicConsent: true });
});

test('a submitted application is shown as sent and frozen; after a decision, the decision and its message', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(
    <ApplicationForm {...props} application={{ ...draft, status: 'AWARDED', submittedAt: '2026-12-01T03:15:00Z', decidedAt: '2026-12-10T09:00:00Z', decisionMessage: 'Congratulations.' }} />,
    { client },
  );
  const note = await screen.findByTestId('submitted-note');
  expect(note).toHaveTextContent('Submitted on Tue, Dec 1, 2026, 09:00 (Nepal Time)');
  expect(note).toHaveTextContent('it can no longer be changed.');
  expect(screen.getByTestId('grant-decision')).toHaveTextContent('Awarded');
  expect(screen.getByTestId('grant-decision')).toHaveTextContent('Congratulations.');
  expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
});
