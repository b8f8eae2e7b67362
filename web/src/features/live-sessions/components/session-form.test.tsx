import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { SessionForm } from './session-form';

const scheduled = (input: Record<string, unknown>) => ({
  __typename: 'LiveSession', id: 's1', title: input.title, startsAt: input.startsAt, endsAt: input.startsAt,
  durationMinutes: input.durationMinutes, joinUrl: input.joinUrl, recordingUrl: null, icsPath: '/calendar/sessions/s1.ics',
  breakoutGroups: [], myAttendance: null, cancelled: false, cancelledAt: null, sequence: 0,
  course: { __typename: 'Course', id: 'c1', language: 'en' },
});

test('a session time entered in the course’s zone (Asia/Tokyo) is sent as the right UTC instant', async () => {
  const { client, calls } = fakeApi((_, variables) => ({ data: { scheduleLiveSession: scheduled(variables.input as Record<string, unknown>) } }));
  renderWithApp(<SessionForm courseId="c1" courseTimeZone="Asia/Tokyo" timeZone="Asia/Yangon" language="en" />, { client });
  const user = userEvent.setup();

  await user.type(screen.getByLabelText('Session title'), 'Orientation');
  fireEvent.change(screen.getByLabelText('Starts at (Japan Time)'), { target: { value: '2030-11-20T11:30' } });
  // What that means for the trainer in Yangon, written as everywhere else.
  expect(screen.getByTestId('starts-at-local')).toHaveTextContent('For you: Wed, Nov 20, 2030, 09:00 (Myanmar Time) — 11:30 Japan Time');
  await user.clear(screen.getByLabelText('Duration in minutes'));
  await user.type(screen.getByLabelText('Duration in minutes'), '90');
  await user.type(screen.getByLabelText('Join link'), 'https://meet.example.org/orientation');
  await user.click(screen.getByRole('button', { name: 'Schedule session' }));

  await waitFor(() => expect(calls).toHaveLength(1));
  const input = calls[0].variables.input as Record<string, unknown>;
  expect(new Date(input.startsAt as string).toISOString()).toBe('2030-11-20T02:30:00.000Z');
  // No groups typed: the API uses the course's enrolment groups.
  expect(input).toEqual({
    courseId: 'c1', title: 'Orientation', startsAt: '2030-11-20T02:30:00.000Z', durationMinutes: 90,
    joinUrl: 'https://meet.example.org/orientation',
  });
  expect(await screen.findByRole('status')).toHaveTextContent('Session “Orientation” scheduled.');
});

test('a start the API refuses is shown next to the start field', async () => {
  const { client } = fakeApi(() => ({
    errors: [{ message: 'Choose a start time in the future.', extensions: { code: 'BAD_USER_INPUT', field: 'startsAt' } }],
  }));
  renderWithApp(<SessionForm courseId="c1" courseTimeZone="Asia/Tokyo" timeZone="Asia/Tokyo" language="en" />, { client });
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Session title'), 'Orientation');
  fireEvent.change(screen.getByLabelText('Starts at (Japan Time)'), { target: { value: '2030-11-20T11:30' } });
  await user.click(screen.getByRole('button', { name: 'Schedule session' }));

  const startsAt = screen.getByLabelText('Starts at (Japan Time)');
  await waitFor(() => expect(startsAt).toHaveAttribute('aria-invalid', 'true'));
  expect(startsAt).toHaveAccessibleDescription(/Choose a date and time in the future/);
});
