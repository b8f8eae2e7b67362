import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { AssignmentManager } from './assignment-manager';

const COURSE = {
  __typename: 'Course', id: 'c1', slug: 'defenders', language: 'en', timeZone: 'Asia/Bangkok',
  modules: [{ __typename: 'Module', id: 'm1', title: 'Week 1', position: 1 }],
  assignments: [
    {
      __typename: 'Assignment', id: 'a1', title: 'Action plan', instructions: 'Write it together.', dueAt: '2027-02-08T10:00:00.000Z', maxPoints: 20,
      groupWork: true, shareWithCohort: true, required: true, passPoints: 12, locked: true,
      module: { __typename: 'Module', id: 'm1', title: 'Week 1' },
      rubric: [{ __typename: 'RubricCriterion', id: 'r1', title: 'Plan', description: null, maxPoints: 20 }],
    },
  ],
};

test('the list shows each assignment’s week, due time, points and switches; deleting handed-in work is refused in words', async () => {
  const { client, calls } = fakeApi((name) =>
    name === 'EditableAssignments'
      ? { data: { course: COURSE } }
      : { errors: [{ message: 'Learners have handed in work for this assignment.', extensions: { code: 'CONFLICT' } }] },
  );
  renderWithApp(<AssignmentManager slug="defenders" timeZone="Asia/Yangon" language="en" />, { client });
  const user = userEvent.setup();
  const item = (await screen.findByRole('heading', { level: 3, name: 'Action plan' })).closest('li')!;
  // Due 17:00 in Bangkok is 16:30 for the trainer in Yangon.
  expect(item).toHaveTextContent(/Week 1 · Due .*16:30 \(Myanmar Time\).* · 20 points/);
  for (const badge of ['Group work', 'Shared with the cohort', 'Required', 'Rubric locked']) expect(within(item).getByText(badge)).toBeInTheDocument();

  await user.click(within(item).getByRole('button', { name: 'Delete: Action plan' }));
  await user.click(within(item).getByRole('button', { name: 'Delete assignment' }));
  await waitFor(() => expect(calls.some((c) => c.operationName === 'DeleteAssignment')).toBe(true));
  expect(await within(item).findByRole('alert')).toHaveTextContent('Learners have submitted work for this assignment, so it cannot be deleted.');

  // Editing a graded assignment shows its rubric read only, with the reason.
  await user.click(within(item).getByRole('button', { name: 'Edit: Action plan' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Edit assignment' })).toHaveFocus());
  expect(screen.getByText(/cannot change any more: some work has already been graded/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Add a criterion' })).toBeNull();
});
