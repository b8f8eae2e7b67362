import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { buildCourse, completeLesson, enroll, PASSWORD, type Person, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import {
  AFTER,
  APPLICATION,
  ask,
  ASSIGN,
  BUDGET,
  CLOSES_AT,
  CREATE_CALL,
  CRITERIA,
  data,
  DECIDE,
  DECLARE,
  DURING,
  member,
  OPEN_CALL,
  OPENS_AT,
  openCall,
  organization,
  readyVideo,
  REVIEW,
  reviewer,
  SAVE,
  savedApplication,
  scoresOf,
  setNow,
  SUBMIT,
  submittedApplication,
  UNASSIGN,
  UPDATE_CALL,
} from './grant-fixtures.js';

/**
 * Small grants through the API: calls, eligibility, one application per organization, submitting
 * before the close, reviewers and their conflicts, blind reviews, decisions and their notices.
 */

let api: TestApi;
let admin: Person;
let nhri: string;
let ngo: string;
let sita: Person; // Nepal NHRI, Kathmandu
let ram: Person; // Nepal NHRI, her colleague
let min: Person; // Myanmar NGO
let loner: Person; // no organization
let hoa: Person; // reviewer
let lee: Person; // reviewer
let kim: Person; // reviewer, member of the Nepal NHRI

beforeAll(async () => {
  api = await startTestApi();
  await api.startWorker();
  admin = await signUpAdmin(api);
  nhri = await organization(api, admin, 'Human Rights Commission of Nepal', 'NP', 'NHRI');
  ngo = await organization(api, admin, 'Defenders Network Myanmar', 'MM', 'NGO');
  sita = await member(api, nhri, 'Sita', { country: 'NP', timeZone: 'Asia/Kathmandu' });
  ram = await member(api, nhri, 'Ram', { country: 'NP' });
  min = await member(api, ngo, 'Min', { country: 'MM' });
  loner = await member(api, null, 'Loner');
  hoa = await reviewer(api, admin, 'Hoa');
  lee = await reviewer(api, admin, 'Lee');
  kim = await reviewer(api, admin, 'Kim', nhri);
}, 60_000);
afterAll(() => api.close());
beforeEach(() => setNow(api, DURING));

const callInput = (extra: Record<string, unknown> = {}) => ({
  title: 'Small grants 2027',
  description: 'Documentary projects.',
  opensAt: OPENS_AT,
  closesAt: CLOSES_AT,
  criteria: CRITERIA,
  ...extra,
});

describe('calls', () => {
  it('are created by admins only', async () => {
    expect(errorOf(await ask(api, CREATE_CALL, { input: callInput() }, sita)).code).toBe('FORBIDDEN');
    expect(errorOf(await ask(api, CREATE_CALL, { input: callInput() })).code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['one criterion', { criteria: CRITERIA.slice(0, 1) }, 'criteria'],
    ['eleven criteria', { criteria: Array.from({ length: 11 }, () => CRITERIA[0]) }, 'criteria'],
    ['a weight of 0', { criteria: [{ ...CRITERIA[0], weight: 0 }, CRITERIA[1]] }, 'criteria.0.weight'],
    ['a negative max score', { criteria: [CRITERIA[0], { ...CRITERIA[1], maxScore: -1 }] }, 'criteria.1.maxScore'],
    ['a close before the opening', { opensAt: CLOSES_AT, closesAt: OPENS_AT }, 'closesAt'],
    ['a close equal to the opening', { closesAt: OPENS_AT }, 'closesAt'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['reviews wanted out of range', { reviewsWanted: 11 }, 'reviewsWanted'],
    ['an empty title', { title: '' }, 'title'],
  ])('refuse %s (BAD_USER_INPUT naming the field)', async (_, extra, field) => {
    const res = await ask(api, CREATE_CALL, { input: callInput(extra) }, admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('describe themselves in Markdown, rendered sanitized (descriptionHtml)', async () => {
    const description = '**Films** about defenders.\n\n<script>alert(1)</script><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>';
    const made = await data(api, `mutation($input: CreateGrantCallInput!) { createGrantCall(input: $input) { description descriptionHtml } }`, { input: callInput({ description }) }, admin);
    expect(made.createGrantCall.description).toBe(description);
    expect(made.createGrantCall.descriptionHtml).toContain('<strong>Films</strong> about defenders.');
    // Raw HTML is shown as text, never run: no element carries a script, a javascript: link or a handler.
    expect(made.createGrantCall.descriptionHtml).not.toMatch(/<script|<a [^>]*javascript:|<[a-z]+ [^>]*onerror/);
  });

  it('stay DRAFT, seen by admins only, and editable until opened; then they cannot change', async () => {
    const call = (await data(api, CREATE_CALL, { input: callInput() }, admin)).createGrantCall;
    expect(call).toMatchObject({ status: 'DRAFT', timeZone: 'UTC', reviewsWanted: 2, eligibleOrganizationKinds: [] });
    expect(call.criteria.map((c: any) => c.title)).toEqual(CRITERIA.map((c) => c.title));
    expect((await data(api, `query($id: ID!) { grantCall(id: $id) { id } }`, { id: call.id }, sita)).grantCall).toBeNull();
    expect((await data(api, `{ grantCalls { id } }`, {}, sita)).grantCalls.map((c: any) => c.id)).not.toContain(call.id);

    const updated = (await data(api, UPDATE_CALL, { input: { callId: call.id, title: 'Small grants, second round', timeZone: 'Asia/Yangon', reviewsWanted: 3, criteria: CRITERIA.slice(0, 2) } }, admin))
      .updateGrantCall;
    expect(updated).toMatchObject({ title: 'Small grants, second round', timeZone: 'Asia/Yangon', reviewsWanted: 3 });
    expect(updated.criteria).toHaveLength(2);
    expect(errorOf(await ask(api, UPDATE_CALL, { input: { callId: call.id, closesAt: OPENS_AT } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closesAt' });

    expect((await data(api, OPEN_CALL, { id: call.id }, admin)).openGrantCall.status).toBe('OPEN');
    expect(errorOf(await ask(api, UPDATE_CALL, { input: { callId: call.id, title: 'Changed' } }, admin)).code).toBe('CONFLICT');
    expect((await data(api, `{ grantCalls { id status } }`, {}, sita)).grantCalls).toContainEqual({ id: call.id, status: 'OPEN' });
    // Anyone may read an opened call, signed in or not.
    expect((await data(api, `query($id: ID!) { grantCall(id: $id) { id title } }`, { id: call.id })).grantCall.title).toBe('Small grants, second round');
  });

  it('close by themselves at closesAt (the Clock), and are DECIDED once every submitted application is decided', async () => {
    const call = await openCall(api, admin);
    const application = await submittedApplication(api, sita, nhri, call.id);
    const status = async () => (await data(api, `query($id: ID!) { grantCall(id: $id) { status } }`, { id: call.id }, sita)).grantCall.status;
    setNow(api, '2027-03-11T09:59:59.999Z');
    expect(await status()).toBe('OPEN');
    setNow(api, CLOSES_AT);
    expect(await status()).toBe('CLOSED');
    await data(api, DECIDE, { a: application.id, s: 'DECLINED' }, admin);
    expect(await status()).toBe('DECIDED');
  });

  it('cannot open once their closing time has passed', async () => {
    const call = (await data(api, CREATE_CALL, { input: callInput() }, admin)).createGrantCall;
    setNow(api, AFTER);
    expect(errorOf(await ask(api, OPEN_CALL, { id: call.id }, admin))).toMatchObject({ code: 'CONFLICT', field: 'closesAt' });
  });
});

describe('eligibility', () => {
  it('keeps a call to the organization kinds it names', async () => {
    const call = await openCall(api, admin, { eligibleOrganizationKinds: ['NHRI'] });
    const res = await ask(api, SAVE, { input: { callId: call.id, organizationId: ngo, title: 'Ours', summary: '' } }, min);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    expect(errorOf(res).message).toContain('NHRI');
    const mine = async (who: Person) => (await data(api, `query($id: ID!) { grantCall(id: $id) { myEligibility { canApply reason organizations { id } } } }`, { id: call.id }, who)).grantCall.myEligibility;
    expect(await mine(min)).toMatchObject({ canApply: false, organizations: [] });
    expect(await mine(sita)).toEqual({ canApply: true, reason: null, organizations: [{ id: nhri }] });
    expect((await mine(loner)).reason).toMatch(/organization/);
    expect(errorOf(await ask(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'x', summary: '' } }, loner))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  });

  it('asks that someone in the organization completed the required course', async () => {
    const trainer = await signUpTrainer(api, admin);
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const call = await openCall(api, admin, { requiredCourseId: course.id });
    const res = await ask(api, SAVE, { input: { callId: call.id, organizationId: ngo, title: 'Ours', summary: '' } }, min);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    expect(errorOf(res).message).toContain(`Course `);
    // A colleague (not the applicant) completes it: the organization may apply.
    const colleague = await member(api, ngo, 'Colleague');
    await enroll(api, colleague, course.id);
    await completeLesson(api, colleague, course.modules[0].lessons[0]);
    expect((await data(api, SAVE, { input: { callId: call.id, organizationId: ngo, title: 'Ours', summary: '' } }, min)).saveGrantApplication.status).toBe('DRAFT');
  });
});

describe('applications', () => {
  it('are one per organization and call: a colleague saving edits the same draft, and sees it', async () => {
    const call = await openCall(api, admin);
    const first = (await data(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'Draft title', summary: '' } }, sita)).saveGrantApplication;
    const second = (await data(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'Better title', summary: 'Now with a summary.', currency: 'NPR', budgetLines: BUDGET } }, ram))
      .saveGrantApplication;
    expect(second).toMatchObject({ id: first.id, status: 'DRAFT', title: 'Better title', currency: 'NPR', budgetTotal: 20000.5 });
    expect(await api.sql(`SELECT id FROM grant_application WHERE call_id = $1`, [call.id])).toHaveLength(1);
    // Fields not given stay as they were.
    const third = (await data(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'Better title', summary: 'Now with a summary.' } }, sita)).saveGrantApplication;
    expect(third).toMatchObject({ currency: 'NPR', budgetTotal: 20000.5 });
    for (const who of [sita, ram]) {
      expect((await data(api, `{ myGrantApplications { id } }`, {}, who)).myGrantApplications.map((a: any) => a.id)).toContain(first.id);
      expect((await data(api, `query($id: ID!) { grantCall(id: $id) { myApplications { id } applications { id } } }`, { id: call.id }, who)).grantCall).toEqual({
        myApplications: [{ id: first.id }],
        applications: [{ id: first.id }],
      });
      expect((await data(api, APPLICATION, { id: first.id }, who)).grantApplication.id).toBe(first.id);
    }
    // Other organizations and reviewers see nothing of a draft.
    for (const who of [min, hoa, loner]) expect((await data(api, APPLICATION, { id: first.id }, who)).grantApplication).toBeNull();
    expect(errorOf(await ask(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'Theirs', summary: '' } }, min)).code).toBe('FORBIDDEN');
  });

  it('stay one row when two colleagues save the first draft at the same moment', async () => {
    const call = await openCall(api, admin);
    const saves = await Promise.all(
      [sita, ram, sita, ram].map((who, i) => ask(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: `Save ${i}`, summary: '' } }, who)),
    );
    expect(saves.map((s) => s.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(saves.map((s) => s.data!.saveGrantApplication.id)).size).toBe(1);
    expect(await api.sql(`SELECT id FROM grant_application WHERE call_id = $1`, [call.id])).toHaveLength(1);
  });

  it('are submitted with a title, summary, budget, currency and a video of the organization; then frozen', async () => {
    const call = await openCall(api, admin);
    const base = { callId: call.id, organizationId: nhri };
    const id = (await data(api, SAVE, { input: { ...base, title: '', summary: '' } }, sita)).saveGrantApplication.id;
    const submit = async () => errorOf(await ask(api, SUBMIT, { id }, sita));
    expect(await submit()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    await data(api, SAVE, { input: { ...base, title: 'Voices', summary: '' } }, sita);
    expect(await submit()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary' });
    await data(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.' } }, sita);
    expect(await submit()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budgetLines' });
    await data(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.', budgetLines: BUDGET } }, sita);
    expect(await submit()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
    await data(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.', currency: 'THB' } }, sita);
    expect(await submit()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'videoId' });
    // Someone else's video, a failed one, one still uploading: refused.
    const strangers = await readyVideo(api, min);
    expect(errorOf(await ask(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.', videoId: strangers } }, sita))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'videoId' });
    const failed = await readyVideo(api, ram, 'FAILED');
    expect(errorOf(await ask(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.', videoId: failed } }, sita))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'videoId' });
    const uploading = await readyVideo(api, ram, 'UPLOADING');
    await data(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.', videoId: uploading } }, sita);
    expect(await submit()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'videoId' });
    // A colleague's video, still processing, is enough.
    const colleagues = await readyVideo(api, ram, 'PROCESSING');
    await data(api, SAVE, { input: { ...base, title: 'Voices', summary: 'A film.', videoId: colleagues, publicConsent: true } }, sita);
    // Only members submit: not an admin, and another organization does not even find it.
    expect(errorOf(await ask(api, SUBMIT, { id }, admin)).code).toBe('FORBIDDEN');
    expect(errorOf(await ask(api, SUBMIT, { id }, min)).code).toBe('NOT_FOUND');
    const submitted = (await data(api, SUBMIT, { id }, sita)).submitGrantApplication;
    expect(submitted).toMatchObject({ id, status: 'SUBMITTED', submittedAt: DURING });
    expect(errorOf(await ask(api, SAVE, { input: { ...base, title: 'Changed', summary: 'A film.' } }, ram)).code).toBe('CONFLICT');
    expect(errorOf(await ask(api, SUBMIT, { id }, ram)).code).toBe('CONFLICT');
    expect((await api.sql(`SELECT title FROM grant_application WHERE id = $1`, [id]))[0].title).toBe('Voices');
  });

  it('are accepted one second before closesAt and refused one second after, saying when the call closed in both zones', async () => {
    const call = await openCall(api, admin);
    const early = await savedApplication(api, sita, nhri, call.id);
    setNow(api, '2027-03-11T09:59:59.000Z');
    expect((await data(api, SUBMIT, { id: early.id }, sita)).submitGrantApplication.status).toBe('SUBMITTED');

    setNow(api, DURING);
    const late = await savedApplication(api, min, ngo, call.id);
    setNow(api, '2027-03-11T10:00:01.000Z');
    const refused = errorOf(await ask(api, SUBMIT, { id: late.id }, min));
    expect(refused.code).toBe('CONFLICT');
    // Min reads UTC (her zone); the call is stated in Bangkok time: 10:00 UTC is 17:00 there.
    expect(refused.message).toBe('This call closed Thu, Mar 11, 2027, 10:00 (UTC) — 17:00 Bangkok.');
    expect(errorOf(await ask(api, SUBMIT, { id: late.id }, min)).message).toContain('17:00 Bangkok');
    expect(errorOf(await ask(api, SAVE, { input: { callId: call.id, organizationId: ngo, title: 'x', summary: '' } }, min)).code).toBe('CONFLICT');
    // Sita reads Kathmandu time (UTC+5:45).
    const sitasView = errorOf(await ask(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'x', summary: '' } }, sita));
    expect(sitasView.message).toBe('This call closed Thu, Mar 11, 2027, 15:45 (Kathmandu) — 17:00 Bangkok.');
  });

  it('wait for the opening time', async () => {
    const call = await openCall(api, admin);
    setNow(api, '2027-02-28T23:59:59.000Z');
    const res = errorOf(await ask(api, SAVE, { input: { callId: call.id, organizationId: ngo, title: 'x', summary: '' } }, min));
    expect(res.code).toBe('CONFLICT');
    expect(res.message).toMatch(/^This call opens Mon, Mar 1, 2027, 00:00 \(UTC\)/);
  });
});

describe('reviewers', () => {
  let call: Awaited<ReturnType<typeof openCall>>;
  let application: { id: string };

  beforeAll(async () => {
    call = await openCall(api, admin);
    application = await submittedApplication(api, sita, nhri, call.id);
  });

  it('are people with the REVIEWER role, assigned by admins; the first makes the application UNDER_REVIEW', async () => {
    expect(errorOf(await ask(api, ASSIGN, { a: application.id, r: loner.id }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reviewerId' });
    expect(errorOf(await ask(api, ASSIGN, { a: application.id, r: hoa.id }, sita)).code).toBe('FORBIDDEN');
    expect((await data(api, ASSIGN, { a: application.id, r: hoa.id }, admin)).assignReviewer.status).toBe('UNDER_REVIEW');
    // Again: nothing changes.
    expect((await data(api, ASSIGN, { a: application.id, r: hoa.id }, admin)).assignReviewer.status).toBe('UNDER_REVIEW');
    const queue = (await data(api, `{ myReviewQueue { id title organization { name country } } }`, {}, hoa)).myReviewQueue;
    expect(queue).toEqual([{ id: application.id, title: 'Voices of the districts', organization: { name: 'Human Rights Commission of Nepal', country: 'NP' } }]);
    await waitFor(async () => (await api.sql(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'GRANT_REVIEW_ASSIGNED'`, [hoa.id])).length === 1);
    const audit = await api.sql(`SELECT action, actor_id, data FROM audit_event WHERE subject_id = $1 ORDER BY created_at`, [application.id]);
    expect(audit).toEqual([expect.objectContaining({ action: 'GRANT_REVIEWER_ASSIGNED', actor_id: admin.id, data: expect.objectContaining({ reviewerId: hoa.id }) })]);
  });

  it('from the applicant organization are refused as a conflict, and shown as one to admins', async () => {
    expect(errorOf(await ask(api, ASSIGN, { a: application.id, r: kim.id }, admin))).toMatchObject({ code: 'CONFLICT', field: 'reviewerId' });
    const candidates = (await data(api, `query($a: ID!) { reviewerCandidates(applicationId: $a) { reviewer { id } assigned conflict } }`, { a: application.id }, admin))
      .reviewerCandidates;
    expect(candidates).toEqual(
      expect.arrayContaining([
        { reviewer: { id: hoa.id }, assigned: true, conflict: null },
        { reviewer: { id: kim.id }, assigned: false, conflict: 'SAME_ORGANIZATION' },
        { reviewer: { id: lee.id }, assigned: false, conflict: null },
      ]),
    );
    expect(errorOf(await ask(api, `query($a: ID!) { reviewerCandidates(applicationId: $a) { assigned } }`, { a: application.id }, hoa)).code).toBe('FORBIDDEN');
  });

  it('who declare a conflict lose the application everywhere, cannot be assigned again, and their notice about it is gone', async () => {
    await data(api, ASSIGN, { a: application.id, r: lee.id }, admin);
    await waitFor(async () => (await api.sql(`SELECT 1 FROM notification WHERE user_id = $1`, [lee.id])).length === 1);
    expect(errorOf(await ask(api, DECLARE, { a: application.id, reason: '' }, lee))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorOf(await ask(api, DECLARE, { a: application.id, reason: 'I advised them.' }, min)).code).toBe('NOT_FOUND');
    expect((await data(api, DECLARE, { a: application.id, reason: 'I advised them last year.' }, lee)).declareConflict).toBe(true);

    expect((await data(api, APPLICATION, { id: application.id }, lee)).grantApplication).toBeNull();
    expect((await data(api, `{ myReviewQueue { id } }`, {}, lee)).myReviewQueue).toEqual([]);
    expect((await data(api, `query($id: ID!) { grantCall(id: $id) { applications { id } myApplications { id } } }`, { id: call.id }, lee)).grantCall).toEqual({ applications: [], myApplications: [] });
    const everyCall = (await data(api, `{ grantCalls { applications { id } } }`, {}, lee)).grantCalls.flatMap((c: any) => c.applications);
    expect(everyCall).toEqual([]);
    const notices = (await data(api, `{ notifications { nodes { title link } } }`, {}, lee)).notifications.nodes;
    expect(notices.filter((n: any) => n.link?.includes(application.id))).toEqual([]);
    expect(await api.sql(`SELECT 1 FROM notification WHERE user_id = $1`, [lee.id])).toEqual([]);
    expect(errorOf(await ask(api, REVIEW, { input: { applicationId: application.id, scores: scoresOf(call.criteria, [5, 5, 5]), comment: 'x' } }, lee)).code).toBe('NOT_FOUND');
    expect(errorOf(await ask(api, DECLARE, { a: application.id, reason: 'Again.' }, lee)).code).toBe('NOT_FOUND');

    expect(errorOf(await ask(api, ASSIGN, { a: application.id, r: lee.id }, admin))).toMatchObject({ code: 'CONFLICT', field: 'reviewerId' });
    const lees = (await data(api, `query($a: ID!) { reviewerCandidates(applicationId: $a) { reviewer { id } assigned conflict } }`, { a: application.id }, admin))
      .reviewerCandidates.find((c: any) => c.reviewer.id === lee.id);
    expect(lees).toEqual({ reviewer: { id: lee.id }, assigned: false, conflict: 'DECLARED' });
    const audit = await api.sql(`SELECT action, data FROM audit_event WHERE subject_id = $1 AND action = 'GRANT_CONFLICT_DECLARED'`, [application.id]);
    expect(audit).toEqual([{ action: 'GRANT_CONFLICT_DECLARED', data: expect.objectContaining({ reviewerId: lee.id, reason: 'I advised them last year.' }) }]);
  });

  it('are unassigned by admins before they review, not after', async () => {
    const other = await submittedApplication(api, min, ngo, call.id);
    await data(api, ASSIGN, { a: other.id, r: lee.id }, admin);
    expect((await data(api, UNASSIGN, { a: other.id, r: lee.id }, admin)).unassignReviewer.status).toBe('SUBMITTED');
    expect((await data(api, `{ myReviewQueue { id } }`, {}, lee)).myReviewQueue).toEqual([]);
    expect(errorOf(await ask(api, UNASSIGN, { a: other.id, r: lee.id }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reviewerId' });
    await data(api, ASSIGN, { a: other.id, r: hoa.id }, admin);
    await data(api, REVIEW, { input: { applicationId: other.id, scores: scoresOf(call.criteria, [5, 5, 5]), comment: 'Fine.' } }, hoa);
    expect(errorOf(await ask(api, UNASSIGN, { a: other.id, r: hoa.id }, admin)).code).toBe('CONFLICT');
    expect(errorOf(await ask(api, DECLARE, { a: other.id, reason: 'Late.' }, hoa)).code).toBe('CONFLICT');
    const actions = (await api.sql(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY created_at, id`, [other.id])).map((r) => r.action);
    expect(actions).toEqual(['GRANT_REVIEWER_ASSIGNED', 'GRANT_REVIEWER_UNASSIGNED', 'GRANT_REVIEWER_ASSIGNED']);
  });
});

describe('blind reviews', () => {
  let call: Awaited<ReturnType<typeof openCall>>;
  let application: { id: string };
  const PERSON = `{ id displayName email country timeZone roles organization { name } }`;

  beforeAll(async () => {
    call = await openCall(api, admin);
    application = await submittedApplication(api, sita, nhri, call.id);
    await data(api, ASSIGN, { a: application.id, r: hoa.id }, admin);
    await data(api, ASSIGN, { a: application.id, r: lee.id }, admin);
    await data(api, REVIEW, { input: { applicationId: application.id, scores: scoresOf(call.criteria, [8, 4, 10]), comment: 'Strong film plan.' } }, hoa);
    await data(api, REVIEW, { input: { applicationId: application.id, scores: scoresOf(call.criteria, [6, 5, 20]), comment: 'Budget is sound.' } }, lee);
  });

  it("show the reviewer the applicant's organization and country, never their name, email or id", async () => {
    for (const query of [
      `query($id: ID!) { grantApplication(id: $id) { applicant ${PERSON} } }`,
      `{ myReviewQueue { id applicant ${PERSON} } }`,
    ]) {
      const res = await data(api, query, { id: application.id }, hoa);
      // The reviewer's queue holds the applications of earlier stories too: this one is found by its id.
      const applicant = res.grantApplication?.applicant ?? res.myReviewQueue.find((a: { id: string }) => a.id === application.id).applicant;
      expect(applicant).toEqual({ id: expect.any(String), displayName: 'Applicant', email: null, country: 'NP', timeZone: 'UTC', roles: [], organization: { name: 'Human Rights Commission of Nepal' } });
      expect(applicant.id).not.toBe(sita.id);
    }
    // Colleagues and admins see the person.
    const seen = async (who: Person) => (await data(api, `query($id: ID!) { grantApplication(id: $id) { applicant { id displayName } } }`, { id: application.id }, who)).grantApplication.applicant;
    expect(await seen(ram)).toEqual({ id: sita.id, displayName: 'Sita' });
    expect(await seen(admin)).toEqual({ id: sita.id, displayName: 'Sita' });
  });

  it("keep each reviewer to their own review: others' reviews are refused", async () => {
    const mine = (await data(api, `query($id: ID!) { grantApplication(id: $id) { myReview { comment weightedScore reviewer { id } } } }`, { id: application.id }, hoa)).grantApplication.myReview;
    // 100 × (2 × 8/10 + 1 × 4/5 + 1 × 10/20) / (2 + 1 + 1) = 100 × 2.9 / 4 = 72.5
    expect(mine).toEqual({ comment: 'Strong film plan.', weightedScore: 72.5, reviewer: { id: hoa.id } });
    for (const field of ['reviews { comment }', 'averageScore', 'normalizedScore', 'reviewCount', 'scoreSpread', 'needsMoreReviews', 'reviewerAssignments { submitted }']) {
      const res = await ask(api, `query($id: ID!) { grantApplication(id: $id) { id ${field} } }`, { id: application.id }, hoa);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data)).not.toContain('Budget is sound');
    }
  });

  it('keep reviews and reviewers from the applicants', async () => {
    for (const field of ['reviews { comment }', 'averageScore', 'reviewerAssignments { reviewer { id } }']) {
      expect(errorOf(await ask(api, `query($id: ID!) { grantApplication(id: $id) { id ${field} } }`, { id: application.id }, sita)).code).toBe('FORBIDDEN');
    }
    expect((await data(api, `query($id: ID!) { grantApplication(id: $id) { myReview { id } } }`, { id: application.id }, sita)).grantApplication.myReview).toBeNull();
  });

  it('are all seen by admins, with who reviewed and the figures', async () => {
    const seen = (
      await data(
        api,
        `query($id: ID!) { grantApplication(id: $id) { reviews { comment weightedScore reviewer { id } scores { score criterion { title } } } averageScore reviewCount scoreSpread needsMoreReviews reviewerAssignments { reviewer { id } submitted } } }`,
        { id: application.id },
        admin,
      )
    ).grantApplication;
    // Both were submitted at the same instant of the test's clock: compare them in score order.
    expect(seen.reviews.map((r: any) => [r.reviewer.id, r.weightedScore]).sort((a: any, b: any) => a[1] - b[1])).toEqual([
      [hoa.id, 72.5],
      // 100 × (2 × 6/10 + 1 × 5/5 + 1 × 20/20) / 4 = 100 × 3.2 / 4 = 80
      [lee.id, 80],
    ]);
    expect(seen.reviews.find((r: any) => r.reviewer.id === hoa.id).scores.map((s: any) => [s.criterion.title, s.score])).toEqual([
      ['Relevance to defenders', 8],
      ['Feasibility', 4],
      ['Budget', 10],
    ]);
    expect(seen).toMatchObject({ averageScore: 76.25, reviewCount: 2, scoreSpread: 7.5, needsMoreReviews: false });
    expect(seen.reviewerAssignments).toHaveLength(2);
    expect(seen.reviewerAssignments).toEqual(
      expect.arrayContaining([
        { reviewer: { id: hoa.id }, submitted: true },
        { reviewer: { id: lee.id }, submitted: true },
      ]),
    );
  });
});

describe('reviews', () => {
  it('score every criterion within 0..maxScore, and a second submission replaces the first', async () => {
    const call = await openCall(api, admin);
    const application = await submittedApplication(api, sita, nhri, call.id);
    await data(api, ASSIGN, { a: application.id, r: hoa.id }, admin);
    const review = (input: Record<string, unknown>) => ask(api, REVIEW, { input: { applicationId: application.id, comment: 'Ok.', ...input } }, hoa);
    const tooHigh = errorOf(await review({ scores: scoresOf(call.criteria, [11, 5, 20]) }));
    expect(tooHigh).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scores' });
    expect(tooHigh.message).toContain('"Relevance to defenders" takes a score from 0 to 10');
    expect(errorOf(await review({ scores: scoresOf(call.criteria, [5, -1, 20]) })).message).toContain('Feasibility');
    expect(errorOf(await review({ scores: scoresOf(call.criteria.slice(0, 2), [5, 5]) })).message).toContain('Budget');
    expect(errorOf(await review({ scores: [...scoresOf(call.criteria, [5, 5, 5]), scoresOf(call.criteria, [1])[0]] })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await ask(api, REVIEW, { input: { applicationId: application.id, comment: 'Me.', scores: scoresOf(call.criteria, [5, 5, 5]) } }, sita)).code).toBe('FORBIDDEN');

    const first = (await review({ scores: scoresOf(call.criteria, [10, 5, 20]) })).data!.submitReview;
    expect(first.weightedScore).toBe(100);
    const second = (await review({ scores: scoresOf(call.criteria, [0, 0, 0]), comment: 'On reflection, no.' })).data!.submitReview;
    expect(second).toMatchObject({ id: first.id, weightedScore: 0, comment: 'On reflection, no.' });
    expect(await api.sql(`SELECT id FROM grant_review WHERE application_id = $1`, [application.id])).toHaveLength(1);
  });
});

describe('decisions', () => {
  it('come after the close, from admins, tell the organization in the app and by email, and are audited', async () => {
    const call = await openCall(api, admin);
    const application = await submittedApplication(api, sita, nhri, call.id);
    await data(api, ASSIGN, { a: application.id, r: hoa.id }, admin);
    const decide = (who: Person, s = 'AWARDED', m: string | null = 'Well done: the panel loved the districts.') => ask(api, DECIDE, { a: application.id, s, m }, who);
    expect(errorOf(await decide(admin)).code).toBe('CONFLICT');
    setNow(api, AFTER);
    expect(errorOf(await decide(hoa)).code).toBe('FORBIDDEN');
    expect(errorOf(await decide(admin, 'SUBMITTED'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const decided = (await decide(admin)).data!.decideApplication;
    expect(decided).toMatchObject({ status: 'AWARDED', decidedAt: AFTER, decisionMessage: 'Well done: the panel loved the districts.' });
    expect(errorOf(await decide(admin, 'DECLINED')).code).toBe('CONFLICT');
    expect(errorOf(await ask(api, REVIEW, { input: { applicationId: application.id, comment: 'Late.', scores: scoresOf(call.criteria, [1, 1, 1]) } }, hoa)).code).toBe('CONFLICT');

    // Sita and her colleague hear of it; the reviewer does not read the message.
    await waitFor(async () => (await api.sql(`SELECT 1 FROM notification WHERE idempotency_key = ANY($1::text[])`, [[sita, ram].map((p) => `grant-decided:${application.id}:${p.id}`)])).length === 2);
    const [notice] = (await data(api, `{ notifications { nodes { kind title body link } } }`, {}, ram)).notifications.nodes.filter((n: any) => n.link?.endsWith(application.id));
    expect(notice).toEqual({
      kind: 'GRANT_DECIDED',
      title: 'Awarded: Voices of the districts',
      body: 'Congratulations: "Voices of the districts" (Small grants 2027) has been awarded a grant. Well done: the panel loved the districts.',
      link: `/grants/applications/${application.id}`,
    });
    // Every member of the organization is told (Kim, a reviewer who belongs to it, too), by email as well.
    await waitFor(async () => (await api.sql(`SELECT 1 FROM email_delivery WHERE status = 'SENT' AND idempotency_key LIKE $1`, [`grant-decided:${application.id}:%`])).length === 3);
    expect((await data(api, `query($id: ID!) { grantApplication(id: $id) { status decisionMessage } }`, { id: application.id }, hoa)).grantApplication).toEqual({ status: 'AWARDED', decisionMessage: null });
    expect((await data(api, `query($id: ID!) { grantApplication(id: $id) { decisionMessage } }`, { id: application.id }, ram)).grantApplication.decisionMessage).toContain('Well done');
    const audit = await api.sql(`SELECT actor_id, data FROM audit_event WHERE subject_id = $1 AND action = 'APPLICATION_DECIDED'`, [application.id]);
    expect(audit).toEqual([{ actor_id: admin.id, data: expect.objectContaining({ decision: 'AWARDED' }) }]);
  });

  it('need a submitted application', async () => {
    const call = await openCall(api, admin);
    const draft = await savedApplication(api, sita, nhri, call.id);
    setNow(api, AFTER);
    expect(errorOf(await ask(api, DECIDE, { a: draft.id, s: 'AWARDED' }, admin)).code).toBe('CONFLICT');
  });
});

describe('case studies', () => {
  it('are public: awarded applications with public consent whose video is ready', async () => {
    const call = await openCall(api, admin, { title: 'Case study call' });
    const consenting = await submittedApplication(api, sita, nhri, call.id, { publicConsent: true });
    const private_ = await submittedApplication(api, min, ngo, call.id, { publicConsent: false });
    setNow(api, AFTER);
    for (const a of [consenting, private_]) await data(api, DECIDE, { a: a.id, s: 'AWARDED' }, admin);
    const studies = (await data(api, `{ caseStudies { id title organizationName country callTitle awardedAt video { id status } } }`, {})).caseStudies;
    const ours = studies.filter((s: any) => s.callTitle === 'Case study call');
    expect(ours).toEqual([
      { id: consenting.id, title: 'Voices of the districts', organizationName: 'Human Rights Commission of Nepal', country: 'NP', callTitle: 'Case study call', awardedAt: AFTER, video: { id: expect.any(String), status: 'READY' } },
    ]);
  });
});

describe("people's grant data", () => {
  it('is in their data export: applications they started, reviews they wrote, conflicts they declared', async () => {
    const call = await openCall(api, admin, { title: 'Export call' });
    const applicant = await member(api, ngo, 'Exporter');
    const application = await submittedApplication(api, applicant, ngo, call.id, { title: 'Exported film' });
    const writer = await reviewer(api, admin, 'Writer');
    const conflicted = await reviewer(api, admin, 'Conflicted');
    for (const r of [writer, conflicted]) await data(api, ASSIGN, { a: application.id, r: r.id }, admin);
    await data(api, REVIEW, { input: { applicationId: application.id, scores: scoresOf(call.criteria, [10, 5, 20]), comment: 'My review.' } }, writer);
    await data(api, DECLARE, { a: application.id, reason: 'My conflict.' }, conflicted);
    const exported = async (who: Person) => (await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${who.token}` } })).json();
    expect((await exported(applicant)).grantApplications).toEqual([expect.objectContaining({ call: 'Export call', title: 'Exported film', status: 'UNDER_REVIEW' })]);
    expect((await exported(writer)).grantReviews).toEqual([expect.objectContaining({ application: 'Exported film', weightedScore: 100, comment: 'My review.' })]);
    expect((await exported(conflicted)).grantConflicts).toEqual([expect.objectContaining({ application: 'Exported film', reason: 'My conflict.' })]);
  });

  it('leaves with a deleted reviewer: open assignments and conflicts go, a submitted review stays anonymous', async () => {
    const call = await openCall(api, admin, { title: 'Erasure call' });
    const application = await submittedApplication(api, min, ngo, call.id);
    const leaving = await reviewer(api, admin, 'Leaving');
    await data(api, ASSIGN, { a: application.id, r: leaving.id }, admin);
    await data(api, REVIEW, { input: { applicationId: application.id, scores: scoresOf(call.criteria, [10, 5, 20]), comment: 'Kept.' } }, leaving);
    expect((await ask(api, `mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaving)).data).toEqual({ deleteMyAccount: true });
    expect(await api.sql(`SELECT 1 FROM grant_reviewer_assignment WHERE reviewer_id = $1`, [leaving.id])).toEqual([]);
    const reviews = (await data(api, `query($id: ID!) { grantApplication(id: $id) { reviews { comment reviewer { displayName } } } }`, { id: application.id }, admin)).grantApplication.reviews;
    expect(reviews).toEqual([{ comment: 'Kept.', reviewer: { displayName: 'Former member' } }]);
  });
});
