// Arranging a story through the API under test, as a client other than the browser would: factories
// that make tests read like stories (`createAdmin()`, `publishedCourse()`), whatever order they run in.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { repo } from '../lib/local-services.js';

/** One GraphQL call; throws on any error so a broken arrangement fails loudly. */
export async function graphql(query, variables = {}, token) {
  const response = await fetch(`${process.env.KAPWA_API_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

let counter = 0;
/** An address no other story uses. */
export function uniqueEmail(who) {
  return `${who}-${Date.now()}-${++counter}@example.org`;
}

export const PASSWORD = 'a long enough passphrase';

/** A new account through the API: `{ token, user, email, password }`. */
export async function signUp({ displayName, timeZone = 'Asia/Bangkok', email = uniqueEmail('person'), locale = 'en', country }) {
  const { signUp: payload } = await graphql(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id roles } } }`,
    { input: { email, password: PASSWORD, displayName, timeZone, locale, country } },
  );
  return { ...payload, email, password: PASSWORD };
}

/**
 * An admin's token, whatever ran before: the first account of the database is the admin, any later
 * one is made admin directly in the stack's throwaway database (globalSetup exports its URL).
 */
export async function createAdmin({ timeZone = 'Asia/Bangkok' } = {}) {
  return (await createAdminAccount({ timeZone })).token;
}

/** Like createAdmin, but the whole account (`{ token, user, email, password }`), for stories that log in as the admin. */
export async function createAdminAccount({ timeZone = 'Asia/Bangkok', displayName = 'Course admin' } = {}) {
  const account = await signUp({ displayName, timeZone, email: uniqueEmail('admin') });
  if (!account.user.roles.includes('ADMIN')) {
    const db = new pg.Client({ connectionString: process.env.KAPWA_DATABASE_URL });
    await db.connect();
    try {
      await db.query(`UPDATE app_user SET roles = '{ADMIN}' WHERE id = $1`, [account.user.id]);
    } finally {
      await db.end();
    }
  }
  return account;
}

const DEFAULT_LESSONS = [['Why defenders matter', '## Why defenders matter\n\nHuman rights defenders act to protect rights.']];

/**
 * A published course created through the API: `{ id, slug, title, lessonIds }` (lessons in reading
 * order). By default one open week holding `lessons` (`[title, markdown]` pairs); `modules`
 * (`[{ title, part, lessons, opensAt }]`) gives several weeks instead. A module is open at once unless
 * it has an `opensAt` (a UTC instant, ISO 8601) in the future. `details` (kind, startsAt, endsAt,
 * outcomes, audience, color, durationWeeks) are sent as given.
 */
export async function publishedCourse(
  token,
  { title, summary = 'How national human rights institutions protect defenders.', timeZone = 'Asia/Bangkok', language = 'en', lessons = DEFAULT_LESSONS, modules, ...details },
) {
  const slug = `course-${Date.now()}-${++counter}`;
  const { createCourse } = await graphql(
    `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    { input: { slug, title, summary, timeZone, language, ...details } },
    token,
  );
  const lessonIds = [];
  for (const module of modules ?? [{ title: 'Week 1: Who defends rights', part: 'Part One', lessons }]) {
    const { addModule } = await graphql(
      `mutation ($input: AddModuleInput!) { addModule(input: $input) { id } }`,
      { input: { courseId: createCourse.id, title: module.title, part: module.part, opensAt: module.opensAt } },
      token,
    );
    for (const [lessonTitle, body] of module.lessons) {
      const { addLesson } = await graphql(
        `mutation ($input: AddLessonInput!) { addLesson(input: $input) { id } }`,
        { input: { moduleId: addModule.id, title: lessonTitle, body, estimatedMinutes: 10 } },
        token,
      );
      lessonIds.push(addLesson.id);
    }
  }
  await graphql(`mutation ($id: ID!) { publishCourse(courseId: $id) { id status } }`, { id: createCourse.id }, token);
  return { id: createCourse.id, slug, title, lessonIds };
}

/**
 * A published course imported from files, as `pnpm content:import` does (the importer checks them and stores
 * the images its lessons show): `{ id, slug, title, lessonIds }`. `modules`: `[{ title, lessons: [[title,
 * markdown]] }]`; `files`: other files of the course folder by path (such as `images/map.png`), as Buffers.
 */
export async function importedCourse({ title, modules, files = {} }) {
  const slug = `imported-${Date.now()}-${++counter}`;
  const root = mkdtempSync(join(tmpdir(), 'kapwa-content-'));
  const folder = join(root, slug);
  const yaml = [
    `slug: ${slug}`,
    `title: ${JSON.stringify(title)}`,
    'summary: "Imported from files."',
    'kind: COURSE',
    'status: PUBLISHED',
    'language: en',
    'timeZone: Asia/Bangkok',
    'durationWeeks: 4',
    'modules:',
  ];
  let n = 0;
  for (const module of modules) {
    yaml.push(`  - title: ${JSON.stringify(module.title)}`, '    opensAfterWeeks: 0', '    lessons:');
    for (const [lessonTitle, body] of module.lessons) {
      const file = `lessons/${String(++n).padStart(2, '0')}.md`;
      files[file] = body;
      yaml.push(`      - file: ${file}`, `        title: ${JSON.stringify(lessonTitle)}`, '        estimatedMinutes: 10');
    }
  }
  files['course.yaml'] = yaml.join('\n') + '\n';
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  try {
    await new Promise((resolve, reject) => {
      const env = { ...process.env, DATABASE_URL: process.env.KAPWA_DATABASE_URL, NODE_ENV: 'test' };
      execFile(process.execPath, ['api/dist/cli.js', 'content:import', '--dir', root], { cwd: repo, env }, (error, stdout, stderr) =>
        error ? reject(new Error(`content:import failed: ${stderr || stdout}`)) : resolve(),
      );
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const { course } = await graphql(`query ($slug: String!) { course(slug: $slug) { id modules { lessons { id } } } }`, { slug });
  return { id: course.id, slug, title, lessonIds: course.modules.flatMap((m) => m.lessons.map((l) => l.id)) };
}

/** Closes a published course to new learners. */
export async function archiveCourse(token, courseId) {
  await graphql(`mutation ($id: ID!) { archiveCourse(courseId: $id) { id } }`, { id: courseId }, token);
}

export async function enrol(token, courseId) {
  await graphql(`mutation ($courseId: ID!) { enroll(courseId: $courseId) { id } }`, { courseId }, token);
}

/** What the public verification answers for a certificate code. */
export async function certificateByCode(code) {
  const { verifyCertificate } = await graphql(`query ($code: String!) { verifyCertificate(code: $code) { code issuedAt } }`, { code });
  return verifyCertificate;
}

export async function completeLesson(token, lessonId) {
  await graphql(`mutation ($lessonId: ID!) { completeLesson(lessonId: $lessonId) { id } }`, { lessonId }, token);
}

/** Waits until `check()` returns something truthy, and returns it; `what` names it if it never comes. */
export async function eventually(check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`${what} never came: is the worker running? see artifacts/worker.log`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The worker delivers notifications: waits for the person's first unread one rather than for the bell's minute-long poll. */
export function unreadNotification(token) {
  return eventually(async () => {
    const { notifications } = await graphql(`{ notifications(first: 5) { unreadCount } }`, {}, token);
    return notifications.unreadCount > 0;
  }, 'a notification');
}

/** A live session of the course; `startsAt` is a UTC instant (ISO 8601). Returns its id. */
export async function scheduleSession(token, { courseId, title, startsAt, durationMinutes = 60, joinUrl = 'https://meet.example.org/kapwa' }) {
  const { scheduleLiveSession } = await graphql(
    `mutation ($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`,
    { input: { courseId, title, startsAt, durationMinutes, joinUrl } },
    token,
  );
  return scheduleLiveSession.id;
}

/** Adds a person to a course as the admin or trainer whose token this is; `group` is their enrolment group. */
export async function addCourseMember(token, { courseId, userId, role = 'LEARNER', group }) {
  await graphql(
    `mutation ($courseId: ID!, $userId: ID!, $role: EnrollmentRole!, $group: String) { addCourseMember(courseId: $courseId, userId: $userId, role: $role, group: $group) { id } }`,
    { courseId, userId, role, group },
    token,
  );
}

/** The ids of a course's weeks, in order, as its admin or trainer sees them. */
export async function courseModuleIds(token, slug) {
  const { course } = await graphql(`query ($slug: String!) { course(slug: $slug) { modules { id position } } }`, { slug }, token);
  return [...course.modules].sort((a, b) => a.position - b.position).map((module) => module.id);
}

/**
 * An assignment created through the API by a trainer of the course (or an admin): `{ id, rubric }` with
 * the rubric's criteria (`{ id, title, maxPoints }`) in order. `rubric` is `[title, maxPoints]` pairs.
 */
export async function createAssignment(
  token,
  { courseId, moduleId, title, instructions = 'Write **one page**.', dueAt, rubric = [['Analysis', 6], ['Clarity', 4]], groupWork = false, shareWithCohort = false },
) {
  const { createAssignment: assignment } = await graphql(
    `mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id rubric { id title maxPoints } } }`,
    {
      input: {
        courseId,
        moduleId,
        title,
        instructions,
        dueAt,
        rubric: rubric.map(([criterion, maxPoints]) => ({ title: criterion, maxPoints })),
        groupWork,
        shareWithCohort,
      },
    },
    token,
  );
  return assignment;
}

/** The learner's (or their group's) submission as the API has it: `{ id, body, status, version }` or null. */
export async function mySubmission(token, assignmentId) {
  const { assignment } = await graphql(
    `query ($id: ID!) { assignment(id: $id) { mySubmission { id body status version } } }`,
    { id: assignmentId },
    token,
  );
  return assignment.mySubmission;
}

/** Hands work in as a learner through the API; returns the submission's id. */
export async function submitWork(token, assignmentId, body) {
  const { submitAssignment } = await graphql(
    `mutation ($id: ID!, $body: String!) { submitAssignment(assignmentId: $id, body: $body) { id } }`,
    { id: assignmentId, body },
    token,
  );
  return submitAssignment.id;
}

/** A course's assignments, `{ id, title }`, as its member `token` sees them. */
export async function assignmentsOf(token, slug) {
  const { course } = await graphql(`query ($slug: String!) { course(slug: $slug) { assignments { id title } } }`, { slug }, token);
  return course.assignments;
}

/** Grades a submission as a trainer and releases the grade: `scores` are `[criterionId, points, comment]`. */
export async function gradeAndRelease(token, { submissionId, scores, feedback }) {
  await graphql(
    `mutation ($input: GradeSubmissionInput!) { gradeSubmission(input: $input) { id } }`,
    { input: { submissionId, feedback, release: true, criterionScores: scores.map(([criterionId, points, comment]) => ({ criterionId, points, comment })) } },
    token,
  );
}

/** An organization made by an admin: `{ id, name }`. */
export async function createOrganization(adminToken, { name, country, kind }) {
  const { createOrganization: organization } = await graphql(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`,
    { input: { name, country, kind } },
    adminToken,
  );
  return organization;
}

/** Puts a person in an organization (admins only). */
export async function joinOrganization(adminToken, { userId, organizationId }) {
  await graphql(`mutation ($userId: ID!, $organizationId: ID) { setUserOrganization(userId: $userId, organizationId: $organizationId) { id } }`, { userId, organizationId }, adminToken);
}

/** Gives a person roles (admins only), e.g. `['REVIEWER']`. */
export async function setRoles(adminToken, { userId, roles }) {
  await graphql(`mutation ($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id } }`, { userId, roles }, adminToken);
}

/** A grant call's status as the API computes it now (OPEN closes by itself at closesAt). */
export async function grantCallStatus(token, callId) {
  return (await graphql(`query ($id: ID!) { grantCall(id: $id) { status closesAt } }`, { id: callId }, token)).grantCall;
}

/** Asks the API to assign a reviewer; returns the GraphQL errors (none when it was accepted). */
export async function tryAssignReviewer(adminToken, { applicationId, reviewerId }) {
  const response = await fetch(`${process.env.KAPWA_API_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      query: `mutation ($applicationId: ID!, $reviewerId: ID!) { assignReviewer(applicationId: $applicationId, reviewerId: $reviewerId) { id } }`,
      variables: { applicationId, reviewerId },
    }),
  });
  return (await response.json()).errors ?? [];
}
