import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildCourse, enroll, grantRoles, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, type GraphQLResponse, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { authenticatorClock, enableTwoFactor } from '../platform/testing/two-factor.js';

/**
 * When admins require two-step sign-in of staff, a staff member's password alone must not be enough to
 * use any staff power: not the role-gated operations, nor what a trainer may do in their own courses.
 */
let api: TestApi;
let clock: ReturnType<typeof authenticatorClock>;
let admin: Person;
let trainer: Person;
let course: Awaited<ReturnType<typeof buildCourse>>;

const SET_POLICY = `mutation($on: Boolean!) { setTwoFactorPolicy(requiredForStaff: $on) }`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
const ADD_MODULE = `mutation($input: AddModuleInput!) { addModule(input: $input) { id } }`;
const courseInput = (slug: string) => ({ slug, title: 'A course', summary: 'For the policy.', timeZone: 'Asia/Bangkok' });

function expectSetUpAsked(res: GraphQLResponse) {
  expect(res.data?.createCourse ?? res.data?.addModule ?? res.data?.users ?? null).toBeNull();
  expect(res.errors![0].extensions).toEqual({ code: 'FORBIDDEN', twoFactorSetupRequired: true });
}

beforeAll(async () => {
  api = await startTestApi();
  clock = authenticatorClock(api);
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
});
afterAll(async () => {
  await api.close();
});

describe('the two-factor policy for staff', () => {
  it('is set by admins only, once they use two-step sign-in themselves', async () => {
    expect(errorOf(await api.gql(SET_POLICY, { on: true }, trainer.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SET_POLICY, { on: true }, admin.token))).toMatchObject({ code: 'CONFLICT', field: 'requiredForStaff' });
    expect((await api.gql(`{ twoFactorRequiredForStaff }`, {}, admin.token)).data!.twoFactorRequiredForStaff).toBe(false);
  });

  it('once on, refuses staff powers to staff without two-step sign-in, until they set it up', async () => {
    await enableTwoFactor(api, admin, clock);
    expect((await api.gql(SET_POLICY, { on: true }, admin.token)).data!.setTwoFactorPolicy).toBe(true);
    const audit = await api.sql(`SELECT actor_id, data FROM audit_event WHERE action = 'settings.two-factor-policy.set'`);
    expect(audit).toEqual([{ actor_id: admin.id, data: { requiredForStaff: { from: false, to: true } } }]);

    // The trainer still gets in, and learns what to do.
    const me = await api.gql(`{ me { twoFactorEnabled twoFactorRequired } }`, {}, trainer.token);
    expect(me.data!.me).toEqual({ twoFactorEnabled: false, twoFactorRequired: true });
    // A role-gated mutation, and one a trainer may do only in their own course.
    expectSetUpAsked(await api.gql(CREATE_COURSE, { input: courseInput('blocked-course') }, trainer.token));
    expectSetUpAsked(await api.gql(ADD_MODULE, { input: { courseId: course.id, title: 'Blocked' } }, trainer.token));
    expect(await api.sql(`SELECT 1 FROM course WHERE slug = 'blocked-course'`)).toEqual([]);

    // Their own account stays theirs to manage, setting up two-step sign-in first of all.
    expect(errorOf(await api.gql(`mutation { updateMe(input: { displayName: "Trainer T." }) { id } }`, {}, trainer.token)).code).toBeUndefined();
    await enableTwoFactor(api, trainer, clock);
    expect(errorOf(await api.gql(CREATE_COURSE, { input: courseInput('allowed-course') }, trainer.token)).code).toBeUndefined();
    expect(errorOf(await api.gql(ADD_MODULE, { input: { courseId: course.id, title: 'Allowed' } }, trainer.token)).code).toBeUndefined();
  });

  it('holds for role-gated reads too: a new admin without it cannot list people', async () => {
    const second = await signUp(api);
    await grantRoles(api, admin, second, ['ADMIN']);
    expectSetUpAsked(await api.gql(`{ users(first: 10) { totalCount } }`, {}, second.token));
    expectSetUpAsked(await api.gql(CREATE_COURSE, { input: courseInput('second-admin-course') }, second.token));
  });

  it('leaves learners alone', async () => {
    const learner = await signUp(api);
    const me = await api.gql(`{ me { twoFactorEnabled twoFactorRequired } }`, {}, learner.token);
    expect(me.data!.me).toEqual({ twoFactorEnabled: false, twoFactorRequired: false });
    expect((await enroll(api, learner, course.id)).status).toBe('ACTIVE');
  });

  it('lets staff work with their password alone again once turned off', async () => {
    const reviewer = await signUp(api);
    await grantRoles(api, admin, reviewer, ['TRAINER']);
    expectSetUpAsked(await api.gql(CREATE_COURSE, { input: courseInput('later-course') }, reviewer.token));
    expect((await api.gql(SET_POLICY, { on: false }, admin.token)).data!.setTwoFactorPolicy).toBe(false);
    expect(errorOf(await api.gql(CREATE_COURSE, { input: courseInput('later-course') }, reviewer.token)).code).toBeUndefined();
  });
});
