import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { withLessonMoved } from '../features/courses/outline-moves';
import { fakeApi, renderWithApp, type GraphQLErrorShape } from '../test/render';
import CourseEditorPage from './course-editor-page';

const lesson = (id: string, position: number, title: string) => ({
  __typename: 'Lesson', id, position, title, estimatedMinutes: 10, body: `## ${title}\n\nText.`,
});
const modules = [
  { __typename: 'Module', id: 'm1', position: 1, title: 'Week 1', part: null, opensAt: null, locked: false, lessonCount: 2,
    lessons: [lesson('l1', 1, 'Mandates'), lesson('l2', 2, 'Reprisals')] },
  { __typename: 'Module', id: 'm2', position: 2, title: 'Week 2', part: null, opensAt: null, locked: false, lessonCount: 1,
    lessons: [lesson('l3', 1, 'Urgent actions')] },
];
const course = {
  __typename: 'Course', id: 'c1', slug: 'defenders', title: 'Defenders at risk', summary: 'How NHRIs respond.', kind: 'COURSE', status: 'DRAFT',
  language: 'en', timeZone: 'Asia/Bangkok', startsAt: null, endsAt: null, lessonCount: 3, color: '#2f5f6a', cover: null,
  durationWeeks: null, estimatedMinutes: 30, enrollmentOpen: false, outcomes: [], topics: [], audience: null,
  myEnrollment: { __typename: 'Enrollment', id: 'e1', role: 'TRAINER', status: 'ACTIVE' }, enrollments: [], modules,
};

/** The course's outline as the page shows it: each module's title, then its lessons'. */
function outline() {
  return [...document.querySelectorAll('.outline-module')].map((module) => [
    module.querySelector(':scope > .outline-row .outline-title')!.textContent,
    ...[...module.querySelectorAll('.outline-lessons .outline-title')].map((link) => link.textContent),
  ]);
}

function editor(moveLesson: (variables: { input: { lessonId: string; moduleId: string; position: number } }) => { data?: unknown; errors?: GraphQLErrorShape[] }) {
  return fakeApi((operation, variables) => {
    if (operation === 'CourseEditor') return { data: { course } };
    if (operation === 'MoveLesson') return moveLesson(variables as never);
    return { data: {} };
  });
}

test('a move the API refuses is undone, and why stays on screen; the next one that works clears it', async () => {
  let refuse = true;
  const { client, calls } = editor(({ input }) =>
    refuse
      ? { errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }
      : { data: { moveLesson: { ...course, modules: withLessonMoved(modules, input.lessonId, input) } } },
  );
  renderWithApp(<CourseEditorPage />, { client });
  const user = userEvent.setup();
  await screen.findByRole('heading', { level: 2, name: 'Course outline' });
  const before = [['Week 1', 'Mandates', 'Reprisals'], ['Week 2', 'Urgent actions']];
  expect(outline()).toEqual(before);

  await user.click(screen.getByRole('button', { name: 'Move lesson “Reprisals” up' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The move was not saved, so the outline is back as it was. You are not allowed to do this.'));
  expect(outline()).toEqual(before);

  refuse = false;
  await user.click(screen.getByRole('button', { name: 'Move lesson “Reprisals” down' }));
  await waitFor(() => expect(outline()).toEqual([['Week 1', 'Mandates'], ['Week 2', 'Reprisals', 'Urgent actions']]));
  // Shown at once; said once the API has agreed.
  await waitFor(() => expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain('Lesson “Reprisals” is now number 1 in “Week 2”.'));
  expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  expect(calls.filter((call) => call.operationName === 'MoveLesson').map((call) => call.variables)).toEqual([
    { input: { lessonId: 'l2', moduleId: 'm1', position: 1 } },
    { input: { lessonId: 'l2', moduleId: 'm2', position: 1 } },
  ]);
});

test('a lesson chosen in the outline opens its form beside it, marked as the current one', async () => {
  renderWithApp(<CourseEditorPage />, { client: editor(() => ({ data: {} })).client });
  const user = userEvent.setup();
  // Nothing chosen: the pane says what to do.
  expect(await screen.findByRole('heading', { name: 'Choose a week or a lesson' })).toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Reprisals' }));
  const form = await screen.findByRole('form', { name: 'Edit lesson “Reprisals”' });
  expect(within(form).getByLabelText('Lesson title')).toHaveValue('Reprisals');
  expect(screen.getByRole('link', { name: 'Reprisals' })).toHaveAttribute('aria-current', 'true');
  await waitFor(() => expect(within(form).getByRole('heading', { level: 2 })).toHaveFocus());

  // A week's form: its title, part and opening time.
  await user.click(screen.getByRole('link', { name: 'Week 2' }));
  const week = await screen.findByRole('form', { name: 'Edit module “Week 2”' });
  expect(within(week).getByLabelText('Part')).toHaveValue('');
});
