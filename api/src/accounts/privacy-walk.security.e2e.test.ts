import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '@kapwa/shared';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';
import { buildCourse, type CourseOutline, enroll, grantRoles, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../platform/testing/test-app.js';

/**
 * The name policy holds on every road to a person. The walk reads the running API's schema, finds
 * every path from a query or mutation to a `User`, and asks each one as each kind of viewer; whatever
 * people come back must show only what the policy allows that viewer to see of them.
 */

const MAX_DEPTH = 7;
const DAY = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
/** Refusals a viewer may meet on a road; anything else means the walk asked wrongly and proves nothing. */
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT']);

let api: TestApi;
let nextAddress = 1;
let schema: GraphQLSchema;

interface World {
  admin: Person;
  trainer: Person;
  ana: Person;
  ben: Person;
  otherTrainer: Person;
  outsider: Person;
  course: CourseOutline;
  spareCourse: CourseOutline;
  otherCourse: CourseOutline;
  sessionId: string;
  spareSessionId: string;
  certificateCode: string;
  organization: { id: string };
  work: {
    /** Shared with the cohort: Ana's submission graded and released, Ben's waiting in the queue. */
    assignmentId: string;
    criterionIds: string[];
    anaSubmissionId: string;
    /** Drafts and hand-ins the walk writes. */
    draftAssignmentId: string;
    submitAssignmentId: string;
    /** Ben's hand-in the walk returns for revision. */
    returnSubmissionId: string;
  };
  community: {
    /** The course's space: Ana's thread with Ben's reply (which Ben reported), and an open THEME space with Ana's thread. */
    courseSpaceId: string;
    courseSpaceSlug: string;
    threadId: string;
    anaPostId: string;
    themeSpaceId: string;
    /** A NETWORK space with Ana's thread, which every other viewer is invited into. */
    networkSpaceId: string;
  };
  /** A link the course's trainer added to the library (Ana's suggestions are made for each review). */
  resourceId: string;
}
let w: World;

/** The members of the courses the viewer trains, now: enrolling on the walk's roads adds some. */
async function trainedBy(viewer: Person | null): Promise<Set<string>> {
  if (!viewer) return new Set();
  const rows = await api.sql<{ user_id: string }>(
    `SELECT member.user_id FROM enrollment member JOIN enrollment t ON t.course_id = member.course_id AND t.role = 'TRAINER' AND t.user_id = $1`,
    [viewer.id],
  );
  return new Set(rows.map((r) => r.user_id));
}

/** Whether the person is listed to signed-in members in the directory now (directory/directory.policy.ts). */
async function listed(personId: string): Promise<boolean> {
  const rows = await api.sql(
    `SELECT 1 FROM directory_profile p JOIN app_user u ON u.id = p.user_id WHERE p.user_id = $1 AND p.visibility = 'MEMBERS' AND u.suspended_at IS NULL AND u.deleted_at IS NULL`,
    [personId],
  );
  return rows.length > 0;
}

/** The true values of each person, as they themselves see them. */
const truth = new Map<string, Record<string, unknown>>();

/** Root fields and the arguments the walk asks them with, for a viewer; null: not asked, with the reason beside. */
type Recipe = ((viewer: Person | null) => Record<string, unknown> | Promise<Record<string, unknown>>) | { notAsked: string };
const own = (viewer: Person | null) => (viewer === w.otherTrainer ? w.otherCourse : w.course);
/** Grants show applicants blind to reviewers: their own walk, with grant viewers, checks every road of theirs to a person. */
const GRANTS_WALK = { notAsked: 'walked by api/src/grants/grants-privacy.security.e2e.test.ts with applicants, reviewers and admins' };
const RECIPES: Record<string, Recipe> = {
  'Query.me': () => ({}),
  'Query.users': () => ({}),
  'Query.courses': () => ({}),
  'Query.course': () => ({ slug: w.course.slug }),
  'Query.lesson': () => ({ id: w.course.modules[0].lessons[0] }),
  'Query.verifyCertificate': () => ({ code: w.certificateCode }),
  'Query.myEnrollments': () => ({}),
  'Query.myUpcomingSessions': () => ({}),
  'Query.auditLog': () => ({}),
  'Query.organizationMembers': () => ({ organizationId: w.organization.id }),
  'Mutation.signUp': { notAsked: 'answers with the account it creates, whose owner is then the viewer' },
  'Mutation.logIn': { notAsked: 'answers with the account that logs in, whose owner is then the viewer' },
  'Mutation.resetPassword': { notAsked: 'answers with the account whose emailed token was used, as its owner' },
  'Mutation.updateMe': () => ({ input: {} }),
  'Mutation.setUserRoles': () => ({ userId: w.ana.id, roles: ['REVIEWER'] }),
  'Mutation.setUserOrganization': () => ({ userId: w.ana.id, organizationId: w.organization.id }),
  'Mutation.suspendUser': { notAsked: 'ends the person’s sessions, which the walk goes on using; admins only (admin-operations.security test)' },
  'Mutation.restoreUser': () => ({ userId: w.ana.id }),
  'Mutation.addCourseMember': (v) => ({ courseId: own(v).id, userId: w.ana.id, role: 'LEARNER', group: 'Nepal' }),
  'Mutation.acceptCourseInvitation': () => invitationToCourse(),
  'Mutation.enroll': () => ({ courseId: w.course.id }),
  'Mutation.completeLesson': () => ({ lessonId: w.course.modules[0].lessons[0] }),
  'Mutation.recordAttendance': () => ({ sessionId: w.sessionId, userId: w.ana.id, status: 'PRESENT' }),
  'Mutation.scheduleLiveSession': (v) => ({ input: { courseId: own(v).id, title: 'Walk session', startsAt: inDays(20), durationMinutes: 60 } }),
  'Mutation.updateLiveSession': () => ({ sessionId: w.sessionId, input: { title: 'Orientation' } }),
  'Mutation.cancelLiveSession': () => ({ sessionId: w.spareSessionId }),
  'Mutation.createCourse': () => ({
    input: { slug: `walk-${randomBytes(4).toString('hex')}`, title: 'Walk course', summary: 'A course.', timeZone: 'Asia/Bangkok' },
  }),
  'Mutation.updateCourse': (v) => ({ courseId: own(v).id, input: { audience: 'Staff of national human rights institutions.' } }),
  'Mutation.publishCourse': () => ({ courseId: w.course.id }),
  'Mutation.archiveCourse': () => ({ courseId: w.spareCourse.id }),
  'Mutation.addModule': (v) => ({ input: { courseId: own(v).id, title: 'Walk module' } }),
  'Mutation.updateModule': () => ({ moduleId: w.course.modules[0].id, input: {} }),
  'Mutation.moveModule': () => ({ moduleId: w.course.modules[0].id, position: 1 }),
  'Mutation.deleteModule': () => spareModule(),
  'Mutation.addLesson': () => ({ input: { moduleId: w.course.modules[0].id, title: 'Walk lesson', body: 'Text.' } }),
  'Mutation.updateLesson': () => ({ lessonId: w.course.modules[0].lessons[0], input: {} }),
  'Mutation.moveLesson': () => ({ input: { lessonId: w.course.modules[0].lessons[0], position: 1 } }),
  'Mutation.deleteLesson': () => spareLesson(),
  'Query.assignment': () => ({ id: w.work.assignmentId }),
  'Query.gradingQueue': (v) => ({ courseId: own(v).id }),
  'Query.gradebook': (v) => ({ courseId: own(v).id }),
  'Query.submissionToGrade': () => ({ id: w.work.anaSubmissionId }),
  'Mutation.createAssignment': (v) => ({ input: { courseId: own(v).id, title: 'Walk work', instructions: 'Write.', rubric: [{ title: 'All', maxPoints: 5 }] } }),
  'Mutation.updateAssignment': () => ({ input: { id: w.work.assignmentId } }),
  'Mutation.saveSubmissionDraft': () => ({ assignmentId: w.work.draftAssignmentId, body: 'Walk draft' }),
  'Mutation.submitAssignment': () => ({ assignmentId: w.work.submitAssignmentId, body: 'Walk hand-in' }),
  'Mutation.gradeSubmission': () => ({
    input: { submissionId: w.work.anaSubmissionId, criterionScores: w.work.criterionIds.map((criterionId) => ({ criterionId, points: 1 })), feedback: 'Walk.' },
  }),
  'Mutation.returnSubmission': () => ({ submissionId: w.work.returnSubmissionId }),
  'Query.grantCalls': GRANTS_WALK,
  'Query.grantCall': GRANTS_WALK,
  'Query.grantApplication': GRANTS_WALK,
  'Query.myReviewQueue': GRANTS_WALK,
  'Query.myGrantApplications': GRANTS_WALK,
  'Query.reviewerCandidates': GRANTS_WALK,
  'Mutation.createGrantCall': GRANTS_WALK,
  'Mutation.updateGrantCall': GRANTS_WALK,
  'Mutation.openGrantCall': GRANTS_WALK,
  'Mutation.saveGrantApplication': GRANTS_WALK,
  'Mutation.submitGrantApplication': GRANTS_WALK,
  'Mutation.assignReviewer': GRANTS_WALK,
  'Mutation.unassignReviewer': GRANTS_WALK,
  'Mutation.submitReview': GRANTS_WALK,
  'Mutation.decideApplication': GRANTS_WALK,
  'Query.spaces': () => ({}),
  'Query.space': () => ({ slug: w.community.courseSpaceSlug }),
  'Query.thread': () => ({ id: w.community.threadId }),
  'Query.searchPosts': () => ({ query: 'walk' }),
  'Query.mentionCandidates': () => ({ spaceId: w.community.courseSpaceId, search: 'a' }),
  'Query.moderationQueue': () => ({}),
  'Mutation.createSpace': { notAsked: 'a new space has no threads yet, so no road from it reaches a person; admins only (community tests)' },
  'Mutation.addSpaceMember': () => ({ spaceId: w.community.themeSpaceId, userId: w.ben.id }),
  'Mutation.joinSpace': () => ({ spaceId: w.community.themeSpaceId }),
  'Mutation.startThread': () => ({ spaceId: w.community.courseSpaceId, title: 'Walk thread', body: 'Walk.' }),
  'Mutation.reply': () => ({ threadId: w.community.threadId, body: 'Walk reply.' }),
  'Mutation.editPost': () => ({ postId: w.community.anaPostId, body: 'Walk edit.' }),
  'Mutation.hidePost': () => ({ postId: w.community.anaPostId, hidden: false }),
  'Mutation.lockThread': () => ({ threadId: w.community.threadId, locked: false }),
  'Mutation.markThreadRead': () => ({ threadId: w.community.threadId }),
  'Query.resources': () => ({}),
  'Query.resourceSuggestions': () => ({}),
  'Mutation.addResource': () => ({ input: walkResource() }),
  'Mutation.suggestResource': () => ({ input: walkResource() }),
  'Mutation.reviewResourceSuggestion': () => resourceSuggestion(),
  'Mutation.updateResource': () => ({ id: w.resourceId, input: {} }),
  // The directory: Ana lists herself to members and is her organization's focal point; Ben keeps his profile HIDDEN.
  'Query.directory': () => ({}),
  'Query.myProfile': () => ({}),
  'Query.organization': () => ({ id: w.organization.id }),
  'Query.organizations': () => ({}),
  'Mutation.updateMyProfile': () => ({ input: { bio: 'Walk bio.' } }),
  'Mutation.setFocalPoint': () => ({ userId: w.ana.id, isFocalPoint: true }),
  'Mutation.createOrganization': { notAsked: 'a new organization has no focal points yet, so no road from it reaches a person; admins only (organizations tests)' },
  'Mutation.updateOrganization': () => ({ id: w.organization.id, input: { name: 'Walk NHRI' } }),
  // Invitations into spaces: each viewer gets one into a NETWORK space where Ana talks (never accepted) and
  // one into the THEME space (accepted by the mutation's road).
  'Query.mySpaceInvitations': async (viewer) => (await inviteInto(viewer, w.community.networkSpaceId), {}),
  'Mutation.acceptSpaceInvitations': async (viewer) => ({ ids: [await inviteInto(viewer, w.community.themeSpaceId)] }),
  'Mutation.setCourseNetworkSpaces': (viewer) => ({ courseId: own(viewer).id, spaceIds: [w.community.networkSpaceId] }),
};

const walkResource = () => ({ title: 'Walk resource', description: 'For the walk.', url: 'https://example.org/walk', language: 'en', tags: ['walk'] });
/** A fresh suggestion by Ana for each ask: a review uses one up. */
async function resourceSuggestion(): Promise<{ id: string; approve: boolean }> {
  const [{ id }] = await api.sql<{ id: string }>(
    `INSERT INTO resource (title, description, description_html, kind, url, language, status, added_by) VALUES ('Walk suggestion', '', '', 'LINK', 'https://example.org/s', 'en', 'SUGGESTED', $1) RETURNING id`,
    [w.ana.id],
  );
  return { id, approve: true };
}

/** An invitation of the viewer into a space (a visitor gets an id that names nothing). */
async function inviteInto(viewer: Person | null, spaceId: string): Promise<string> {
  if (!viewer) return '00000000-0000-4000-8000-000000000000';
  const [row] = await api.sql<{ id: string }>(
    `INSERT INTO space_invitation (user_id, space_id) VALUES ($1, $2) ON CONFLICT (user_id, space_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING id`,
    [viewer.id, spaceId],
  );
  return row.id;
}

/** Conversations in the course's space and an open one, for the walk's roads to people through the community. */
async function setCommunity(admin: Person, ana: Person, ben: Person, course: CourseOutline): Promise<World['community']> {
  const as = async (who: Person, query: string, variables: Record<string, unknown>) => {
    const res = await api.gql(query, variables, who.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const [space] = await api.sql<{ id: string; slug: string }>(`SELECT id, slug FROM space WHERE course_id = $1`, [course.id]);
  const start = `mutation($s: ID!) { startThread(spaceId: $s, title: "Walk talk", body: "A walk post.") { id posts { nodes { id } } } }`;
  const thread = (await as(ana, start, { s: space.id })).startThread;
  const reply = (await as(ben, `mutation($t: ID!) { reply(threadId: $t, body: "A walk reply.") { id } }`, { t: thread.id })).reply;
  await as(ana, `mutation($p: ID!) { reportPost(postId: $p, reason: "Walk report") }`, { p: reply.id });
  const theme = (await as(admin, `mutation { createSpace(input: { slug: "walk-theme", title: "Walk theme", description: "", kind: THEME }) { id } }`, {})).createSpace;
  await as(ana, `mutation($s: ID!) { joinSpace(spaceId: $s) { id } }`, { s: theme.id });
  await as(ana, `mutation($s: ID!) { startThread(spaceId: $s, title: "Walk open talk", body: "Open walk post.") { id } }`, { s: theme.id });
  const network = (await as(admin, `mutation { createSpace(input: { slug: "walk-network", title: "Walk network", description: "", kind: NETWORK }) { id } }`, {})).createSpace;
  await as(ana, `mutation($s: ID!) { joinSpace(spaceId: $s) { id } }`, { s: network.id });
  await as(ana, `mutation($s: ID!) { startThread(spaceId: $s, title: "Walk alumni talk", body: "Alumni walk post.") { id } }`, { s: network.id });
  return {
    courseSpaceId: space.id,
    courseSpaceSlug: space.slug,
    threadId: thread.id,
    anaPostId: thread.posts.nodes[0].id,
    themeSpaceId: theme.id,
    networkSpaceId: network.id,
  };
}
/** Work in the course: assignments, submissions and a released grade, for the walk's roads to people through them. */
async function setWork(trainer: Person, ana: Person, ben: Person, course: CourseOutline): Promise<World['work']> {
  const as = async (who: Person, query: string, variables: Record<string, unknown>) => {
    const res = await api.gql(query, variables, who.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const create = async (shareWithCohort: boolean) =>
    (
      await as(trainer, `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id rubric { id } } }`, {
        input: { courseId: course.id, title: 'Walk assignment', instructions: 'Write.', rubric: [{ title: 'All', maxPoints: 5 }], shareWithCohort },
      })
    ).createAssignment as { id: string; rubric: { id: string }[] };
  const submit = async (who: Person, assignmentId: string) =>
    (await as(who, `mutation($a: ID!) { submitAssignment(assignmentId: $a, body: "Mine.") { id } }`, { a: assignmentId })).submitAssignment.id as string;
  const shared = await create(true);
  const anaSubmissionId = await submit(ana, shared.id);
  await submit(ben, shared.id);
  const criterionIds = shared.rubric.map((c) => c.id);
  await as(trainer, `mutation($input: GradeSubmissionInput!) { gradeSubmission(input: $input) { id } }`, {
    input: { submissionId: anaSubmissionId, criterionScores: criterionIds.map((criterionId) => ({ criterionId, points: 4 })), feedback: 'Good.', release: true },
  });
  const returned = await create(false);
  return {
    assignmentId: shared.id,
    criterionIds,
    anaSubmissionId,
    draftAssignmentId: (await create(false)).id,
    submitAssignmentId: (await create(false)).id,
    returnSubmissionId: await submit(ben, returned.id),
  };
}
/**
 * A fresh module or lesson of the spare course for each ask: a deletion uses one up, and the course's
 * fields (its assignments, its trainers) lead to people on any road the first deletion takes.
 */
async function spareModule(): Promise<{ moduleId: string }> {
  const [{ id }] = await api.sql<{ id: string }>(
    `INSERT INTO course_module (course_id, position, title) SELECT $1, coalesce(max(position), 0) + 1, 'Spare week' FROM course_module WHERE course_id = $1 RETURNING id`,
    [w.spareCourse.id],
  );
  return { moduleId: id };
}
async function spareLesson(): Promise<{ lessonId: string }> {
  const { moduleId } = await spareModule();
  const [{ id }] = await api.sql<{ id: string }>(
    `INSERT INTO lesson (module_id, position, title, body, body_html) VALUES ($1, 1, 'Spare lesson', 'Text.', '<p>Text.</p>') RETURNING id`,
    [moduleId],
  );
  return { lessonId: id };
}
/** A fresh invitation to the course, as its email would carry it: each road uses one up. */
async function invitationToCourse(): Promise<{ token: string }> {
  const token = randomBytes(32).toString('base64url');
  await api.sql(
    `INSERT INTO course_invitation (course_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'LEARNER', $3, now() + interval '1 day')`,
    [w.course.id, `walk-${randomBytes(4).toString('hex')}@example.org`, createHash('sha256').update(token).digest('hex')],
  );
  return { token };
}

/** Every field path from `type` to a `User`, visiting no type twice on one path. */
function pathsToUser(typeName: string, seen: string[], depth: number): string[][] {
  if (typeName === 'User') return [[]];
  const type = schema.getType(typeName);
  if (!isObjectType(type) || depth >= MAX_DEPTH || seen.includes(typeName)) return [];
  const paths: string[][] = [];
  for (const field of Object.values(type.getFields())) {
    for (const rest of pathsToUser(getNamedType(field.type).name, [...seen, typeName], depth + 1)) paths.push([field.name, ...rest]);
  }
  return paths;
}

const rootType = (kind: 'query' | 'mutation'): GraphQLObjectType => (kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!);

const USER_SELECTION = `{ id displayName email country timeZone locale roles organization { id } emailVerified lastSignInAt suspendedAt twoFactorEnabled twoFactorRequired }`;

function operation(kind: 'query' | 'mutation', root: string, path: string[]): string {
  const rootField = rootType(kind).getFields()[root];
  const variables = rootField.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = rootField.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = path.reduceRight((inner, field) => `{ ${field} ${inner} }`, USER_SELECTION);
  return `${kind}${variables ? ` (${variables})` : ''} { ${root}${args ? `(${args})` : ''} ${selection} }`;
}

/** Every `User` object in a response: those are the objects whose selection is the user selection. */
function usersIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => usersIn(v, found));
  else if (value && typeof value === 'object') {
    if ('displayName' in value && 'roles' in value) found.push(value as Record<string, unknown>);
    else Object.values(value).forEach((v) => usersIn(v, found));
  }
  return found;
}

/** What the policy says `viewer` sees of `person`. */
async function expected(viewer: Person | null, personId: string): Promise<Record<string, unknown>> {
  const real = truth.get(personId)!;
  const everything = viewer && (viewer.id === personId || viewer === w.admin);
  // Their trainers, and signed-in members when the person lists themselves in the directory, see where they come from.
  const trains = (await trainedBy(viewer)).has(personId) || (!!viewer && (await listed(personId)));
  return {
    id: personId,
    displayName: real.displayName,
    email: everything ? real.email : null,
    country: everything || trains ? real.country : null,
    organization: everything || trains ? real.organization : null,
    timeZone: everything ? real.timeZone : DEFAULT_TIME_ZONE,
    locale: everything ? real.locale : DEFAULT_LOCALE,
    roles: everything ? real.roles : [],
    emailVerified: everything ? real.emailVerified : null,
    lastSignInAt: everything ? real.lastSignInAt : null,
    suspendedAt: everything ? real.suspendedAt : null,
    twoFactorEnabled: everything ? real.twoFactorEnabled : null,
    twoFactorRequired: everything ? real.twoFactorRequired : null,
  };
}

async function ask(query: string, variables: Record<string, unknown>, viewer: Person | null): Promise<GraphQLResponse> {
  // Each request from its own address: the walk asks more than a person would, and no rate limit is under test.
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`,
      ...(viewer ? { authorization: `Bearer ${viewer.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

beforeAll(async () => {
  api = await startTestApi({ TRUST_PROXY: 'loopback' });
  // The schema the running API serves (introspection by request is held to the operation limits).
  schema = api.app.get(GraphQLSchemaHost).schema;

  const admin = await signUpAdmin(api);
  const organization = (
    await api.gql(`mutation { createOrganization(input: { name: "Walk NHRI", country: "NP", kind: NHRI }) { id } }`, {}, admin.token)
  ).data!.createOrganization;
  const trainer = await signUpTrainer(api, admin);
  const otherTrainer = await signUpTrainer(api, admin);
  const ana = await signUp(api, { displayName: 'Ana', country: 'NP', timeZone: 'Asia/Kathmandu', locale: 'th', organizationId: organization.id });
  await grantRoles(api, admin, ana, ['REVIEWER']);
  const ben = await signUp(api, { displayName: 'Ben', country: 'MM', timeZone: 'Asia/Yangon', locale: 'th' });
  const outsider = await signUp(api, { displayName: 'Olga', country: 'TH', timeZone: 'Asia/Bangkok', locale: 'th' });
  const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
  const spareCourse = await buildCourse(api, trainer, { lessonsPerModule: [2, 1] });
  const otherCourse = await buildCourse(api, otherTrainer, { lessonsPerModule: [1] });
  await enroll(api, ana, course.id);
  await enroll(api, ben, course.id);
  const schedule = `mutation($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { id } }`;
  const session = async () =>
    (await api.gql(schedule, { input: { courseId: course.id, title: 'Orientation', startsAt: inDays(10), durationMinutes: 60 } }, trainer.token))
      .data!.scheduleLiveSession.id as string;
  const sessionId = await session();
  const spareSessionId = await session();
  await api.gql(`mutation($s: ID!, $u: ID!) { recordAttendance(sessionId: $s, userId: $u, status: PRESENT) { id } }`, { s: sessionId, u: ana.id }, trainer.token);
  const certificateCode = 'KPW-WAKE-0000-0001';
  await api.sql(
    `INSERT INTO certificate (enrollment_id, course_id, code, issued_at, holder_name)
     SELECT id, course_id, $2, now(), 'Ana' FROM enrollment WHERE user_id = $1`,
    [ana.id, certificateCode],
  );
  const work = await setWork(trainer, ana, ben, course);
  // Older than a week, so the walk's many posts meet the ordinary allowance, not new accounts' tighter one.
  await api.sql(`UPDATE app_user SET created_at = created_at - interval '30 days'`);
  const community = await setCommunity(admin, ana, ben, course);
  const resource = await api.gql(`mutation($input: AddResourceInput!) { addResource(input: $input) { id } }`, { input: walkResource() }, trainer.token);
  w = { admin, trainer, ana, ben, otherTrainer, outsider, course, spareCourse, otherCourse, sessionId, spareSessionId, certificateCode, organization, work, community, resourceId: resource.data!.addResource.id };
  await resourceSuggestion();
  const profile = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { visibility } }`;
  for (const [who, visibility] of [[ana, 'MEMBERS'], [ben, 'HIDDEN']] as const) {
    expect((await api.gql(profile, { input: { visibility, expertise: ['walking'] } }, who.token)).errors).toBeUndefined();
  }
  expect((await api.gql(`mutation($u: ID!) { setFocalPoint(userId: $u, isFocalPoint: true) { isFocalPoint } }`, { u: ana.id }, admin.token)).errors).toBeUndefined();

  for (const person of [admin, trainer, otherTrainer, ana, ben, outsider]) {
    const me = (await api.gql(`{ me ${USER_SELECTION} }`, {}, person.token)).data!.me;
    truth.set(person.id, me);
  }
  expect(truth.get(ana.id)).toMatchObject({ country: 'NP', timeZone: 'Asia/Kathmandu', locale: 'th', roles: ['REVIEWER'], organization: { id: organization.id } });
});

afterAll(async () => {
  await api.close();
});

describe('the name policy on every road to a person', () => {
  it('knows every field of User: a new one must be decided in the policy and the walk first', () => {
    const fields = Object.keys((schema.getType('User') as GraphQLObjectType).getFields()).sort();
    expect(fields).toEqual([
      'country',
      'displayName',
      'email',
      'emailVerified',
      'id',
      'lastSignInAt',
      'locale',
      'organization',
      'roles',
      'suspendedAt',
      'timeZone',
      'twoFactorEnabled',
      'twoFactorRequired',
    ]);
  });

  it('shows each viewer only what the policy allows, on every path from a query or mutation', async () => {
    const viewers: [string, Person | null][] = [
      ['a visitor', null],
      ['an outsider', w.outsider],
      ['a learner of the same course', w.ben],
      ['a trainer of another course', w.otherTrainer],
      ["the course's trainer", w.trainer],
      ['the person', w.ana],
      ['an admin', w.admin],
    ];
    const roads: { kind: 'query' | 'mutation'; root: string; path: string[] }[] = [];
    for (const kind of ['query', 'mutation'] as const) {
      for (const field of Object.values(rootType(kind).getFields())) {
        for (const path of pathsToUser(getNamedType(field.type).name, [], 1)) roads.push({ kind, root: field.name, path });
      }
    }
    const roots = [...new Set(roads.map((r) => `${r.kind === 'query' ? 'Query' : 'Mutation'}.${r.root}`))];
    // A new road to people must be walked: give it a recipe (or say why it is not asked).
    expect(roots.filter((root) => !(root in RECIPES))).toEqual([]);

    const leaks: string[] = [];
    const wrongAsks: string[] = [];
    const reached = new Set<string>();
    const reachedRoads = new Set<string>();
    const sawAna = new Map<string, Record<string, unknown>>();
    for (const road of roads) {
      const root = `${road.kind === 'query' ? 'Query' : 'Mutation'}.${road.root}`;
      const recipe = RECIPES[root];
      if (typeof recipe !== 'function') continue;
      const query = operation(road.kind, road.root, road.path);
      // Queries change nothing, so the viewers ask at once; mutations one after another, in order.
      const answers: Awaited<ReturnType<typeof ask>>[] = [];
      if (road.kind === 'query') answers.push(...(await Promise.all(viewers.map(async ([, viewer]) => ask(query, await recipe(viewer), viewer)))));
      else for (const [, viewer] of viewers) answers.push(await ask(query, await recipe(viewer), viewer));
      for (const [index, [who, viewer]] of viewers.entries()) {
        const res = answers[index];
        for (const error of res.errors ?? []) {
          // A road costlier than the operation limits allow is closed to every viewer alike.
          const tooCostly = error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /asks for too much/.test(error.message);
          if (!REFUSALS.has(error.extensions?.code) && !tooCostly) wrongAsks.push(`${root}.${road.path.join('.')} as ${who}: ${error.extensions?.code} ${error.message}`);
        }
        for (const user of usersIn(res.data)) {
          reached.add(root);
          reachedRoads.add(`${root}.${road.path.join('.')}`);
          const want = await expected(viewer, user.id as string);
          if (JSON.stringify(user) !== JSON.stringify({ ...user, ...want }) || !truth.has(user.id as string)) {
            leaks.push(`${root}.${road.path.join('.')} as ${who} showed ${JSON.stringify(user)}, allowed ${JSON.stringify(want)}`);
          }
          if (user.id === w.ana.id && !sawAna.has(who)) sawAna.set(who, user);
        }
      }
    }
    expect(wrongAsks).toEqual([]);
    expect(leaks).toEqual([]);
    // The walk proves something only if the roads led somewhere.
    expect(roots.filter((root) => typeof RECIPES[root] === 'function' && !reached.has(root))).toEqual([]);
    // A course's trainers, on its card and page, are people too.
    expect([...reachedRoads]).toEqual(expect.arrayContaining(['Query.courses.trainers', 'Query.course.trainers', 'Query.myEnrollments.course.trainers']));
    expect(sawAna.get("the course's trainer")).toMatchObject({ country: 'NP', organization: { id: w.organization.id }, email: null, roles: [] });
    // Ana lists herself in the directory: signed-in members see where she comes from (and visitors never reach
    // her there, the leak check above holding them to her name); Ben is HIDDEN.
    expect(sawAna.get('an outsider')).toMatchObject({ country: 'NP', organization: { id: w.organization.id }, email: null, roles: [] });
    expect([...reachedRoads]).toEqual(expect.arrayContaining(['Query.directory.user', 'Query.organization.focalPoints.user', 'Query.organizations.focalPoints.user']));
    expect(sawAna.get('the person')).toEqual(truth.get(w.ana.id));
    expect(sawAna.get('an admin')).toEqual(truth.get(w.ana.id));
    // Nor may a trainer make a stranger their member to see more of her: the walk's addCourseMember was refused.
    expect(await api.sql(`SELECT 1 FROM enrollment WHERE user_id = $1 AND course_id = $2`, [w.ana.id, w.otherCourse.id])).toEqual([]);
  }, 600_000);
});
