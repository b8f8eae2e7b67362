import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { AssignmentForm } from './assignment-form';

const WEEKS = [
  { id: 'm1', title: 'Week 1' },
  { id: 'm2', title: 'Week 2' },
];

function saved(input: { title?: string; instructions?: string; dueAt?: string | null; rubric?: { title: string; description: string | null; maxPoints: number }[] }) {
  const rubric = input.rubric ?? [];
  return {
    __typename: 'Assignment' as const, id: 'a1', title: input.title ?? 'Map the defenders', instructions: input.instructions ?? 'Write.', dueAt: input.dueAt ?? null,
    maxPoints: rubric.reduce((sum, c) => sum + c.maxPoints, 0), groupWork: false, shareWithCohort: false, required: false, passPoints: null, locked: false,
    module: null as { __typename: 'Module'; id: string; title: string } | null, rubric: rubric.map((c, i) => ({ __typename: 'RubricCriterion' as const, id: `r${i}`, ...c })),
  };
}

function form(props: Partial<Parameters<typeof AssignmentForm>[0]> = {}) {
  return (
    <AssignmentForm courseId="c1" courseTimeZone="Asia/Bangkok" courseLanguage="en" timeZone="Asia/Kathmandu" language="en" weeks={WEEKS} {...props} />
  );
}

test('the rubric total follows the points as they are typed, and criteria stay between 1 and 20', async () => {
  renderWithApp(form(), { client: fakeApi(() => ({})).client });
  const user = userEvent.setup();
  const total = screen.getByTestId('rubric-total');
  expect(total).toHaveTextContent('Total: 0 points');
  // One criterion at least: it cannot be removed.
  expect(screen.getByRole('button', { name: 'Remove criterion 1' })).toBeDisabled();

  await user.type(screen.getByLabelText('Points'), '7.5');
  expect(total).toHaveTextContent('Total: 7.5 points');
  await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
  // Focus goes to the new criterion's title.
  const second = within(screen.getByRole('group', { name: 'Criterion 2' }));
  await waitFor(() => expect(second.getByLabelText('Criterion')).toHaveFocus());
  await user.type(second.getByLabelText('Points'), '2.5');
  expect(total).toHaveTextContent('Total: 10 points');

  await user.click(screen.getByRole('button', { name: 'Remove criterion 1' }));
  expect(total).toHaveTextContent('Total: 2.5 points');
  expect(screen.queryByRole('group', { name: 'Criterion 2' })).toBeNull();

  for (let i = 1; i < 20; i++) await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
  expect(screen.getAllByRole('group', { name: /^Criterion \d+$/ })).toHaveLength(20);
  expect(screen.getByRole('button', { name: 'Add a criterion' })).toBeDisabled();
});

test('criteria out of bounds are refused beside them before anything is sent', async () => {
  const { client, calls } = fakeApi(() => ({}));
  renderWithApp(form(), { client });
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Title'), 'Map the defenders');
  await user.type(screen.getByLabelText('Instructions'), 'List them.');
  await user.type(screen.getByLabelText('Points'), '1001');
  await user.click(screen.getByRole('button', { name: 'Create assignment' }));

  const points = screen.getByLabelText('Points');
  // Focus on the first problem: the criterion's missing title.
  await waitFor(() => expect(screen.getByLabelText('Criterion')).toHaveFocus());
  expect(points).toHaveAttribute('aria-invalid', 'true');
  expect(points).toHaveAccessibleDescription(/more than 0 and at most 1000/);
  expect(screen.getByLabelText('Criterion')).toHaveAccessibleDescription('Name this criterion.');
  expect(calls).toHaveLength(0);

  await user.clear(points);
  await user.type(points, '0');
  await user.click(screen.getByRole('button', { name: 'Create assignment' }));
  expect(points).toHaveAttribute('aria-invalid', 'true');
  expect(calls).toHaveLength(0);
});

test('a new assignment: its due time is entered on the course’s clock and sent as UTC, with its rubric and switches', async () => {
  const { client, calls } = fakeApi((_, variables) => ({ data: { createAssignment: saved(variables.input as Record<string, unknown>) } }));
  renderWithApp(form(), { client });
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Title'), 'Map the defenders');
  await user.type(screen.getByLabelText('Instructions'), 'List the defenders your institution protects.');
  await user.selectOptions(screen.getByLabelText('Week'), 'm2');
  fireEvent.change(screen.getByLabelText('Due (Thailand Time)'), { target: { value: '2027-02-08T17:00' } });
  // What that means for the trainer, in Kathmandu.
  expect(screen.getByTestId('due-at-local')).toHaveTextContent('15:45');
  await user.type(screen.getByLabelText('Criterion'), 'Evidence');
  await user.type(screen.getByLabelText('Points'), '10');
  await user.click(screen.getByRole('switch', { name: 'Group work' }));
  await user.click(screen.getByRole('switch', { name: 'Required for the certificate' }));
  await user.type(screen.getByLabelText('Pass mark (points)'), '6');
  await user.click(screen.getByRole('button', { name: 'Create assignment' }));

  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables.input).toEqual({
    courseId: 'c1',
    moduleId: 'm2',
    title: 'Map the defenders',
    instructions: 'List the defenders your institution protects.',
    dueAt: '2027-02-08T10:00:00.000Z',
    rubric: [{ title: 'Evidence', description: null, maxPoints: 10 }],
    groupWork: true,
    shareWithCohort: false,
    required: true,
    passPoints: 6,
  });
  expect(await screen.findByText('Assignment “Map the defenders” created.')).toBeInTheDocument();
});

test('a pass mark above the rubric’s total is refused', async () => {
  const { client, calls } = fakeApi(() => ({}));
  renderWithApp(form(), { client });
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Title'), 'Map');
  await user.type(screen.getByLabelText('Instructions'), 'Write.');
  await user.type(screen.getByLabelText('Criterion'), 'Evidence');
  await user.type(screen.getByLabelText('Points'), '10');
  await user.type(screen.getByLabelText('Pass mark (points)'), '11');
  await user.click(screen.getByRole('button', { name: 'Create assignment' }));
  expect(screen.getByLabelText('Pass mark (points)')).toHaveAccessibleDescription(/from 0 to 10 points/);
  expect(calls).toHaveLength(0);
});

test('a rubric graded meanwhile is locked with an explanation; an unchanged rubric is not sent', async () => {
  const assignment = { ...saved({ rubric: [{ title: 'Evidence', description: null, maxPoints: 10 }] }), module: { __typename: 'Module' as const, id: 'm1', title: 'Week 1' } };
  const { client, calls } = fakeApi((_, variables) => {
    const input = variables.input as Record<string, unknown>;
    if (input.rubric) return { errors: [{ message: 'Work on this assignment has been graded, so its rubric can no longer change.', extensions: { code: 'CONFLICT', field: 'rubric' } }] };
    return { data: { updateAssignment: { ...assignment, title: input.title ?? assignment.title } } };
  });
  renderWithApp(form({ assignment }), { client });
  const user = userEvent.setup();

  const title = screen.getByLabelText('Title');
  await user.clear(title);
  await user.type(title, 'Map the defenders again');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables.input).toEqual({ id: 'a1', title: 'Map the defenders again' });

  await user.type(screen.getByLabelText('Points'), '5');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(calls).toHaveLength(2));
  expect((calls[1].variables.input as { rubric: unknown }).rubric).toEqual([{ title: 'Evidence', description: null, maxPoints: 105 }]);
  expect(await screen.findByText(/graded with this rubric meanwhile, so it cannot change any more/)).toBeInTheDocument();
  // The builder is gone: the rubric is read only now.
  expect(screen.queryByRole('button', { name: 'Add a criterion' })).toBeNull();
});
