import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { CertificateView } from '../features/certificates/components/certificate-view';
import { MyLearningList } from '../features/courses/components/my-learning-list';
import { NextSession } from '../features/live-sessions/components/upcoming-sessions';
import { fakeApi, renderWithApp } from '../test/render';
import CourseEditorPage from './course-editor-page';
import CourseEvaluationPage from './course-evaluation-page';
import CoursePage from './course-page';
import CourseSchedulePage from './course-schedule-page';
import CoursesPage from './courses-page';
import LessonPage from './lesson-page';

// A Thai course, read by someone whose interface is in English.
const TITLE = 'การคุ้มครองนักปกป้องสิทธิมนุษยชน';
const SUMMARY = 'บทบาทของสถาบันสิทธิมนุษยชนแห่งชาติในการคุ้มครองนักปกป้องสิทธิ';
const WEEK = 'สัปดาห์ที่ 1: ใครปกป้องสิทธิ';
const LESSON = 'ทำไมนักปกป้องสิทธิจึงสำคัญ';
const PART = 'ภาคที่ 1: พื้นฐาน';
const TEXT = 'นักปกป้องสิทธิมนุษยชนคือผู้ที่ลงมือส่งเสริมหรือคุ้มครองสิทธิ';
const SESSION = 'การประชุมต้อนรับ';

const card = {
  __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, summary: SUMMARY, kind: 'COURSE', status: 'PUBLISHED',
  language: 'th', timeZone: 'Asia/Bangkok', startsAt: null, endsAt: null, myEnrollment: null,
  color: '#0c5f65', cover: null, durationWeeks: null, estimatedMinutes: 0, enrollmentOpen: true,
};
const course = {
  ...card, lessonCount: 1, myEnrollment: null, myEvaluation: null, liveSessions: [], outcomes: [], audience: null, trainers: [],
  modules: [
    {
      __typename: 'Module', id: 'm1', position: 1, title: WEEK, part: null, opensAt: null, locked: false, lessonCount: 1,
      lessons: [{ __typename: 'Lesson', id: 'l1', position: 1, title: LESSON, estimatedMinutes: 10, completed: false }],
    },
  ],
};
const lesson = {
  __typename: 'Lesson', id: 'l1', position: 1, title: LESSON, bodyHtml: `<p>${TEXT}</p>`,
  estimatedMinutes: 10, completed: false,
  module: { __typename: 'Module', id: 'm1', title: WEEK, course: { __typename: 'Course', id: 'c1', slug: 'defenders-th', language: 'th' } },
};

// The course as its trainer edits it.
const editorCourse = {
  ...card, lessonCount: 1, myEnrollment: { __typename: 'Enrollment', id: 'e2', role: 'TRAINER', status: 'ACTIVE' }, enrollments: [],
  modules: [
    {
      ...course.modules[0], part: PART,
      lessons: [{ __typename: 'Lesson', id: 'l1', position: 1, title: LESSON, estimatedMinutes: 10, body: TEXT }],
    },
  ],
};
// A live session of the course, about to start (its join link shows), and its schedule as the course's trainer sees it.
const startsAt = Date.now() + 5 * 60_000;
const liveSession = {
  __typename: 'LiveSession', id: 's1', title: SESSION, startsAt: new Date(startsAt).toISOString(),
  endsAt: new Date(startsAt + 60 * 60_000).toISOString(), durationMinutes: 60, joinUrl: 'https://meet.example.org/welcome',
  recordingUrl: null, icsPath: '/calendar/sessions/s1.ics', breakoutGroups: [], myAttendance: null, cancelled: false,
  cancelledAt: null, sequence: 0, course: { __typename: 'Course', id: 'c1', language: 'th' },
};
const schedule = {
  __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, language: 'th', status: 'PUBLISHED', timeZone: 'Asia/Bangkok',
  myEnrollment: { __typename: 'Enrollment', id: 'e2', role: 'TRAINER' }, liveSessions: [liveSession],
};

// The course's trainer reads the course as its trainer: every query about it says so, and lists its session.
const asTrainer = {
  ...course,
  liveSessions: [liveSession],
  myEnrollment: { __typename: 'Enrollment', id: 'e2', role: 'TRAINER', status: 'ACTIVE', group: null, progress: 0, completedAt: null, certificate: null },
};

const api = ({ trainer = false } = {}) =>
  fakeApi((operation) => {
    if (operation === 'Courses') return { data: { courses: [card] } };
    if (operation === 'Course') return { data: { course: trainer ? asTrainer : course } };
    if (operation === 'Lesson') return { data: { lesson } };
    if (operation === 'CourseEditor') return { data: { course: editorCourse } };
    if (operation === 'PreviewMarkdown') return { data: { previewMarkdown: `<p>${TEXT}</p>` } };
    if (operation === 'CourseSchedule') return { data: { course: schedule } };
    if (operation === 'EvaluationSummary') {
      return { data: { evaluationSummary: { __typename: 'EvaluationSummary', responses: 0, relevance: null, usefulness: null, comments: [] } } };
    }
    if (operation === 'MyUpcomingSessions') {
      return {
        data: {
          myUpcomingSessions: [
            { ...liveSession, course: { __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, language: 'th', timeZone: 'Asia/Bangkok' } },
          ],
        },
      };
    }
    if (operation === 'VerifyCertificate') {
      return {
        data: {
          verifyCertificate: {
            __typename: 'Certificate', id: 'x1', code: 'K7Q-2M9', issuedAt: '2027-03-05T03:00:00Z', holderName: 'Mya Thandar',
            course: { __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, language: 'th' },
          },
        },
      };
    }
    if (operation === 'MyEnrollments') {
      return {
        data: {
          myEnrollments: [
            {
              __typename: 'Enrollment', id: 'e1', role: 'LEARNER', status: 'ACTIVE', group: null, progress: 0, completedAt: null, certificate: null,
              nextLesson: { __typename: 'Lesson', id: 'l1', title: LESSON, module: { __typename: 'Module', id: 'm1', title: WEEK } },
              course: {
                __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, language: 'th', timeZone: 'Asia/Bangkok', lessonCount: 1,
                modules: [{ __typename: 'Module', id: 'm1', locked: false, opensAt: null }],
              },
            },
          ],
        },
      };
    }
    return { data: {} };
  }).client;

/** The language a screen reader reads this element in: its own `lang` or its nearest ancestor's (<html lang="en">). */
const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');

/** An interface sentence naming the course ("Back to …"): the sentence in English, the title in it in Thai. */
function expectTitleInSentence(element: HTMLElement, title = TITLE) {
  expect(languageOf(element)).toBe('en');
  expect(languageOf(within(element).getByText(title))).toBe('th');
}

test('the catalogue gives a Thai course’s title and summary the course’s language, not the interface’s', async () => {
  renderWithApp(<CoursesPage />, { client: api() });

  const title = await screen.findByRole('link', { name: TITLE });
  expect(languageOf(title)).toBe('th');
  expect(languageOf(screen.getByText(SUMMARY))).toBe('th');
  // The interface around it stays English.
  expect(languageOf(screen.getByRole('heading', { level: 1, name: 'Courses' }))).toBe('en');
  expect(languageOf(within(title.closest('li')!).getByText('Course'))).toBe('en');
});

test('the course page, to a newcomer: title, summary and weeks in Thai, its links and facts in English', async () => {
  renderWithApp(<CoursePage />, { client: api() });

  expect(languageOf(await screen.findByRole('heading', { level: 1, name: TITLE }))).toBe('th');
  expect(languageOf(screen.getByText(SUMMARY))).toBe('th');
  expect(languageOf(screen.getByRole('heading', { name: WEEK }))).toBe('th');
  expect(languageOf(screen.getByText('1 lesson'))).toBe('en');
  expect(languageOf(screen.getByRole('link', { name: 'Log in to enrol' }))).toBe('en');
  // The course's language, named in the reader's.
  expect(languageOf(screen.getByText('Thai'))).toBe('en');
});

test('the lesson reader: the title and the text in Thai, the rest of the page in English', async () => {
  const { container } = renderWithApp(<LessonPage />, { client: api() });

  expect(await screen.findByRole('heading', { level: 1, name: LESSON })).toHaveAttribute('lang', 'th');
  expect(container.querySelector('.prose')).toHaveAttribute('lang', 'th');
  // The week above the title, in the breadcrumbs and in the outline.
  for (const week of screen.getAllByText(WEEK)) expect(languageOf(week)).toBe('th');
  expect(languageOf(screen.getByRole('link', { name: 'Log in to record your progress' }))).toBe('en');
  const breadcrumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
  expect(languageOf(within(breadcrumbs).getByRole('link', { name: TITLE }))).toBe('th');
  expect(languageOf(within(breadcrumbs).getByRole('link', { name: 'Courses' }))).toBe('en');
  const outline = screen.getByRole('navigation', { name: 'Course outline' });
  expect(languageOf(within(within(outline).getByRole('link', { name: LESSON })).getByText(LESSON))).toBe('th');
  const neighbours = screen.getByRole('navigation', { name: 'Previous and next lesson' });
  expect(languageOf(within(neighbours).getByRole('link', { name: 'Back to the course' }))).toBe('en');
});

test('My learning: the course’s title in Thai, on the card and in the hidden part of its links’ names', async () => {
  renderWithApp(<MyLearningList />, { client: api() });

  expect(languageOf(await screen.findByRole('link', { name: TITLE }))).toBe('th');
  const open = screen.getByRole('link', { name: `Continue: ${TITLE}` });
  expect(languageOf(open)).toBe('en');
  expect(languageOf(within(open).getByText(TITLE))).toBe('th');
});

test('the course editor: the course’s words in Thai, the editor’s in English, the lesson preview in Thai', async () => {
  renderWithApp(<CourseEditorPage />, { client: api() });

  expectTitleInSentence(await screen.findByRole('heading', { level: 1, name: `Edit: ${TITLE}` }));
  expectTitleInSentence(screen.getByRole('link', { name: `Back to ${TITLE}` }));
  expect(languageOf(screen.getByRole('heading', { name: PART }))).toBe('th');
  expect(languageOf(screen.getByRole('link', { name: WEEK }))).toBe('th');
  expect(languageOf(screen.getByRole('link', { name: LESSON }))).toBe('th');
  expect(languageOf(screen.getByRole('heading', { level: 2, name: 'Course outline' }))).toBe('en');

  // The lesson's own form, beside the outline, names it in Thai.
  const user = userEvent.setup();
  await user.click(screen.getByRole('link', { name: LESSON }));
  expectTitleInSentence(await screen.findByRole('heading', { level: 2, name: `Edit lesson “${LESSON}”` }), LESSON);

  // The preview shows the text as learners will read it: in the course's language, inside the editor's.
  const [preview] = screen.getAllByRole('tab', { name: 'Preview' });
  await user.click(preview);
  const panel = screen.getByRole('tabpanel', { name: 'Preview' });
  expect(languageOf(await within(panel).findByText(TEXT))).toBe('th');
  expect(languageOf(panel)).toBe('en');
  expect(languageOf(preview)).toBe('en');
});

test('the course schedule: the course’s and the session’s titles in Thai, the buttons and their sentences in English', async () => {
  renderWithApp(<CourseSchedulePage />, { client: api({ trainer: true }) });

  expect(languageOf(await screen.findByRole('heading', { level: 1, name: TITLE }))).toBe('th');
  expect(languageOf(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: TITLE }))).toBe('th');
  expect(languageOf(within(screen.getByRole('navigation', { name: 'Course sections' })).getByRole('link', { name: 'Live sessions' }))).toBe('en');
  const session = screen.getByRole('article', { name: SESSION });
  expectTitleInSentence(within(session).getByRole('heading', { name: SESSION }), SESSION);
  // Every button and link of the session: its words in English, the session it acts on in Thai.
  for (const name of ['Join', 'Add to calendar']) expectTitleInSentence(within(session).getByRole('link', { name: `${name}: ${SESSION}` }), SESSION);
  for (const summary of session.querySelectorAll('summary')) expectTitleInSentence(summary, SESSION);

  const user = userEvent.setup();
  await user.click(within(session).getByText('Reschedule or edit'));
  expectTitleInSentence(within(session).getByRole('heading', { name: `Edit “${SESSION}”` }), SESSION);
  expectTitleInSentence(within(session).getByRole('button', { name: `Save changes: ${SESSION}` }), SESSION);

  await user.click(within(session).getByRole('button', { name: `Cancel session: ${SESSION}` }));
  expectTitleInSentence(within(session).getByRole('group', { name: `Cancel “${SESSION}”? Every member will be told.` }), SESSION);
});

test('the dashboard’s next live session: the session and its course in Thai', async () => {
  const course = { __typename: 'Course', id: 'c1', slug: 'defenders-th', title: TITLE, language: 'th', timeZone: 'Asia/Bangkok' } as const;
  renderWithApp(<NextSession sessions={[{ ...liveSession, course } as never]} />, { client: api() });

  const session = await screen.findByRole('article', { name: SESSION });
  expectTitleInSentence(within(session).getByRole('heading', { name: SESSION }), SESSION);
  expect(languageOf(within(session).getByRole('link', { name: TITLE }))).toBe('th');
  expectTitleInSentence(within(session).getByRole('link', { name: `Join: ${SESSION}` }), SESSION);
  expectTitleInSentence(within(session).getByRole('link', { name: `Add to calendar: ${SESSION}` }), SESSION);
  expect(languageOf(screen.getByRole('heading', { level: 2, name: 'Next live session' }))).toBe('en');
});

test('the evaluation summary names the course in Thai', async () => {
  renderWithApp(<CourseEvaluationPage />, { client: api() });

  expectTitleInSentence(await screen.findByRole('heading', { level: 1, name: `Evaluation: ${TITLE}` }));
  expectTitleInSentence(screen.getByRole('link', { name: `Back to ${TITLE}` }));
});

test('a certificate: the course’s title in Thai, its holder’s name and the certificate’s words in the interface’s language', async () => {
  renderWithApp(<CertificateView code="K7Q-2M9" />, { client: api() });

  expect(languageOf(await screen.findByRole('link', { name: TITLE }))).toBe('th');
  expect(languageOf(screen.getByRole('heading', { level: 1, name: 'Mya Thandar' }))).toBe('en');
  expect(languageOf(screen.getByText('has completed the course'))).toBe('en');
});
