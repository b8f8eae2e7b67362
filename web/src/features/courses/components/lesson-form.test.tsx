import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { LessonForm } from './lesson-form';

const modules = [{ id: 'm1', title: 'Week 1' }];
const lesson = { id: 'l1', title: 'What is an NHRI?', body: '# Mandates\n\nThe Paris Principles.', estimatedMinutes: 15 };

test('editing a lesson pre-fills the form and sends only what changed', async () => {
  const { client, calls } = fakeApi((operationName) =>
    operationName === 'PreviewMarkdown'
      ? { data: { previewMarkdown: '<h1>Mandates</h1>' } }
      : { data: { updateLesson: { __typename: 'Lesson', ...lesson, position: 1, title: 'What is an NHRI, really?' } } },
  );
  const onSaved = vi.fn();
  renderWithApp(<LessonForm modules={modules} lesson={lesson} onSaved={onSaved} />, { client });
  const user = userEvent.setup();

  expect(screen.getByRole('heading', { name: 'Edit lesson “What is an NHRI?”' })).toBeInTheDocument();
  expect(screen.getByLabelText('Lesson title')).toHaveValue('What is an NHRI?');
  expect(screen.getByLabelText('Estimated minutes')).toHaveValue(15);
  expect(screen.getByRole('textbox', { name: 'Lesson text (Markdown)' })).toHaveValue(lesson.body);
  // A lesson stays in its module: there is nothing to choose.
  expect(screen.queryByLabelText('Module')).not.toBeInTheDocument();

  // The preview works on the lesson being edited.
  await user.click(screen.getByRole('tab', { name: 'Preview' }));
  expect(await screen.findByRole('heading', { name: 'Mandates' })).toBeInTheDocument();
  expect(calls[0]).toMatchObject({ operationName: 'PreviewMarkdown', variables: { source: lesson.body } });

  await user.click(screen.getByRole('tab', { name: 'Write' }));
  const title = screen.getByLabelText('Lesson title');
  await user.clear(title);
  await user.type(title, 'What is an NHRI, really?');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  const update = calls.find((c) => c.operationName === 'UpdateLesson');
  expect(update?.variables).toEqual({ lessonId: 'l1', input: { title: 'What is an NHRI, really?' } });
});

test('saving an unchanged lesson sends nothing', async () => {
  const { client, calls } = fakeApi(() => ({ data: {} }));
  const onSaved = vi.fn();
  renderWithApp(<LessonForm modules={modules} lesson={lesson} onSaved={onSaved} />, { client });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(calls).toHaveLength(0);
});

test('a refused body is shown next to the body field', async () => {
  const { client } = fakeApi(() => ({
    errors: [{ message: 'A lesson needs text.', extensions: { code: 'BAD_USER_INPUT', field: 'body' } }],
  }));
  renderWithApp(<LessonForm modules={modules} lesson={lesson} />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Lesson text (Markdown)' }), ' More.');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Lesson text (Markdown)' })).toHaveAttribute('aria-invalid', 'true'));
});
