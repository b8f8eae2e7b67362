import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../test/render';
import Dashboard from './dashboard';

const module = (id: string, title: string) => ({ __typename: 'Module', id, title });
const lesson = (id: string, title: string, week: ReturnType<typeof module>) => ({ __typename: 'Lesson', id, title, module: week });

/** An enrolment as MyEnrollments returns it: `weeks` are the course's modules (locked ones with their opening). */
function enrollment(
  id: string,
  title: string,
  { role = 'LEARNER', status = 'ACTIVE', progress = 0, nextLesson = null as unknown, certificate = null as unknown, weeks = [] as { locked: boolean; opensAt: string | null }[] } = {},
) {
  return {
    __typename: 'Enrollment', id, role, status, group: null, progress, completedAt: null, certificate, nextLesson,
    course: {
      __typename: 'Course', id: `course-${id}`, slug: `course-${id}`, title, language: 'en', timeZone: 'Asia/Bangkok', lessonCount: 4,
      modules: weeks.map((week, index) => ({ __typename: 'Module', id: `${id}-m${index}`, ...week })),
    },
  };
}

const session = {
  __typename: 'LiveSession', id: 's1', title: 'Welcome call', startsAt: '2099-03-01T02:30:00.000Z', endsAt: '2099-03-01T03:30:00.000Z',
  durationMinutes: 60, joinUrl: 'https://meet.example.org/welcome', recordingUrl: null, icsPath: '/calendar/sessions/s1.ics', breakoutGroups: [],
  myAttendance: null, cancelled: false, cancelledAt: null, sequence: 0,
  course: { __typename: 'Course', id: 'course-a', slug: 'course-a', title: 'Protecting defenders', language: 'en', timeZone: 'Asia/Bangkok' },
};

const notification = (id: string, title: string, readAt: string | null) => ({
  __typename: 'Notification', id, kind: 'SESSION_CHANGED', title, body: 'Details', link: '/courses/course-a/sessions', createdAt: '2027-01-05T03:00:00.000Z', readAt,
});

function api({ enrollments = [] as unknown[], sessions = [] as unknown[], notifications = [] as unknown[] }) {
  return fakeApi((operation) => {
    if (operation === 'MyEnrollments') return { data: { myEnrollments: enrollments } };
    if (operation === 'MyUpcomingSessions') return { data: { myUpcomingSessions: sessions } };
    if (operation === 'RecentNotifications') return { data: { notifications: { __typename: 'NotificationList', nodes: notifications, unreadCount: 1 } } };
    return { data: {} };
  }).client;
}

const week1 = module('a-w1', 'Week 1: Who defends rights');

test('each course being learned says what comes next: the next lesson under its week, or that the next week is awaited, or that all is done', async () => {
  const enrollments = [
    enrollment('a', 'Protecting defenders', { progress: 0.25, nextLesson: lesson('a-l2', 'The UN Declaration', week1) }),
    enrollment('b', 'Digital security', { nextLesson: lesson('b-l1', 'Locking your phone', module('b-w1', 'Module 1: Safer phones')) }),
    enrollment('c', 'Monitoring detention', { progress: 0.5, weeks: [{ locked: false, opensAt: null }, { locked: true, opensAt: '2027-02-08T02:30:00Z' }] }),
    enrollment('d', 'Business and human rights', { progress: 1 }),
  ];
  renderWithApp(<Dashboard />, { client: api({ enrollments }) });

  const learning = await screen.findByRole('region', { name: 'Continue where you left off' });
  const card = (name: string) => within(learning).getByRole('article', { name });

  const started = card('Protecting defenders');
  expect(started).toHaveTextContent('Week 1: Who defends rights');
  expect(within(started).getByRole('link', { name: 'Continue: The UN Declaration' })).toHaveAttribute('href', '/courses/course-a/lessons/a-l2');
  expect(within(started).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');

  expect(within(card('Digital security')).getByRole('link', { name: 'Start: Locking your phone' })).toHaveAttribute('href', '/courses/course-b/lessons/b-l1');

  const waiting = card('Monitoring detention');
  expect(waiting).toHaveTextContent('Waiting for the next week to open');
  // The course's date and clock, whatever the reader's zone.
  expect(waiting).toHaveTextContent('Opens Mon, Feb 8, 2027, 09:30 (Thailand Time)');
  expect(within(waiting).queryByRole('link', { name: /^(Continue|Start)/ })).toBeNull();

  expect(card('Business and human rights')).toHaveTextContent('All lessons done');
  // No course and no session is not the case here.
  expect(screen.queryByRole('link', { name: 'Browse courses' })).toBeNull();
});

test('completed courses are listed apart with their certificates, taught courses with their editors, withdrawn ones nowhere', async () => {
  const enrollments = [
    enrollment('e', 'Protecting defenders', { status: 'COMPLETED', progress: 1, certificate: { __typename: 'Certificate', id: 'x', code: 'KPW-AAAA-BBBB-CCCC' } }),
    enrollment('f', 'Digital security', { status: 'COMPLETED', progress: 1 }),
    enrollment('g', 'Monitoring detention', { role: 'TRAINER' }),
    enrollment('h', 'Business and human rights', { status: 'WITHDRAWN', nextLesson: lesson('h-l1', 'Due diligence', module('h-w1', 'Week 1')) }),
  ];
  renderWithApp(<Dashboard />, { client: api({ enrollments }) });

  const completed = await screen.findByRole('region', { name: 'Completed courses' });
  expect(within(completed).getByRole('link', { name: 'Certificate: Protecting defenders' })).toHaveAttribute('href', '/certificates/KPW-AAAA-BBBB-CCCC');
  expect(within(completed).getByText('Digital security').closest('li')).toHaveTextContent('Certificate on its way');
  const teaching = screen.getByRole('region', { name: 'Courses you teach' });
  expect(within(teaching).getByRole('link', { name: 'Edit course: Monitoring detention' })).toHaveAttribute('href', '/courses/course-g/edit');
  expect(screen.queryByRole('region', { name: 'Continue where you left off' })).toBeNull();
  expect(screen.queryByText('Business and human rights')).toBeNull();
  // Assignments do not exist yet: nothing is due, and no section says otherwise.
  expect(screen.queryByRole('region', { name: /due/i })).toBeNull();
});

test('someone with no course and no session is shown the empty state, with the way to the catalogue', async () => {
  renderWithApp(<Dashboard />, { client: api({}) });

  await screen.findByRole('heading', { name: 'Start your first course' });
  expect(screen.getByRole('link', { name: 'Browse courses' })).toHaveAttribute('href', '/courses');
  expect(screen.queryByRole('region', { name: 'Next live session' })).toBeNull();
});

test('a session without a course enrolment is not emptiness: the next live session shows, with its join state and a small calendar link', async () => {
  renderWithApp(<Dashboard />, { client: api({ sessions: [session] }) });

  const next = await screen.findByRole('region', { name: 'Next live session' });
  const item = within(next).getByRole('article', { name: 'Welcome call' });
  expect(within(item).getByRole('link', { name: 'Protecting defenders' })).toHaveAttribute('href', '/courses/course-a/sessions');
  // Far ahead: the join button is not there yet, and the reader learns when it will be.
  expect(within(item).queryByRole('link', { name: /^Join/ })).toBeNull();
  expect(item).toHaveTextContent('The join button appears 15 minutes before the start.');
  expect(within(item).getByRole('link', { name: 'Add to calendar: Welcome call' })).toHaveClass('btn-small');
  expect(screen.queryByRole('link', { name: 'Browse courses' })).toBeNull();
});

test('the three newest notifications, unread ones marked, and the way to all of them', async () => {
  const notifications = [notification('n1', 'Session moved', null), notification('n2', 'New week open', '2027-01-04T00:00:00Z'), notification('n3', 'Welcome', '2027-01-03T00:00:00Z')];
  renderWithApp(<Dashboard />, { client: api({ sessions: [session], notifications }) });

  const recent = await screen.findByRole('region', { name: 'Recent notifications' });
  expect(within(recent).getAllByRole('listitem')).toHaveLength(3);
  expect(within(recent).getByRole('link', { name: 'Session moved' }).closest('li')).toHaveTextContent('Unread');
  expect(within(recent).getByRole('link', { name: 'New week open' }).closest('li')).not.toHaveTextContent('Unread');
  expect(within(recent).getByRole('link', { name: 'All notifications' })).toHaveAttribute('href', '/notifications');
});
