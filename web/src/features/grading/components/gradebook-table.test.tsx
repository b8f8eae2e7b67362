import { render, screen, within } from '@testing-library/react';
import { afterEach, expect, onTestFinished, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { writeToken } from '../../../app/auth-token';
import { downloadGradebook } from './download-gradebook';
import { GradebookTable, type GradebookData } from './gradebook-table';

const GRADEBOOK: Pick<GradebookData, 'assignments' | 'rows'> = {
  assignments: [
    { __typename: 'Assignment', id: 'a1', title: 'Map the defenders', maxPoints: 10 },
    { __typename: 'Assignment', id: 'a2', title: 'Action plan', maxPoints: 20 },
  ],
  rows: [
    {
      __typename: 'GradebookRow',
      learner: { __typename: 'User', id: 'u1', displayName: 'สมชาย' },
      group: 'Thailand',
      cells: [
        { __typename: 'GradebookCell', assignmentId: 'a1', submissionId: 's1', status: 'GRADED', score: 7.5, late: true, released: true },
        { __typename: 'GradebookCell', assignmentId: 'a2', submissionId: 's2', status: 'SUBMITTED', score: null, late: false, released: false },
      ],
    },
    {
      __typename: 'GradebookRow',
      learner: { __typename: 'User', id: 'u2', displayName: 'Bishnu' },
      group: null,
      cells: [
        { __typename: 'GradebookCell', assignmentId: 'a1', submissionId: 's3', status: 'GRADED', score: 9, late: false, released: false },
        { __typename: 'GradebookCell', assignmentId: 'a2', submissionId: null, status: null, score: null, late: false, released: false },
      ],
    },
  ],
} as never;

afterEach(() => writeToken(null));

test('learners × assignments: score out of the points, late, released or not, and where ungraded work stands', async () => {
  renderWithApp(<GradebookTable gradebook={GRADEBOOK} language="en" courseLanguage="en" gradingPath={(id) => `/grading?submission=${id}`} />, { client: fakeApi(() => ({})).client });
  const table = await screen.findByRole('table', { name: 'Learners and their work, per assignment' });
  const columns = within(table).getAllByRole('columnheader').map((th) => th.textContent);
  expect(columns).toEqual(['Learner', 'Map the defendersout of 10', 'Action planout of 20']);
  const rows = within(table).getAllByRole('row').slice(1);
  expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('สมชายThailand');
  expect(within(rows[0]).getAllByRole('cell').map((td) => td.textContent)).toEqual(['7.5 / 10LateReleased', 'Submitted']);
  expect(within(rows[1]).getAllByRole('cell').map((td) => td.textContent)).toEqual(['9 / 10Not released', 'Not started']);
  // Handed-in work opens from its cell to be graded (again); work not begun has nothing to open.
  expect(within(rows[0]).getByRole('link', { name: '7.5 / 10' })).toHaveAttribute('href', '/grading?submission=s1');
  expect(within(rows[0]).getByRole('link', { name: 'Submitted' })).toHaveAttribute('href', '/grading?submission=s2');
  expect(within(rows[1]).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/grading?submission=s3']);
  // On a phone it scrolls sideways, reachable by keyboard, with the learners' column kept in view.
  const region = screen.getByRole('region', { name: 'Learners and their work, per assignment' });
  expect(region).toHaveAttribute('tabindex', '0');
  expect(within(rows[0]).getByRole('rowheader')).toHaveClass('gradebook-learner');
});

test('no learners yet is said in words', () => {
  renderWithApp(<GradebookTable gradebook={{ assignments: GRADEBOOK.assignments, rows: [] }} language="en" courseLanguage="en" gradingPath={(id) => `/grading?submission=${id}`} />, {
    client: fakeApi(() => ({})).client,
  });
  return expect(screen.findByText('No learners have enrolled yet.')).resolves.toBeInTheDocument();
});

test('the CSV is fetched with the session’s token and saved as a file', async () => {
  writeToken('secret-token');
  const fetcher = vi.fn(async () => new Response('\uFEFFLearner\r\nสมชาย\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }));
  const created: Blob[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  URL.createObjectURL = (blob: Blob) => (created.push(blob as Blob), 'blob:gradebook');
  URL.revokeObjectURL = () => {};
  onTestFinished(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });
  const clicks: HTMLAnchorElement[] = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this);
  });
  render(<p />);
  await downloadGradebook('c 1', 'course-gradebook.csv', fetcher as unknown as typeof fetch);
  expect(fetcher).toHaveBeenCalledWith('/courses/c%201/gradebook.csv', { headers: { authorization: 'Bearer secret-token' } });
  expect(clicks).toHaveLength(1);
  expect(clicks[0].download).toBe('course-gradebook.csv');
  expect(clicks[0].href).toBe('blob:gradebook');
  expect(await created[0].text()).toContain('สมชาย');
  click.mockRestore();

  const refused = vi.fn(async () => new Response('Forbidden', { status: 403 }));
  await expect(downloadGradebook('c1', 'x.csv', refused as unknown as typeof fetch)).rejects.toThrow(/403/);
});
