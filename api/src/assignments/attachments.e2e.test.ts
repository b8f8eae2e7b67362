import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MediaAccess } from '../media/media-access.js';
import { createUpload, uploadAll } from '../media/tus-test-client.js';
import { buildCourse, type CourseOutline, enroll, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { addMember, createAssignment, data, RETURN, SAVE, SUBMIT } from './assignment-fixtures.js';

/**
 * Files attached to submissions, uploaded for real through /uploads and processed by the worker: who may
 * see them (the assignments rule of MediaAccess) and what attachmentIds accepts.
 */

let api: TestApi;
let admin: Person;
let trainer: Person;
let otherTrainer: Person;
let sita: Person;
let ram: Person;
let malee: Person;
let outsider: Person;
let course: CourseOutline;
let video: Buffer;

const ASSET = `id filename status url audioUrl thumbnailUrl`;
const MEDIA = `query($id: ID!) { mediaAsset(id: $id) { id status failureReason } }`;
const ALL = `query($id: ID!) { assignment(id: $id) { submissions { id attachments { ${ASSET} } } } }`;
const MINE = `query($id: ID!) { assignment(id: $id) { mySubmission { id attachments { ${ASSET} } } } }`;
const SHARED = `query($id: ID!) { assignment(id: $id) { sharedSubmissions { id attachments { ${ASSET} } } } }`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A short video with sound, made here with ffmpeg. */
function makeVideo(): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'kapwa-attachment-')), 'interview.mp4');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=22050',
    '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', file,
  ]);
  return readFileSync(file);
}

/** Uploads through tus as the web app does, then waits for the worker to finish with it. */
async function upload(owner: Person, bytes: Buffer, filename: string, filetype: string, purpose = 'ASSIGNMENT_ATTACHMENT'): Promise<string> {
  const id = await uploadAll(api.url, owner.token, bytes, { filename, filetype, purpose });
  await waitFor(async () => ['READY', 'FAILED'].includes((await api.gql(MEDIA, { id }, owner.token)).data?.mediaAsset?.status), 60_000);
  return id;
}

const get = (path: string, person?: Person) => fetch(`${api.url}${path}`, { headers: person ? { authorization: `Bearer ${person.token}` } : {} });
const attachmentsOf = async (query: string, assignmentId: string, who: Person, key: 'submissions' | 'mySubmission' | 'sharedSubmissions') => {
  const found = (await data(api, query, { id: assignmentId }, who)).assignment[key];
  return (Array.isArray(found) ? found.flatMap((s: any) => s.attachments) : (found?.attachments ?? [])) as any[];
};

beforeAll(async () => {
  api = await startTestApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'kapwa-media-test-')) });
  await api.startWorker();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  otherTrainer = await signUpTrainer(api, admin);
  sita = await signUp(api, { displayName: 'Sita' });
  ram = await signUp(api, { displayName: 'Ram' });
  malee = await signUp(api, { displayName: 'Malee' });
  outsider = await signUp(api, { displayName: 'Outsider' });
  course = await buildCourse(api, trainer, { lessonsPerModule: [1] });
  await buildCourse(api, otherTrainer, { lessonsPerModule: [1] });
  await addMember(api, admin, course.id, sita, 'Nepal');
  await addMember(api, admin, course.id, ram, 'Nepal');
  await addMember(api, admin, course.id, malee, 'Thailand');
  await enroll(api, outsider, (await buildCourse(api, otherTrainer, { lessonsPerModule: [1] })).id);
  video = makeVideo();
}, 60_000);
afterAll(() => api.close());

describe('a video attached to individual work', () => {
  let assignmentId: string;
  let id: string;

  beforeAll(async () => {
    assignmentId = (await createAssignment(api, trainer, course.id)).id;
    id = await upload(sita, video, 'interview.mp4', 'video/mp4');
    await data(api, SAVE, { a: assignmentId, b: 'My interview', attachmentIds: [id] }, sita);
  }, 90_000);

  it('plays for its grader: video, sound only and thumbnail, by signed address and by bearer token', async () => {
    const [seen] = await attachmentsOf(ALL, assignmentId, trainer, 'submissions');
    expect(seen).toMatchObject({ id, filename: 'interview.mp4', status: 'READY' });
    for (const field of ['url', 'audioUrl', 'thumbnailUrl']) {
      expect(seen[field]).toMatch(new RegExp(`^/media/${id}/`));
      expect((await get(seen[field])).status).toBe(200);
    }
    for (const name of ['video', 'audio', 'thumbnail']) expect((await get(`/media/${id}/${name}`, trainer)).status).toBe(200);
    // The writer reads their own attachment too.
    expect((await attachmentsOf(MINE, assignmentId, sita, 'mySubmission'))[0].url).toMatch(/^\/media\//);
  });

  it('is nobody else’s: another learner of the course, a trainer of another course and an outsider get 404 and no address', async () => {
    for (const person of [malee, otherTrainer, outsider]) {
      for (const name of ['video', 'audio', 'thumbnail']) expect((await get(`/media/${id}/${name}`, person)).status).toBe(404);
      expect(errorOf(await api.gql(MEDIA, { id }, person.token)).code).toBe('NOT_FOUND');
    }
    // Malee reads no work of Sita's: not shared, and not hers.
    expect(await attachmentsOf(SHARED, assignmentId, malee, 'sharedSubmissions')).toEqual([]);
    expect(await attachmentsOf(MINE, assignmentId, malee, 'mySubmission')).toEqual([]);
    expect(errorOf(await api.gql(ALL, { id: assignmentId }, malee.token)).code).toBe('FORBIDDEN');
    // The grader's signed address claimed for someone else is refused.
    const [seen] = await attachmentsOf(ALL, assignmentId, trainer, 'submissions');
    expect((await get(seen.url.replace(/v=[^&]+/, `v=${malee.id}`))).status).toBe(404);
  });

  it('is seen by admins', async () => {
    expect((await get(`/media/${id}/video`, admin)).status).toBe(200);
  });
});

describe('files of group work', () => {
  let assignmentId: string;
  let plan: string;
  let draft: string;

  beforeAll(async () => {
    assignmentId = (await createAssignment(api, trainer, course.id, { title: "Your country's action plan", groupWork: true })).id;
    [plan, draft] = await Promise.all([upload(sita, PDF, 'plan.pdf', 'application/pdf'), upload(sita, PDF, 'draft.pdf', 'application/pdf')]);
    await data(api, SAVE, { a: assignmentId, b: 'Our plan', attachmentIds: [plan] }, sita);
  }, 90_000);

  it('are seen by every member of the group, and by nobody in another group', async () => {
    const [seen] = await attachmentsOf(MINE, assignmentId, ram, 'mySubmission');
    expect(seen).toMatchObject({ id: plan, filename: 'plan.pdf', status: 'READY' });
    // A document is its own file: its address gives the PDF.
    const res = await get(seen.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await get(`/media/${plan}/original`, ram)).status).toBe(200);
    expect((await get(`/media/${plan}/original`, malee)).status).toBe(404);
    expect((await get(`/media/${plan}/original`, outsider)).status).toBe(404);
    expect((await get(`/media/${plan}/original`, trainer)).status).toBe(200);
  });

  it('may be kept by a member who did not upload them, but not extended with another member’s other files', async () => {
    const kept = (await data(api, SAVE, { a: assignmentId, b: 'Our plan, edited by Ram', attachmentIds: [plan] }, ram)).saveSubmissionDraft;
    expect(kept.version).toBeGreaterThan(1);
    expect((await attachmentsOf(MINE, assignmentId, ram, 'mySubmission')).map((a) => a.id)).toEqual([plan]);
    expect(errorOf(await api.gql(SAVE, { a: assignmentId, b: 'x', attachmentIds: [plan, draft] }, ram.token))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'attachmentIds',
    });
    // Sita's unattached draft stays hers alone.
    expect((await get(`/media/${draft}/original`, ram)).status).toBe(404);
  });

  it('stop being seen by a member who leaves the group', async () => {
    await addMember(api, admin, course.id, ram, 'Thailand');
    expect((await get(`/media/${plan}/original`, ram)).status).toBe(404);
    await addMember(api, admin, course.id, ram, 'Nepal');
    expect((await get(`/media/${plan}/original`, ram)).status).toBe(200);
  });
});

describe('files of work shared with the cohort', () => {
  it('are seen by the course’s members only once handed in, and no longer once returned for revision', async () => {
    const assignmentId = (await createAssignment(api, trainer, course.id, { title: 'Country report', shareWithCohort: true })).id;
    const report = await upload(sita, PDF, 'report.pdf', 'application/pdf');
    await data(api, SAVE, { a: assignmentId, b: 'Draft report', attachmentIds: [report] }, sita);
    expect((await get(`/media/${report}/original`, malee)).status).toBe(404);
    expect(await attachmentsOf(SHARED, assignmentId, malee, 'sharedSubmissions')).toEqual([]);

    const submitted = (await data(api, SUBMIT, { a: assignmentId, b: 'Final report' }, sita)).submitAssignment;
    const [seen] = await attachmentsOf(SHARED, assignmentId, malee, 'sharedSubmissions');
    expect(seen).toMatchObject({ id: report, status: 'READY' });
    expect((await get(seen.url)).status).toBe(200);
    expect((await get(`/media/${report}/original`, malee)).status).toBe(200);
    // An outsider neither reads the cohort's work nor reaches its files.
    expect(errorOf(await api.gql(SHARED, { id: assignmentId }, outsider.token)).code).toBe('FORBIDDEN');
    expect((await get(`/media/${report}/original`, outsider)).status).toBe(404);

    // Returned for revision it is a draft again: the cohort's right ends at once, signed address included.
    await data(api, RETURN, { s: submitted.id, c: 'Add sources' }, trainer);
    expect((await get(seen.url)).status).toBe(404);
    expect((await get(`/media/${report}/original`, malee)).status).toBe(404);
    expect((await get(`/media/${report}/original`, trainer)).status).toBe(200);
  }, 60_000);
});

describe('attachmentIds', () => {
  it('accepts only the writer’s own assignment uploads that did not fail (BAD_USER_INPUT on attachmentIds)', async () => {
    const assignmentId = (await createAssignment(api, trainer, course.id)).id;
    const maleeFile = await upload(malee, PDF, 'malee.pdf', 'application/pdf');
    const broken = await upload(sita, Buffer.from('<html><body>not a document</body></html>'), 'notes.pdf', 'application/pdf');
    expect((await api.gql(MEDIA, { id: broken }, sita.token)).data?.mediaAsset.status).toBe('FAILED');
    // An upload for something else (a grant video), still in progress.
    const created = await createUpload(api.url, sita.token, video.length, { filename: 'grant.mp4', filetype: 'video/mp4', purpose: 'GRANT_VIDEO' });
    const grantVideo = String(created.headers.location).split('/').pop()!;
    for (const attachmentIds of [[maleeFile], [broken], [grantVideo]]) {
      expect(errorOf(await api.gql(SAVE, { a: assignmentId, b: 'x', attachmentIds }, sita.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
      expect(errorOf(await api.gql(SUBMIT, { a: assignmentId, b: 'x', attachmentIds }, sita.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
    }
    // An upload of her own still on its way is fine: it shows as uploading until it is ready.
    const created2 = await createUpload(api.url, sita.token, PDF.length, { filename: 'late.pdf', filetype: 'application/pdf', purpose: 'ASSIGNMENT_ATTACHMENT' });
    const onItsWay = String(created2.headers.location).split('/').pop()!;
    await data(api, SAVE, { a: assignmentId, b: 'x', attachmentIds: [onItsWay] }, sita);
    expect(await attachmentsOf(MINE, assignmentId, sita, 'mySubmission')).toEqual([
      { id: onItsWay, filename: 'late.pdf', status: 'UPLOADING', url: null, audioUrl: null, thumbnailUrl: null },
    ]);
  }, 60_000);
});

describe('the assignments rule', () => {
  it('answers for any number of files in one SQL statement', async () => {
    const assignmentId = (await createAssignment(api, trainer, course.id)).id;
    const ids = (
      await api.sql<{ id: string }>(
        `INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status)
         SELECT gen_random_uuid(), $1, 'ASSIGNMENT_ATTACHMENT', 'file-' || n || '.pdf', 'application/pdf', 10, 'READY' FROM generate_series(1, 20) n RETURNING id`,
        [sita.id],
      )
    ).map((row) => row.id);
    await data(api, SAVE, { a: assignmentId, b: 'Twenty files', attachmentIds: ids.slice(0, 15) }, sita);
    const access = api.app.get(MediaAccess);
    const db = api.app.get(DataSource);
    const spy = jest.spyOn(db, 'query');
    try {
      const assets = ids.map((id) => ({ id, ownerId: sita.id }));
      const forTrainer = await access.visible({ id: trainer.id, roles: [] }, assets);
      expect(forTrainer.map((a) => a.id).sort()).toEqual(ids.slice(0, 15).sort());
      // Other capabilities' rules (grants) are asked too, each in its own statement: count this rule's.
      const ofThisRule = () => spy.mock.calls.filter(([sql]) => String(sql).includes('FROM submission_attachment')).length;
      expect(ofThisRule()).toBe(1);
      expect(await access.visible({ id: malee.id, roles: [] }, assets)).toEqual([]);
      expect(ofThisRule()).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
