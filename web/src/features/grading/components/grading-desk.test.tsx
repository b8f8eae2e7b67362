import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import '../../../test/dialog';
import { fakeApi, renderWithApp, type GraphQLErrorShape } from '../../../test/render';
import { GradingDesk } from './grading-desk';

const RUBRIC = [
  { __typename: 'RubricCriterion', id: 'c1', title: 'Evidence', description: 'Names real cases', maxPoints: 6 },
  { __typename: 'RubricCriterion', id: 'c2', title: 'Clarity', description: null, maxPoints: 4 },
];

function submission(id: string, name: string, submittedAt: string, late = false) {
  return {
    __typename: 'Submission', id, group: null, bodyHtml: `<p>Work of ${name}</p>`, status: 'SUBMITTED', submittedAt, late, version: 2,
    learner: { __typename: 'User', id: `u-${id}`, displayName: name },
    attachments: [],
    assignment: { __typename: 'Assignment', id: 'a1', title: 'Map the defenders', maxPoints: 10, rubric: RUBRIC },
    grade: null,
  };
}

// Arrives newest first: the desk shows the oldest first all the same.
const QUEUE = [
  submission('s3', 'Chit Su', '2027-02-03T10:00:00.000Z', true),
  submission('s1', 'Anong', '2027-02-01T10:00:00.000Z'),
  submission('s2', 'Bishnu', '2027-02-02T10:00:00.000Z'),
];

function desk(respond: (name: string, variables: Record<string, unknown>) => { data?: unknown; errors?: GraphQLErrorShape[] }) {
  const api = fakeApi(respond);
  renderWithApp(<GradingDesk courseId="c1" courseLanguage="en" groups={[]} timeZone="Asia/Yangon" language="en" />, { client: api.client });
  return api;
}

const heading = () => screen.getByRole('heading', { level: 2, name: /Anong|Bishnu|Chit Su/ });

test('the queue is oldest first and counted; j/k and Alt+↓/↑ move through it outside fields, and so do the buttons', async () => {
  desk(() => ({ data: { gradingQueue: QUEUE } }));
  const user = userEvent.setup();
  expect(await screen.findByTestId('queue-count')).toHaveTextContent('3 submissions to grade');
  const items = within(screen.getByRole('list', { name: 'Waiting to be graded' })).getAllByRole('button');
  expect(items.map((b) => b.textContent)).toEqual([expect.stringContaining('Anong'), expect.stringContaining('Bishnu'), expect.stringContaining('Chit Su')]);
  expect(heading()).toHaveTextContent('Anong');
  // Submitted time in the grader's zone (Yangon, UTC+6:30).
  expect(screen.getByText(/Submitted .*16:30 \(Myanmar Time\)/)).toBeInTheDocument();

  await user.keyboard('j');
  expect(heading()).toHaveTextContent('Bishnu');
  await waitFor(() => expect(heading()).toHaveFocus());
  await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
  expect(heading()).toHaveTextContent('Chit Su');
  expect(screen.getAllByText('Late').length).toBeGreaterThan(0);
  await user.keyboard('j'); // at the end: stays
  expect(heading()).toHaveTextContent('Chit Su');
  await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
  expect(heading()).toHaveTextContent('Bishnu');

  // Typing in a field is typing, not moving.
  const comment = screen.getAllByLabelText('Comment (optional)')[0];
  await user.type(comment, 'jk');
  expect(comment).toHaveValue('jk');
  expect(heading()).toHaveTextContent('Bishnu');

  await user.click(screen.getByRole('button', { name: 'Previous' }));
  expect(heading()).toHaveTextContent('Anong');
  expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await user.keyboard('k');
  expect(heading()).toHaveTextContent('Anong');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(heading()).toHaveTextContent('Bishnu');
});

test('the total adds up as points are typed; points outside 0..max are refused before sending', async () => {
  const { calls } = desk(() => ({ data: { gradingQueue: QUEUE } }));
  const user = userEvent.setup();
  await screen.findByTestId('queue-count');
  const evidence = screen.getByLabelText('Points (out of 6)');
  const clarity = screen.getByLabelText('Points (out of 4)');
  const total = screen.getByTestId('grade-total');
  expect(total).toHaveTextContent('Total: 0 / 10');
  await user.type(evidence, '5.5');
  expect(total).toHaveTextContent('Total: 5.5 / 10');
  await user.type(clarity, '4.5');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(clarity).toHaveFocus());
  expect(clarity).toHaveAttribute('aria-invalid', 'true');
  expect(clarity).toHaveAccessibleDescription('Enter points from 0 to 4.');
  expect(calls.filter((c) => c.operationName === 'GradeSubmission')).toHaveLength(0);
});

test('a save sends every criterion and moves on to the next in the queue; "Save and release" releases', async () => {
  let queue = QUEUE;
  const { calls } = desk((name, variables) => {
    if (name === 'GradingQueue') return { data: { gradingQueue: queue } };
    const input = variables.input as { submissionId: string };
    queue = queue.filter((s) => s.id !== input.submissionId);
    return { data: { gradeSubmission: { ...QUEUE.find((s) => s.id === input.submissionId), status: 'GRADED' } } };
  });
  const user = userEvent.setup();
  await screen.findByTestId('queue-count');
  await user.type(screen.getByLabelText('Points (out of 6)'), '5');
  await user.type(screen.getByLabelText('Points (out of 4)'), '3');
  await user.type(screen.getAllByLabelText('Comment (optional)')[1], 'Shorter sentences');
  await user.type(screen.getByLabelText('Feedback'), 'Well argued.');
  await user.click(screen.getByRole('button', { name: 'Save' }));

  await waitFor(() => expect(heading()).toHaveTextContent('Bishnu'));
  const grade = calls.find((c) => c.operationName === 'GradeSubmission')!;
  expect(grade.variables.input).toEqual({
    submissionId: 's1',
    criterionScores: [
      { criterionId: 'c1', points: 5, comment: null },
      { criterionId: 'c2', points: 3, comment: 'Shorter sentences' },
    ],
    feedback: 'Well argued.',
    release: false,
    expectedGradeVersion: 0,
  });
  expect(await screen.findByText('Grade saved for Anong.')).toBeInTheDocument();
  await waitFor(() => expect(screen.getByTestId('queue-count')).toHaveTextContent('2 submissions to grade'));
  // The next one starts empty.
  expect(screen.getByLabelText('Points (out of 6)')).toHaveValue('');

  await user.type(screen.getByLabelText('Points (out of 6)'), '6');
  await user.type(screen.getByLabelText('Points (out of 4)'), '4');
  await user.click(screen.getByRole('button', { name: 'Save and release' }));
  await waitFor(() => expect(heading()).toHaveTextContent('Chit Su'));
  expect(calls.filter((c) => c.operationName === 'GradeSubmission')[1].variables.input).toMatchObject({ submissionId: 's2', release: true });
});

test('another trainer’s newer save is explained, with a way to reload', async () => {
  const { calls } = desk((name) =>
    name === 'GradingQueue'
      ? { data: { gradingQueue: QUEUE } }
      : { errors: [{ message: 'Another grader saved a grade.', extensions: { code: 'CONFLICT', field: 'expectedGradeVersion' } }] },
  );
  const user = userEvent.setup();
  await screen.findByTestId('queue-count');
  await user.type(screen.getByLabelText('Points (out of 6)'), '1');
  await user.type(screen.getByLabelText('Points (out of 4)'), '1');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByRole('alert', { name: '' })).toHaveTextContent('Another trainer saved this grade meanwhile');
  expect(heading()).toHaveTextContent('Anong');
  const before = calls.filter((c) => c.operationName === 'GradingQueue').length;
  await user.click(screen.getByRole('button', { name: 'Reload' }));
  await waitFor(() => expect(calls.filter((c) => c.operationName === 'GradingQueue').length).toBe(before + 1));
});

test('the queue filters by group on the server; group work is named by its group', async () => {
  const group = { ...submission('s9', 'Anong', '2027-02-01T10:00:00.000Z'), group: 'Thailand' };
  const api = fakeApi((_, variables) => ({ data: { gradingQueue: variables.group === 'Thailand' ? [group] : QUEUE } }));
  renderWithApp(<GradingDesk courseId="c1" courseLanguage="en" groups={['Myanmar', 'Thailand']} timeZone="UTC" language="en" />, { client: api.client });
  const user = userEvent.setup();
  await screen.findByText('3 submissions to grade');
  await user.selectOptions(screen.getByLabelText('Group'), 'Thailand');
  expect(await screen.findByText('1 submission to grade')).toBeInTheDocument();
  expect(api.calls.at(-1)).toEqual({ operationName: 'GradingQueue', variables: { courseId: 'c1', group: 'Thailand' } });
  expect(screen.getByRole('heading', { level: 2, name: 'Group: Thailand' })).toBeInTheDocument();
  expect(screen.getByText(/submitted by Anong/)).toBeInTheDocument();
});

test('work is returned for revision with a comment, and the desk moves on', async () => {
  let queue = QUEUE;
  const { calls } = desk((name, variables) => {
    if (name === 'GradingQueue') return { data: { gradingQueue: queue } };
    queue = queue.filter((s) => s.id !== variables.submissionId);
    return { data: { returnSubmission: { __typename: 'Submission', id: variables.submissionId, status: 'DRAFT' } } };
  });
  const user = userEvent.setup();
  await screen.findByText('3 submissions to grade');
  await user.click(screen.getByRole('button', { name: 'Return for revision' }));
  await user.type(screen.getByLabelText('Comment for the learner (optional)'), 'Add two cases.');
  await user.click(screen.getByRole('button', { name: 'Return the work' }));
  await waitFor(() => expect(heading()).toHaveTextContent('Bishnu'));
  expect(calls.find((c) => c.operationName === 'ReturnSubmission')?.variables).toEqual({ submissionId: 's1', comment: 'Add two cases.' });
  expect(await screen.findByText('Work returned to Anong for revision.')).toBeInTheDocument();
});

test('the work’s files: a video plays (with audio only), a document downloads, one still processing says so', async () => {
  const file = (id: string, filename: string, contentType: string, status: string, urls: Partial<Record<'url' | 'audioUrl' | 'thumbnailUrl', string>> = {}) => ({
    __typename: 'MediaAsset', id, filename, contentType, sizeBytes: 2_500_000, status, failureReason: null,
    url: urls.url ?? null, audioUrl: urls.audioUrl ?? null, thumbnailUrl: urls.thumbnailUrl ?? null,
  });
  const withFiles = {
    ...submission('s1', 'Anong', '2027-02-01T10:00:00.000Z'),
    attachments: [
      file('m1', 'interview.mp4', 'video/mp4', 'READY', { url: '/media/m1/video?s=1', audioUrl: '/media/m1/audio?s=1', thumbnailUrl: '/media/m1/thumbnail?s=1' }),
      file('m2', 'map.pdf', 'application/pdf', 'READY', { url: '/media/m2/original?s=1' }),
      file('m3', 'song.m4a', 'audio/mp4', 'PROCESSING'),
    ],
  };
  desk(() => ({ data: { gradingQueue: [withFiles] } }));
  const files = await screen.findByRole('list', { name: 'Files attached by Anong' });
  const video = await within(files).findByLabelText('Video: interview.mp4');
  expect(video.tagName).toBe('VIDEO');
  expect(video.getAttribute('src')).toBe('/media/m1/video?s=1');
  expect(within(files).getByRole('button', { name: 'Audio only (for slow connections)' })).toBeInTheDocument();
  expect(within(files).getByRole('link', { name: 'Download map.pdf' }).getAttribute('href')).toBe('/media/m2/original?s=1');
  const processing = within(files).getByText('song.m4a').closest('li')!;
  expect(processing).toHaveTextContent('Processing…');
  expect(processing.querySelector('audio, video, a')).toBeNull();
  // The grader removes nothing.
  expect(within(files).queryByRole('button', { name: /Remove/ })).toBeNull();
});
