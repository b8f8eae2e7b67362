import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemo } from '../cli/seed-demo.js';
import { buildCourse, completeLesson, enroll, PASSWORD, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { CONTACT, DIRECTORY, listProfile, MY_PROFILE, names, ok, ORGANIZATION, SET_FOCAL, UPDATE } from './directory-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
/** Listed to members (MEMBERS), at the Nepal NHRI. */
let sita: Person;
/** Listed, in Myanmar, no organization. */
let min: Person;
/** HIDDEN (wrote a profile but keeps it hidden), at the Nepal NHRI. */
let hari: Person;
/** Never wrote a profile. */
let nok: Person;
let nhri: { id: string; name: string };

const ageAccounts = () => api.sql(`UPDATE app_user SET created_at = created_at - interval '30 days'`);

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  nhri = ok(await api.gql(`mutation { createOrganization(input: { name: "Commission of Nepal", country: "NP", kind: NHRI }) { id name } }`, {}, admin.token)).createOrganization;
  sita = await signUp(api, { displayName: 'Sita Sharma', country: 'NP', organizationId: nhri.id, locale: 'ne' });
  min = await signUp(api, { displayName: 'Min Thu', country: 'MM' });
  hari = await signUp(api, { displayName: 'Hari Hidden', country: 'NP', organizationId: nhri.id });
  nok = await signUp(api, { displayName: 'Nok Nobody', country: 'TH' });
  await listProfile(api, sita, { bio: 'I handle complaints of reprisals.', expertise: ['Reprisals', 'complaints handling'], languages: ['ne', 'EN'] });
  await listProfile(api, min, { bio: 'Documentation in Yangon.', expertise: ['digital security'], languages: ['my'] });
  await listProfile(api, hari, { visibility: 'HIDDEN', bio: 'Hidden reprisals work.', expertise: ['reprisals'] });
  await ageAccounts();
  await api.startWorker();
});
afterAll(() => api.close());

describe('a profile', () => {
  it('is empty and HIDDEN until the person writes one; they see and change their own', async () => {
    const mine = ok(await api.gql(MY_PROFILE, {}, nok.token)).myProfile;
    expect(mine).toMatchObject({ bio: '', expertise: [], languages: [], isFocalPoint: false, visibility: 'HIDDEN', suggestedExpertise: [] });
    expect(mine.user).toMatchObject({ id: nok.id, email: nok.email, country: 'TH' });
    expect(errorOf(await api.gql(MY_PROFILE, {})).code).toBe('UNAUTHENTICATED');
  });

  it('keeps expertise tidy: trimmed, each tag once whatever its case, languages as tags', async () => {
    const profile = await listProfile(api, nok, { expertise: ['  land   rights ', 'Land Rights', 'mediation', ''], languages: ['th', 'TH', 'en-us'], visibility: 'HIDDEN' });
    expect(profile.expertise).toEqual(['land rights', 'mediation']);
    expect(profile.languages).toEqual(['th', 'en-US']);
    // Only the fields given change.
    const after = ok(await api.gql(UPDATE, { input: { bio: 'Mediator.' } }, nok.token)).updateMyProfile;
    expect(after).toMatchObject({ bio: 'Mediator.', expertise: ['land rights', 'mediation'], visibility: 'HIDDEN' });
  });

  it('refuses bad input with the field named', async () => {
    const refused = async (input: Record<string, unknown>) => errorOf(await api.gql(UPDATE, { input }, nok.token));
    expect(await refused({ bio: 'x'.repeat(2001) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bio' });
    expect(await refused({ expertise: Array.from({ length: 21 }, (_, i) => `tag ${i}`) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertise' });
    expect(await refused({ expertise: ['y'.repeat(61)] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertise' });
    expect(await refused({ expertise: ['right\u202Eto left'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertise' });
    expect(await refused({ languages: ['not a language!'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'languages' });
    expect((await refused({ visibility: 'EVERYONE' })).code).toBeDefined();
    expect(ok(await api.gql(MY_PROFILE, {}, nok.token)).myProfile.bio).toBe('Mediator.');
  });
});

describe('who the directory lists', () => {
  it('signed-in members see MEMBERS profiles only, by name; visitors see nobody', async () => {
    expect(await names(api, min)).toEqual(['Min Thu', 'Sita Sharma']);
    expect(await names(api, null)).toEqual([]);
  });

  it('admins see every account, HIDDEN ones marked, also people who never wrote a profile', async () => {
    const res = ok(await api.gql(DIRECTORY, {}, admin.token)).directory;
    const seen = res.map((p: any) => [p.user.displayName, p.visibility]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['Hari Hidden', 'HIDDEN'],
        ['Min Thu', 'MEMBERS'],
        ['Nok Nobody', 'HIDDEN'],
        ['Sita Sharma', 'MEMBERS'],
      ]),
    );
    // The trainer never wrote a profile: listed to admins as HIDDEN, to members not at all.
    expect(await api.sql(`SELECT 1 FROM directory_profile WHERE user_id = $1`, [trainer.id])).toEqual([]);
    expect(seen).toContainEqual([trainer.displayName, 'HIDDEN']);
    expect(await names(api, min)).not.toContain(trainer.displayName);
    const active = await api.sql<{ display_name: string }>(
      `SELECT display_name FROM app_user WHERE deleted_at IS NULL AND suspended_at IS NULL ORDER BY lower(display_name), id`,
    );
    expect(seen.map(([name]: [string]) => name)).toEqual(active.map((row) => row.display_name));
  });

  it('never lists a suspended or deleted account, to anyone', async () => {
    const gone = await signUp(api, { displayName: 'Gone Member' });
    const paused = await signUp(api, { displayName: 'Paused Member' });
    await listProfile(api, gone);
    await listProfile(api, paused);
    expect(await names(api, min, { text: 'Member' })).toEqual(['Gone Member', 'Paused Member']);
    ok(await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, gone.token));
    ok(await api.gql(`mutation($u: ID!) { suspendUser(userId: $u, reason: "Spam") { id } }`, { u: paused.id }, admin.token));
    expect(await names(api, min, { text: 'Member' })).toEqual([]);
    expect(await names(api, admin, { text: 'Member' })).toEqual([]);
    // Erasure removed the deleted person's profile; nothing of it stays.
    expect(await api.sql(`SELECT 1 FROM directory_profile WHERE user_id = $1`, [gone.id])).toEqual([]);
  });

  it('filters by country, expertise ignoring case, language, organization, focal points and text', async () => {
    expect(await names(api, min, { country: 'np' })).toEqual(['Sita Sharma']);
    expect(await names(api, min, { expertise: 'REPRISALS' })).toEqual(['Sita Sharma']);
    expect(await names(api, admin, { expertise: 'reprisals' })).toEqual(['Hari Hidden', 'Sita Sharma']);
    expect(await names(api, min, { language: 'en' })).toEqual(['Sita Sharma']);
    expect(await names(api, min, { organizationId: nhri.id })).toEqual(['Sita Sharma']);
    // Text: name, bio, expertise and organization name.
    expect(await names(api, min, { text: 'thu' })).toEqual(['Min Thu']);
    expect(await names(api, min, { text: 'yangon' })).toEqual(['Min Thu']);
    expect(await names(api, min, { text: 'complaints' })).toEqual(['Sita Sharma']);
    expect(await names(api, min, { text: 'commission' })).toEqual(['Sita Sharma']);
    expect(await names(api, min, { text: '%' })).toEqual([]);
    // A HIDDEN profile is not found by anything written in it.
    expect(await names(api, min, { text: 'Hidden' })).toEqual([]);
    expect(errorOf(await api.gql(DIRECTORY, { filter: { country: 'XX' } }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    expect(errorOf(await api.gql(DIRECTORY, { filter: { language: '!!' } }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
  });

  it('pages by name: `after` the last person of a page; at most 100 a page', async () => {
    const first = ok(await api.gql(DIRECTORY, { first: 1 }, min.token)).directory;
    expect(first.map((p: any) => p.user.displayName)).toEqual(['Min Thu']);
    const next = ok(await api.gql(DIRECTORY, { first: 1, after: first[0].user.id }, min.token)).directory;
    expect(next.map((p: any) => p.user.displayName)).toEqual(['Sita Sharma']);
    expect(ok(await api.gql(DIRECTORY, { first: 1, after: sita.id }, min.token)).directory).toEqual([]);
    expect(errorOf(await api.gql(DIRECTORY, { first: 101 }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await api.gql(DIRECTORY, { after: 'nonsense' }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('what the name policy shows of a person, on every path', () => {
  it('the directory: members see name, country and organization of listed people, never the email', async () => {
    const [listedSita] = ok(await api.gql(DIRECTORY, { filter: { text: 'Sita' } }, min.token)).directory;
    expect(listedSita.user).toEqual({ id: sita.id, displayName: 'Sita Sharma', email: null, country: 'NP', organization: { id: nhri.id, name: nhri.name } });
    const [asAdmin] = ok(await api.gql(DIRECTORY, { filter: { text: 'Hari' } }, admin.token)).directory;
    expect(asAdmin.user).toMatchObject({ email: hari.email, country: 'NP', organization: { id: nhri.id } });
  });

  it('elsewhere: a listed person shows country and organization to members; a HIDDEN one only the name; visitors only the name', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    await enroll(api, sita, course.id);
    await enroll(api, hari, course.id);
    await enroll(api, min, course.id);
    const [space] = await api.sql<{ id: string }>(`SELECT id FROM space WHERE course_id = $1`, [course.id]);
    const start = `mutation($s: ID!) { startThread(spaceId: $s, title: "Hello", body: "Hi.") { id } }`;
    const bySita = ok(await api.gql(start, { s: space.id }, sita.token)).startThread.id;
    const byHari = ok(await api.gql(start, { s: space.id }, hari.token)).startThread.id;
    const author = async (threadId: string, viewer: Person) =>
      ok(await api.gql(`query($id: ID!) { thread(id: $id) { author { displayName email country organization { id } } } }`, { id: threadId }, viewer.token)).thread.author;
    expect(await author(bySita, min)).toEqual({ displayName: 'Sita Sharma', email: null, country: 'NP', organization: { id: nhri.id } });
    expect(await author(byHari, min)).toEqual({ displayName: 'Hari Hidden', email: null, country: null, organization: null });
    // Their trainer sees where course members come from, listed or not (the trainer relation).
    expect(await author(byHari, trainer)).toMatchObject({ country: 'NP', organization: { id: nhri.id }, email: null });
    // A visitor reaches a listed trainer on the public course page: the name only.
    await api.sql(`UPDATE app_user SET country = 'TH' WHERE id = $1`, [trainer.id]);
    await listProfile(api, trainer);
    const trainers = async (viewer: Person | null) =>
      ok(await api.gql(`query($s: String!) { course(slug: $s) { trainers { displayName email country } } }`, { s: course.slug }, viewer?.token)).course.trainers;
    expect(await trainers(null)).toEqual([{ displayName: trainer.displayName, email: null, country: null }]);
    expect(await trainers(nok)).toEqual([{ displayName: trainer.displayName, email: null, country: 'TH' }]);
    await listProfile(api, trainer, { visibility: 'HIDDEN' });
    expect(await trainers(nok)).toEqual([{ displayName: trainer.displayName, email: null, country: null }]);
  });
});

describe('focal points', () => {
  it('only admins mark them, audited; a person without an organization cannot be one', async () => {
    expect(errorOf(await api.gql(SET_FOCAL, { u: sita.id, f: true }, min.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(SET_FOCAL, { u: min.id, f: true }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(errorOf(await api.gql(SET_FOCAL, { u: '00000000-0000-4000-8000-000000000000', f: true }, admin.token)).code).toBe('NOT_FOUND');
    const marked = ok(await api.gql(SET_FOCAL, { u: sita.id, f: true }, admin.token)).setFocalPoint;
    expect(marked).toMatchObject({ isFocalPoint: true, visibility: 'MEMBERS', user: { id: sita.id } });
    ok(await api.gql(SET_FOCAL, { u: hari.id, f: true }, admin.token));
    const events = await api.sql<{ actor_id: string; data: any }>(`SELECT actor_id, data FROM audit_event WHERE action = 'FOCAL_POINT_SET' AND subject_id = $1`, [sita.id]);
    expect(events).toEqual([{ actor_id: admin.id, data: { organizationId: nhri.id } }]);
  });

  it("show on their organization's page and in the directory: a HIDDEN focal point to admins only, nobody to visitors", async () => {
    const focal = async (viewer: Person | null) =>
      ok(await api.gql(ORGANIZATION, { id: nhri.id }, viewer?.token)).organization.focalPoints.map((p: any) => [p.user.displayName, p.user.country]);
    expect(await focal(min)).toEqual([['Sita Sharma', 'NP']]);
    expect(await focal(admin)).toEqual([['Hari Hidden', 'NP'], ['Sita Sharma', 'NP']]);
    expect(await focal(null)).toEqual([]);
    expect(ok(await api.gql(ORGANIZATION, { id: nhri.id })).organization.name).toBe(nhri.name);
    expect(ok(await api.gql(ORGANIZATION, { id: '00000000-0000-4000-8000-000000000000' })).organization).toBeNull();
    expect(await names(api, min, { focalPointsOnly: true })).toEqual(['Sita Sharma']);
    expect(await names(api, admin, { focalPointsOnly: true })).toEqual(['Hari Hidden', 'Sita Sharma']);
    ok(await api.gql(SET_FOCAL, { u: hari.id, f: false }, admin.token));
    expect(await api.sql(`SELECT 1 FROM audit_event WHERE action = 'FOCAL_POINT_UNSET' AND subject_id = $1`, [hari.id])).toHaveLength(1);
    expect(await focal(admin)).toEqual([['Sita Sharma', 'NP']]);
  });
});

describe('contacting a member', () => {
  const stored = (person: Person) => api.sql<{ title: string; body: string; link: string | null }>(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = 'DIRECTORY_CONTACT'`, [person.id]);
  const emailsTo = (person: Person) => sentNotices(api.config).filter((m) => m.to === person.email);

  it('notifies them in the app and by email with the sender’s name and message, never either email address; once per message', async () => {
    expect(ok(await api.gql(CONTACT, { u: sita.id, m: 'Could we talk about reprisals?' }, min.token)).contactMember).toBe(true);
    ok(await api.gql(CONTACT, { u: sita.id, m: 'Could we talk about reprisals?' }, min.token));
    await waitFor(async () => (await stored(sita)).length === 1 && emailsTo(sita).length === 1);
    const [notice] = await stored(sita);
    // Sita reads Nepali.
    expect(notice.title).toContain('Min Thu');
    expect(notice.body).toContain('Could we talk about reprisals?');
    expect(notice.link).toBe('/directory?text=Min%20Thu');
    const [email] = emailsTo(sita);
    for (const text of [notice.title, notice.body, email.text, email.subject]) {
      expect(text).not.toContain(min.email);
      expect(text).not.toContain(sita.email);
    }
  });

  it('does not link to a sender who is not listed', async () => {
    ok(await api.gql(CONTACT, { u: min.id, m: 'Hello from a hidden member.' }, hari.token));
    await waitFor(async () => (await stored(min)).length === 1);
    expect((await stored(min))[0]).toMatchObject({ link: null });
    expect((await stored(min))[0].body).toContain('Hari Hidden');
  });

  it('reaches only people listed to the sender (admins: anyone), never oneself, with a message of sensible length', async () => {
    expect(errorOf(await api.gql(CONTACT, { u: hari.id, m: 'Hi' }, min.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(CONTACT, { u: nok.id, m: 'Hi' }, min.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(CONTACT, { u: min.id, m: 'Hi' }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(errorOf(await api.gql(CONTACT, { u: sita.id, m: '   ' }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    expect(errorOf(await api.gql(CONTACT, { u: sita.id, m: 'x'.repeat(2001) }, min.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    expect(errorOf(await api.gql(CONTACT, { u: sita.id, m: 'Hi' })).code).toBe('UNAUTHENTICATED');
    expect(ok(await api.gql(CONTACT, { u: hari.id, m: 'An admin writes.' }, admin.token)).contactMember).toBe(true);
    expect(await api.sql(`SELECT 1 FROM outbox WHERE payload->>'userId' = $1 AND payload->>'kind' = 'DIRECTORY_CONTACT'`, [nok.id])).toEqual([]);
  });

  it('is rate-limited per sender', async () => {
    const fresh = await signUp(api, { displayName: 'Fresh Account' });
    // Accounts younger than a week may send 3 an hour.
    for (let i = 0; i < 3; i++) ok(await api.gql(CONTACT, { u: sita.id, m: `Message ${i}` }, fresh.token));
    expect(errorOf(await api.gql(CONTACT, { u: sita.id, m: 'One more' }, fresh.token)).code).toBe('TOO_MANY_REQUESTS');
    // Another sender is not held back by it.
    expect(ok(await api.gql(CONTACT, { u: sita.id, m: 'Mine' }, nok.token)).contactMember).toBe(true);
  });
});

describe('course topics as expertise', () => {
  it('trainers set tidy topics; who completed the course is offered those not yet in their expertise, on their own profile only', async () => {
    const course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
    const update = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(courseId: $id, input: $input) { topics } }`;
    const topics = ok(await api.gql(update, { id: course.id, input: { topics: [' Reprisals ', 'mediation', 'MEDIATION', 'documentation'] } }, trainer.token)).updateCourse.topics;
    expect(topics).toEqual(['Reprisals', 'mediation', 'documentation']);
    expect(errorOf(await api.gql(update, { id: course.id, input: { topics: ['z'.repeat(61)] } }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topics' });
    expect(errorOf(await api.gql(update, { id: course.id, input: { topics: ['x'] } }, min.token)).code).toBe('FORBIDDEN');
    // Readable like the title.
    expect(ok(await api.gql(`query($s: String!) { course(slug: $s) { topics } }`, { s: course.slug })).course.topics).toEqual(topics);

    await enroll(api, sita, course.id);
    expect(ok(await api.gql(MY_PROFILE, {}, sita.token)).myProfile.suggestedExpertise).toEqual([]);
    const outline = ok(await api.gql(`query($s: String!) { course(slug: $s) { modules { lessons { id } } } }`, { s: course.slug }, sita.token)).course;
    const done = await completeLesson(api, sita, outline.modules[0].lessons[0].id);
    expect(done.status).toBe('COMPLETED');
    // Sita already lists "Reprisals".
    expect(ok(await api.gql(MY_PROFILE, {}, sita.token)).myProfile.suggestedExpertise).toEqual(['documentation', 'mediation']);
    const [seenByOthers] = ok(await api.gql(DIRECTORY, { filter: { text: 'Sita' } }, admin.token)).directory;
    expect(seenByOthers.suggestedExpertise).toBeNull();
  });
});

describe('data export and demo data', () => {
  it('"Download my data" holds the profile', async () => {
    const res = await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${sita.token}` } });
    const body = await res.json();
    expect(body.directoryProfile).toMatchObject({ bio: 'I handle complaints of reprisals.', expertise: ['Reprisals', 'complaints handling'], visibility: 'MEMBERS', isFocalPoint: true });
    const newcomer = await signUp(api);
    const none = await (await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${newcomer.token}` } })).json();
    expect(none.directoryProfile).toBeNull();
  });

  it('the demo lists three alumni to members, one of them a focal point; loading it again changes nothing', async () => {
    const db = api.app.get(DataSource);
    await seedDemo(db);
    const count = () => api.sql<{ listed: number; focal: number }>(
      `SELECT count(*) FILTER (WHERE visibility = 'MEMBERS')::int AS listed, count(*) FILTER (WHERE is_focal_point)::int AS focal
         FROM directory_profile p JOIN app_user u ON u.id = p.user_id WHERE u.email LIKE '%@kapwa.example'`,
    );
    expect((await count())[0]).toEqual({ listed: 3, focal: 1 });
    await seedDemo(db);
    expect((await count())[0]).toEqual({ listed: 3, focal: 1 });
  }, 60_000);
});
