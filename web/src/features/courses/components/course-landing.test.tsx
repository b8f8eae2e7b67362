import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CourseLanding, type LandingCourse } from './course-landing';

const inTenDays = new Date(Date.now() + 10 * 86_400_000);
// 02:30 UTC: 11:30 in Tokyo, 09:00 in Yangon.
inTenDays.setUTCHours(2, 30, 0, 0);
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

const course: LandingCourse = {
  id: 'c1',
  slug: 'defenders-2027',
  title: 'Protecting human rights defenders',
  summary: 'How national human rights institutions protect defenders at risk.',
  kind: 'COURSE',
  status: 'PUBLISHED',
  language: 'en',
  timeZone: 'Asia/Tokyo',
  startsAt: '2027-02-07T15:00:00.000Z',
  endsAt: '2027-03-07T14:59:00.000Z',
  color: '#0c5f65',
  cover: null,
  durationWeeks: 4,
  estimatedMinutes: 240,
  enrollmentOpen: true,
  myEnrollment: null,
  outcomes: ['Explain the UN Declaration on Human Rights Defenders', 'Plan a protection response with partners'],
  audience: 'Staff of national human rights institutions.\nNGO staff who work with them.',
  trainers: [{ id: 'u1', displayName: 'Maria Santos' }],
  modules: [
    { id: 'm2', position: 2, title: 'Week 2: The protection framework', part: 'Part One', opensAt: '2027-02-14T15:00:00.000Z', lessonCount: 3 },
    { id: 'm1', position: 1, title: 'Week 1: Who defends rights', part: 'Part One', opensAt: null, lessonCount: 2 },
    { id: 'm3', position: 3, title: 'Week 3: Working with partners', part: 'Part Two', opensAt: null, lessonCount: 1 },
  ],
  liveSessions: [
    { id: 's1', title: 'Orientation', startsAt: inTenDays.toISOString(), durationMinutes: 60, cancelled: false },
    { id: 's2', title: 'Cancelled clinic', startsAt: inTenDays.toISOString(), durationMinutes: 60, cancelled: true },
    { id: 's3', title: 'Last week’s session', startsAt: yesterday, durationMinutes: 60, cancelled: false },
  ],
};

function renderLanding(given: Partial<LandingCourse> = {}) {
  const { client } = fakeApi(() => ({ data: {} }));
  return renderWithApp(<CourseLanding course={{ ...course, ...given }} />, { client });
}

test('a newcomer reads what the course gives, who it is for and how to join', async () => {
  renderLanding();

  await screen.findByRole('heading', { level: 1, name: course.title });
  expect(screen.getByText('Open for enrolment')).toBeInTheDocument();
  const outcomes = screen.getByRole('region', { name: 'What you will be able to do' });
  expect(within(outcomes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(course.outcomes);
  const audience = screen.getByRole('region', { name: 'Who it is for' });
  expect(audience).toHaveTextContent('Staff of national human rights institutions.');
  // Signed out: the way in keeps its name, and leads back here.
  expect(screen.getByRole('link', { name: 'Log in to enrol' })).toHaveAttribute('href', '/log-in');
  expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
  const facts = Object.fromEntries(screen.getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling!.textContent]));
  expect(Object.keys(facts)).toEqual(['Language', 'Dates', 'Length']);
  expect(facts.Language).toBe('English');
  // The course's calendar dates in Tokyo, whoever reads them.
  expect(facts.Dates).toMatch(/^Feb 8, 2027 – Mar 7, 2027/);
  expect(facts.Length).toBe('4 weeks · about 4 hours');
});

test('the weeks at a glance: grouped by part, in order, with their size and first day in the course’s calendar, no lessons', async () => {
  renderLanding();

  const weeks = await screen.findByRole('region', { name: 'Weeks at a glance' });
  expect(within(weeks).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Part One', 'Part Two']);
  expect(within(weeks).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
    'Week 1: Who defends rights',
    'Week 2: The protection framework',
    'Week 3: Working with partners',
  ]);
  const second = within(weeks).getByRole('heading', { name: 'Week 2: The protection framework' }).closest('li')!;
  // Midnight in Tokyo on Monday 15 February, whatever the reader's zone.
  expect(second).toHaveTextContent('3 lessons · From Mon, Feb 15, 2027');
  expect(within(weeks).queryAllByRole('link')).toHaveLength(0);
});

test('trainers by name with their initials, and live sessions still to come, with the course’s time', async () => {
  renderLanding();

  const trainers = await screen.findByRole('region', { name: 'Trainers' });
  expect(within(trainers).getByRole('listitem')).toHaveTextContent('MSMaria Santos');
  const sessions = screen.getByRole('region', { name: 'Live sessions' });
  expect(within(sessions).getAllByRole('listitem')).toHaveLength(1);
  expect(sessions).toHaveTextContent('Orientation');
  expect(sessions).not.toHaveTextContent('Cancelled clinic');
  expect(sessions).not.toHaveTextContent('Last week’s session');
  expect(within(sessions).getByTestId('session-time')).toHaveTextContent(/11:30 \(?Japan Time/);
});

test('a course that takes no one says so instead of offering to enrol; empty sections are left out', async () => {
  renderLanding({ status: 'ARCHIVED', enrollmentOpen: false, outcomes: [], audience: '  ', trainers: [], liveSessions: [] });

  await screen.findByText('This course is not open for enrolment.');
  expect(screen.queryByRole('link', { name: 'Log in to enrol' })).toBeNull();
  expect(screen.getByText('Closed')).toBeInTheDocument();
  for (const name of ['What you will be able to do', 'Who it is for', 'Trainers', 'Live sessions']) {
    expect(screen.queryByRole('region', { name })).toBeNull();
  }
  expect(screen.getByRole('region', { name: 'Weeks at a glance' })).toBeInTheDocument();
});
