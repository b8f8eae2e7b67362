import type { LiveSessionFieldsFragment } from '@kapwa/graphql';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { SessionItem } from './session-item';
import { TrainerTools } from './trainer-tools';

const NOW = new Date('2030-11-01T00:00:00Z').getTime();

function session(id: string, title: string, startsAt: string): LiveSessionFieldsFragment {
  return {
    id, title, startsAt, endsAt: startsAt, durationMinutes: 60, joinUrl: null, recordingUrl: 'https://video.example.org/' + id,
    icsPath: `/calendar/sessions/${id}.ics`, breakoutGroups: [], myAttendance: null, cancelled: false, cancelledAt: null, sequence: 0,
    course: { id: 'c1', language: 'en' },
  };
}

/** The schedule as a course's trainer sees it: each session with its tools. */
function renderSchedule() {
  const { client } = fakeApi(() => ({ data: {} }));
  const sessions = [session('s1', 'Welcome call', '2030-11-20T02:30:00Z'), session('s2', 'Week 1 discussion', '2030-11-27T02:30:00Z')];
  return renderWithApp(
    <ul>
      {sessions.map((s) => (
        <li key={s.id}>
          <SessionItem session={s} courseTimeZone="Asia/Tokyo" timeZone="Asia/Yangon" language="en" now={NOW}>
            <TrainerTools slug="defenders" courseId="c1" courseTimeZone="Asia/Tokyo" timeZone="Asia/Yangon" language="en" session={s} now={NOW} />
          </SessionItem>
        </li>
      ))}
    </ul>,
    { client },
  );
}

test('each session’s repeated buttons are named by their visible words, then the session', async () => {
  const { container } = renderSchedule();

  // Two buttons, two names, each starting with what the button shows (WCAG 2.5.3).
  const cancels = screen.getAllByRole('button', { name: /^Cancel session/ });
  expect(cancels.map((button) => button.textContent)).toEqual(['Cancel session: Welcome call', 'Cancel session: Week 1 discussion']);
  expect(cancels[0]).toHaveAccessibleName('Cancel session: Welcome call');
  expect(cancels[1]).toHaveAccessibleName('Cancel session: Week 1 discussion');
  // Only the visible words are seen: the session's name is for screen readers.
  expect(cancels[0].querySelector('.visually-hidden')).toHaveTextContent(': Welcome call');

  // The disclosures' summaries, the same in every session, too.
  const summaries = [...container.querySelectorAll('summary')];
  summaries.forEach((summary) => expect(summary).toHaveAccessibleName(summary.textContent!));
  expect(summaries.map((summary) => summary.textContent)).toEqual([
    'Reschedule or edit: Welcome call',
    'Take attendance: Welcome call',
    'Reschedule or edit: Week 1 discussion',
    'Take attendance: Week 1 discussion',
  ]);
  expect(screen.getAllByRole('link', { name: /^Watch the recording/ }).map((link) => link.textContent)).toEqual([
    'Watch the recording: Welcome call',
    'Watch the recording: Week 1 discussion',
  ]);

  // Two edit forms open at once: two "Save changes", told apart.
  const user = userEvent.setup();
  for (const summary of container.querySelectorAll('summary')) if (summary.textContent?.startsWith('Reschedule')) await user.click(summary);
  expect(screen.getByRole('button', { name: 'Save changes: Welcome call' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Save changes: Week 1 discussion' })).toBeInTheDocument();
});
