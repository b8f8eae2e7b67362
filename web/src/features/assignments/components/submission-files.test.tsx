import { useQuery } from '@apollo/client/react';
import { AssignmentDocument } from '@kapwa/graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import type { MediaUpload as RealMediaUpload } from '../../../app/media';
import { fakeApi, renderWithApp } from '../../../test/render';
import { AssignmentView } from './assignment-view';

// The upload itself (tus, processing) is the media control's and tested there and in the browser story:
// here a button stands for "a file finished uploading".
vi.mock('../../../app/media', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../app/media')>()),
  MediaUpload: ({ label, onUploaded }: ComponentProps<typeof RealMediaUpload>) => (
    <button type="button" onClick={() => onUploaded?.({ id: 'up1', name: 'interview.mp4', size: 3_000_000, type: 'video/mp4' })}>
      {label}
    </button>
  ),
}));

afterEach(() => localStorage.clear());

type File = { id: string; filename: string; contentType: string; sizeBytes: number; status: string; url: string | null; audioUrl: string | null; thumbnailUrl: string | null };

const file = (id: string, filename: string, contentType: string, status: string, url: string | null = null): File & { __typename: string; failureReason: null } => ({
  __typename: 'MediaAsset', id, filename, contentType, sizeBytes: 1_200_000, status, failureReason: null, url,
  audioUrl: status === 'READY' && contentType.startsWith('video') ? `/media/${id}/audio?s=1` : null,
  thumbnailUrl: status === 'READY' && contentType.startsWith('video') ? `/media/${id}/thumbnail?s=1` : null,
});

/** A learner's draft with a PDF attached, on a fake API that keeps what the saves send. */
function learnerServer() {
  const library: Record<string, ReturnType<typeof file>> = {
    m1: file('m1', 'map.pdf', 'application/pdf', 'READY', '/media/m1/original?s=1'),
    up1: file('up1', 'interview.mp4', 'video/mp4', 'PROCESSING'),
  };
  const state = { body: 'My notes', version: 1, status: 'DRAFT', attachmentIds: ['m1'] };
  const submission = () => ({
    __typename: 'Submission', id: 's1', body: state.body, bodyHtml: `<p>${state.body}</p>`, status: state.status,
    submittedAt: state.status === 'DRAFT' ? null : '2027-03-01T10:00:00.000Z', late: false, version: state.version, group: null,
    updatedAt: '2027-03-01T09:00:00.000Z', returnedAt: null, returnComment: null,
    attachments: state.attachmentIds.map((id) => library[id]),
    learner: { __typename: 'User', id: 'me', displayName: 'Anong' }, lastEditor: null, contributors: [], grade: null,
  });
  const assignment = () => ({
    __typename: 'Assignment', id: 'a1', title: 'Interview a defender', instructionsHtml: '<p>Record it.</p>', dueAt: null, maxPoints: 10,
    passPoints: null, required: false, locked: false, groupWork: false, shareWithCohort: false, module: null,
    course: { __typename: 'Course', id: 'c1', slug: 'seminar' },
    rubric: [{ __typename: 'RubricCriterion', id: 'c1', title: 'Evidence', description: null, maxPoints: 10 }],
    mySubmission: submission(),
  });
  const api = fakeApi((name, variables) => {
    if (name === 'Assignment' || name === 'MySubmission') return { data: { assignment: assignment() } };
    if (name === 'SaveSubmissionDraft' || name === 'SubmitAssignment') {
      state.body = variables.body as string;
      if (variables.attachmentIds) state.attachmentIds = variables.attachmentIds as string[];
      state.version += 1;
      if (name === 'SubmitAssignment') state.status = 'SUBMITTED';
      return { data: { [name === 'SubmitAssignment' ? 'submitAssignment' : 'saveSubmissionDraft']: submission() } };
    }
    return { data: {} };
  });
  return { ...api, library, state };
}

function Page() {
  const { data, refetch } = useQuery(AssignmentDocument, { variables: { id: 'a1' } });
  if (!data?.assignment) return null;
  return (
    <AssignmentView
      assignment={data.assignment}
      course={{ slug: 'seminar', language: 'en', timeZone: 'Asia/Bangkok', myEnrollment: { role: 'LEARNER', group: null } }}
      viewer={{ id: 'me', timeZone: 'Asia/Bangkok', language: 'en' }}
      refetch={() => void refetch()}
    />
  );
}

const saves = (calls: { operationName: string; variables: Record<string, unknown> }[]) => calls.filter((c) => c.operationName === 'SaveSubmissionDraft');

test('a file attached to the draft is saved with it, shows its processing until it plays, stays through autosaves, and can be removed', async () => {
  const server = learnerServer();
  renderWithApp(<Page />, { client: server.client });
  const user = userEvent.setup();
  const files = await screen.findByRole('list', { name: 'Files attached to this work' });
  expect(within(files).getByRole('link', { name: 'Download map.pdf' }).getAttribute('href')).toBe('/media/m1/original?s=1');

  // A file finishes uploading: it joins the draft at once, processing, and the draft is saved with both files.
  await user.click(screen.getByRole('button', { name: 'Attach a file (video, recording or document)' }));
  expect(within(files).getByText('interview.mp4').closest('li')).toHaveTextContent('Processing…');
  await waitFor(() => expect(saves(server.calls)).toHaveLength(1));
  expect(saves(server.calls)[0]!.variables).toMatchObject({ body: 'My notes', expectedVersion: 1, attachmentIds: ['m1', 'up1'] });

  // Processing ends on the server: the page asks again while a file is unsettled, and the video plays.
  server.library.up1 = file('up1', 'interview.mp4', 'video/mp4', 'READY', '/media/up1/video?s=1');
  const video = await within(files).findByLabelText('Video: interview.mp4', {}, { timeout: 8000 });
  expect(video.getAttribute('src')).toBe('/media/up1/video?s=1');

  // Typing saves the text alone: the files stay as they are (no attachmentIds sent).
  await user.type(screen.getByLabelText('Your answer'), ' and more');
  await waitFor(() => expect(saves(server.calls)).toHaveLength(2), { timeout: 5000 });
  expect(saves(server.calls)[1]!.variables).toMatchObject({ body: 'My notes and more', attachmentIds: null });
  expect(server.state.attachmentIds).toEqual(['m1', 'up1']);

  // Removing one saves the rest.
  await user.click(within(files).getByRole('button', { name: 'Remove map.pdf' }));
  expect(within(files).queryByText('map.pdf')).toBeNull();
  await waitFor(() => expect(saves(server.calls)).toHaveLength(3));
  expect(saves(server.calls)[2]!.variables).toMatchObject({ attachmentIds: ['up1'] });
  expect(server.state.attachmentIds).toEqual(['up1']);
}, 20_000);

test('submitted work shows its files, without a way to remove them', async () => {
  const server = learnerServer();
  server.state.status = 'SUBMITTED';
  renderWithApp(<Page />, { client: server.client });
  const files = await screen.findByRole('list', { name: 'Files handed in with this work' });
  expect(within(files).getByRole('link', { name: 'Download map.pdf' })).toBeInTheDocument();
  expect(within(files).queryByRole('button', { name: /Remove/ })).toBeNull();
  expect(screen.queryByRole('button', { name: /Attach a file/ })).toBeNull();
});
