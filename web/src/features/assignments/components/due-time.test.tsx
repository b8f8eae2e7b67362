import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { AssignmentList } from './assignment-list';
import { DueTime } from './due-time';
import { StateBadge } from './state-badge';

const render = (ui: React.ReactNode, language: 'en' | 'th' = 'en') => renderWithApp(ui, { client: fakeApi(() => ({ data: {} })).client, language });

test('a due time is written in the reader’s zone with the course’s beside it, whatever the machine’s zone', async () => {
  // 10:00 UTC: 16:30 in Yangon, 17:00 in Bangkok.
  render(<DueTime dueAt="2026-12-04T10:00:00.000Z" timeZone="Asia/Yangon" courseTimeZone="Asia/Bangkok" language="en" />);
  expect(await screen.findByTestId('due-time')).toHaveTextContent('Fri, Dec 4, 2026, 16:30 (Myanmar Time) — 17:00 Thailand Time');
  expect(screen.getByTestId('due-time')).toHaveAttribute('datetime', '2026-12-04T10:00:00.000Z');
});

test('across the date line the course’s date is given too, and one zone alone when the clocks agree', async () => {
  // 23:30 UTC on Dec 4: already Dec 5 in Kiritimati (+14), still Dec 4 in Pago Pago (−11).
  render(
    <>
      <DueTime dueAt="2026-12-04T23:30:00.000Z" timeZone="Pacific/Pago_Pago" courseTimeZone="Pacific/Kiritimati" language="en" />
      <DueTime dueAt="2026-12-04T23:30:00.000Z" timeZone="Asia/Bangkok" courseTimeZone="Asia/Bangkok" language="en" />
    </>,
  );
  const [across, same] = await screen.findAllByTestId('due-time');
  expect(across).toHaveTextContent(/^Fri, Dec 4, 2026, 12:30 \(.+\) — Sat, Dec 5, 2026, 13:30 .+$/);
  expect(same).toHaveTextContent(/^Sat, Dec 5, 2026, 06:30 \(Thailand Time\)$/);
});

test('each state reads as words, in the interface’s language', async () => {
  render(
    <>
      <StateBadge state="todo" />
      <StateBadge state="submittedLate" />
      <StateBadge state="graded" />
    </>,
    'th',
  );
  expect(await screen.findByText('ยังไม่เริ่ม')).toHaveClass('ui-badge-neutral');
  expect(screen.getByText('ส่งช้า')).toBeInTheDocument();
  expect(screen.getByText('ให้คะแนนแล้ว')).toHaveClass('ui-badge-success');
});

test('the course’s list gives each assignment its link, state, points and due time', async () => {
  render(
    <AssignmentList
      slug="defenders"
      learner
      lang="en"
      timeZone="Asia/Kathmandu"
      courseTimeZone="Asia/Bangkok"
      language="en"
      assignments={[
        { id: 'a1', title: 'Map the defenders', dueAt: '2026-12-04T10:00:00.000Z', maxPoints: 10, groupWork: false, state: 'draft' },
        { id: 'a2', title: "Your country's action plan", dueAt: null, maxPoints: 20, groupWork: true, state: 'todo' },
      ]}
    />,
  );
  const first = await screen.findByRole('link', { name: 'Map the defenders' });
  expect(first).toHaveAttribute('href', '/courses/defenders/assignments/a1');
  const items = screen.getAllByRole('listitem');
  expect(items[0]).toHaveTextContent('Draft');
  expect(items[0]).toHaveTextContent('10 points');
  expect(items[0]).toHaveTextContent('Fri, Dec 4, 2026, 15:45 (Nepal Time) — 17:00 Thailand Time');
  expect(items[1]).toHaveTextContent('Group work');
  expect(items[1]).toHaveTextContent('No due time');
});
