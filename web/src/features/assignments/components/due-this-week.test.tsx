import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { DueThisWeek } from './due-this-week';

const NOW = Date.parse('2026-12-02T05:00:00.000Z');
const HOUR = 3_600_000;

const assignment = (id: string, title: string, dueInHours: number | null, submission: { status: string; late?: boolean } | null = null) => ({
  __typename: 'Assignment', id, title, dueAt: dueInHours === null ? null : new Date(NOW + dueInHours * HOUR).toISOString(), module: null,
  mySubmission: submission && { __typename: 'Submission', id: `${id}-s`, late: false, submittedAt: null, returnedAt: null, grade: null, ...submission },
});

const enrollment = (id: string, role: string, status: string, assignments: unknown[]) => ({
  __typename: 'Enrollment', id, role, status,
  course: { __typename: 'Course', id: `c-${id}`, slug: `course-${id}`, title: `Course ${id}`, language: 'en', timeZone: 'Asia/Bangkok', assignments },
});

function render(enrollments: unknown[]) {
  const { client, calls } = fakeApi((operation) => (operation === 'DueAssignments' ? { data: { myEnrollments: enrollments } } : { data: {} }));
  renderWithApp(<DueThisWeek timeZone="Asia/Kathmandu" language="en" now={NOW} />, { client });
  return calls;
}

test('what the learner has due in the next seven days, soonest first, each linking to its page', async () => {
  render([
    enrollment('a', 'LEARNER', 'ACTIVE', [
      assignment('later', 'Action plan', 6 * 24),
      assignment('soon', 'Map the defenders', 5, { status: 'DRAFT' }),
      assignment('done', 'Already handed in', 10, { status: 'SUBMITTED' }),
      assignment('past', 'Was due yesterday', -24),
      assignment('far', 'Next month', 30 * 24),
      assignment('undated', 'Whenever', null),
    ]),
    // Courses taught, or finished, have nothing due for this learner.
    enrollment('b', 'TRAINER', 'ACTIVE', [assignment('taught', 'Someone else’s work', 5)]),
    enrollment('c', 'LEARNER', 'COMPLETED', [assignment('finished', 'From a finished course', 5)]),
  ]);
  const region = await screen.findByRole('region', { name: 'Due this week' });
  const links = within(region).getAllByRole('link');
  expect(links.map((link) => link.textContent)).toEqual(['Map the defenders', 'Action plan']);
  expect(links[0]).toHaveAttribute('href', '/courses/course-a/assignments/soon');
  // 10:00 UTC, in Kathmandu and beside it in Bangkok.
  expect(within(region).getAllByRole('listitem')[0]).toHaveTextContent('Due Wed, Dec 2, 2026, 15:45 (Nepal Time) — 17:00 Thailand Time');
  expect(within(region).getAllByRole('listitem')[0]).toHaveTextContent('Draft');
});

test('with nothing due the section is left out', async () => {
  const calls = render([enrollment('a', 'LEARNER', 'ACTIVE', [assignment('done', 'Handed in', 10, { status: 'SUBMITTED' })])]);
  await waitFor(() => expect(calls.map((call) => call.operationName)).toContain('DueAssignments'));
  // The answer has been rendered by the next task.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByRole('region', { name: 'Due this week' })).toBeNull();
});
