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
  renderWithApp(<LessonForm courseId="c1" modules={modules} courseLanguage="en" lesson={lesson} onSaved={onSaved} />, { client });
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
  expect(calls[0]).toMatchObject({ operationName: 'PreviewMarkdown', variables: { source: lesson.body, courseId: 'c1' } });

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
  renderWithApp(<LessonForm courseId="c1" modules={modules} courseLanguage="en" lesson={lesson} onSaved={onSaved} />, { client });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(calls).toHaveLength(0);
});

test('a refused body is shown next to the body field', async () => {
  const { client } = fakeApi(() => ({
    errors: [{ message: 'A lesson needs text.', extensions: { code: 'BAD_USER_INPUT', field: 'body' } }],
  }));
  renderWithApp(<LessonForm courseId="c1" modules={modules} courseLanguage="en" lesson={lesson} />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Lesson text (Markdown)' }), ' More.');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Lesson text (Markdown)' })).toHaveAttribute('aria-invalid', 'true'));
});

test('the Write and Preview tabs work from the keyboard: arrows, Home and End move to a tab and show it', async () => {
  const { client, calls } = fakeApi(() => ({ data: { previewMarkdown: '<h1>Mandates</h1>' } }));
  renderWithApp(<LessonForm courseId="c1" modules={modules} courseLanguage="en" lesson={lesson} />, { client });
  const user = userEvent.setup();
  const write = screen.getByRole('tab', { name: 'Write' });
  const preview = screen.getByRole('tab', { name: 'Preview' });
  const previews = () => calls.filter((c) => c.operationName === 'PreviewMarkdown').length;

  // Only the shown tab is in the tab order: Tab goes from it to the text, past the other tab.
  expect(write).toHaveAttribute('tabindex', '0');
  expect(preview).toHaveAttribute('tabindex', '-1');
  await user.click(screen.getByLabelText('Estimated minutes'));
  await user.tab();
  expect(write).toHaveFocus();
  await user.tab();
  expect(screen.getByRole('textbox', { name: 'Lesson text (Markdown)' })).toHaveFocus();
  await user.tab({ shift: true });
  expect(write).toHaveFocus();

  // → shows the preview as a click does, and focus follows.
  await user.keyboard('{ArrowRight}');
  expect(preview).toHaveFocus();
  expect(preview).toHaveAttribute('aria-selected', 'true');
  expect(preview).toHaveAttribute('tabindex', '0');
  expect(write).toHaveAttribute('aria-selected', 'false');
  expect(write).toHaveAttribute('tabindex', '-1');
  expect(await screen.findByRole('heading', { name: 'Mandates' })).toBeInTheDocument();
  expect(previews()).toBe(1);
  expect(screen.getByRole('tabpanel', { name: 'Preview' })).toBeVisible();

  // ← back to Write; → from the last tab comes round to the first.
  await user.keyboard('{ArrowLeft}');
  expect(write).toHaveFocus();
  expect(write).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('tabpanel', { name: 'Write' })).toBeVisible();
  await user.keyboard('{ArrowLeft}');
  expect(preview).toHaveFocus();
  expect(preview).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{ArrowRight}');
  expect(write).toHaveFocus();

  // End and Home: the last and the first tab. Home on the first tab changes nothing.
  await user.keyboard('{End}');
  expect(preview).toHaveFocus();
  expect(preview).toHaveAttribute('aria-selected', 'true');
  await waitFor(() => expect(previews()).toBe(3));
  await user.keyboard('{Home}');
  expect(write).toHaveFocus();
  await user.keyboard('{Home}');
  expect(write).toHaveFocus();
  expect(write).toHaveAttribute('aria-selected', 'true');
  expect(previews()).toBe(3);
});
