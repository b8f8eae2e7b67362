import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CourseForm } from './course-form';

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillRequired() {
  type('Title', 'Defenders 2027');
  type('Summary', 'Four weeks on protecting defenders.');
}

test('outcomes are sent one per line, the audience as written, and no colour unless one is chosen', async () => {
  const { client, calls } = fakeApi(() => ({ data: { createCourse: { __typename: 'Course', id: 'c1', slug: 'defenders-2027' } } }));
  const onDone = vi.fn();
  renderWithApp(<CourseForm timeZone="Asia/Bangkok" language="en" onDone={onDone} />, { client });
  const user = userEvent.setup();
  fillRequired();
  type('What learners will be able to do', '  Explain the Paris Principles\n\nPlan a protection visit  ');
  type('Who the course is for', 'NHRI staff.');
  expect(screen.queryByLabelText('Accent colour')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Create course' }));

  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables.input).toMatchObject({
    outcomes: ['Explain the Paris Principles', 'Plan a protection visit'],
    audience: 'NHRI staff.',
    color: null,
  });
  await waitFor(() => expect(onDone).toHaveBeenCalledWith('defenders-2027'));
}, 15_000); // The form's first render loads the list of time zones.

test('a chosen accent colour is sent; thirteen outcomes are refused before sending', async () => {
  const { client, calls } = fakeApi(() => ({ data: { createCourse: { __typename: 'Course', id: 'c1', slug: 'defenders-2027' } } }));
  renderWithApp(<CourseForm timeZone="Asia/Bangkok" language="en" onDone={() => undefined} />, { client });
  const user = userEvent.setup();
  fillRequired();
  const outcomes = screen.getByLabelText('What learners will be able to do');
  fireEvent.change(outcomes, { target: { value: Array.from({ length: 13 }, (_, i) => `Outcome ${i + 1}`).join('\n') } });
  await user.click(screen.getByLabelText('Choose an accent colour'));
  fireEvent.input(screen.getByLabelText('Accent colour'), { target: { value: '#4b5878' } });
  await user.click(screen.getByRole('button', { name: 'Create course' }));

  await waitFor(() => expect(outcomes).toHaveAttribute('aria-invalid', 'true'));
  expect(outcomes).toHaveAccessibleDescription(/up to 12 outcomes/);
  expect(calls).toHaveLength(0);

  fireEvent.change(outcomes, { target: { value: 'Outcome 1' } });
  await user.click(screen.getByRole('button', { name: 'Create course' }));
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables.input).toMatchObject({ outcomes: ['Outcome 1'], color: '#4b5878' });
});

test('on a course that exists, the form changes only what changed, and says so for a moment', async () => {
  const course = {
    id: 'c1', slug: 'defenders', title: 'Defenders at risk', summary: 'How NHRIs respond.', outcomes: ['Explain the Paris Principles'],
    audience: null, color: '#2f5f6a',
  };
  const { client, calls } = fakeApi((_, variables) => ({
    data: {
      updateCourse: {
        __typename: 'Course', ...course, ...(variables.input as object), kind: 'COURSE', status: 'DRAFT', language: 'en', timeZone: 'Asia/Bangkok',
        startsAt: null, endsAt: null, cover: null, durationWeeks: null, estimatedMinutes: 0, enrollmentOpen: false, myEnrollment: null,
      },
    },
  }));
  renderWithApp(<CourseForm course={course} timeZone="Asia/Bangkok" language="en" />, { client });
  const user = userEvent.setup();
  // What is set once, at creation, is not offered again.
  expect(screen.queryByLabelText('Web address')).not.toBeInTheDocument();
  expect(screen.queryByLabelText('Language of the course')).not.toBeInTheDocument();
  expect(screen.getByLabelText('Title')).toHaveValue('Defenders at risk');

  await user.type(screen.getByLabelText('What learners will be able to do'), '\nDocument a reprisal');
  await user.type(screen.getByLabelText('Who the course is for'), 'Staff of NHRIs');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0]).toEqual({
    operationName: 'UpdateCourse',
    variables: { courseId: 'c1', input: { outcomes: ['Explain the Paris Principles', 'Document a reprisal'], audience: 'Staff of NHRIs' } },
  });
  expect(await screen.findByRole('status')).toHaveTextContent('Changes saved.');
});

test('topics are sent as a list from the comma-separated field, only when they changed', async () => {
  const course = {
    id: 'c1', slug: 'defenders', title: 'Defenders at risk', summary: 'How NHRIs respond.', outcomes: [], topics: ['reprisals'],
    audience: null, color: '#2f5f6a',
  };
  const { client, calls } = fakeApi((_, variables) => ({
    data: {
      updateCourse: {
        __typename: 'Course', ...course, ...(variables.input as object), kind: 'COURSE', status: 'DRAFT', language: 'en', timeZone: 'Asia/Bangkok',
        startsAt: null, endsAt: null, cover: null, durationWeeks: null, estimatedMinutes: 0, enrollmentOpen: false, myEnrollment: null,
      },
    },
  }));
  renderWithApp(<CourseForm course={course} timeZone="Asia/Bangkok" language="en" />, { client });
  const user = userEvent.setup();
  expect(screen.getByLabelText('What the course is about')).toHaveValue('reprisals');
  await user.type(screen.getByLabelText('What the course is about'), ', NHRI mandate , ');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0].variables).toEqual({ courseId: 'c1', input: { topics: ['reprisals', 'NHRI mandate'] } });
});
