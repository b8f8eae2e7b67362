import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, type Person, signUp } from '../platform/testing/factories.js';
import { makePdf } from '../platform/testing/pdf.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { createUpload, patchChunk, uploadAll } from './tus-test-client.js';

/** A person's uploads in "Download my data", and gone with their account. */
let api: TestApi;
let mediaDir: string;
let video: Buffer;

const STATUS = `query($id: ID!) { mediaAsset(id: $id) { status } }`;
const settled = (id: string, who: Person) =>
  waitFor(async () => ['READY', 'FAILED'].includes((await api.gql(STATUS, { id }, who.token)).data?.mediaAsset?.status), 60_000);
const myData = async (who: Person) => (await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${who.token}` } })).json();
/** Every file and folder under the media folder that names one of these uploads. */
const bytesOf = (ids: string[]) =>
  ['uploads', 'renditions'].flatMap((folder) => (existsSync(join(mediaDir, folder)) ? readdirSync(join(mediaDir, folder)) : [])).filter((name) => ids.some((id) => name.startsWith(id)));

beforeAll(async () => {
  mediaDir = mkdtempSync(join(tmpdir(), 'kapwa-media-mine-'));
  api = await startTestApi({ MEDIA_DIR: mediaDir });
  await api.startWorker();
  await signUp(api, { displayName: 'First Admin' });
  const file = join(mediaDir, '..', `kapwa-mine-${process.pid}.mp4`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-f', 'lavfi', '-i', 'sine', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', file]);
  video = readFileSync(file);
}, 60_000);
afterAll(() => api.close());

describe('a person’s uploads', () => {
  let owner: Person;
  let other: Person;
  let ids: { video: string; pdf: string; broken: string; unfinished: string };

  beforeAll(async () => {
    owner = await signUp(api, { displayName: 'Uploader' });
    other = await signUp(api, { displayName: 'Someone Else' });
    const pdf = await makePdf('Notes');
    const upload = (bytes: Buffer, filename: string, filetype: string, purpose = 'RESOURCE') => uploadAll(api.url, owner.token, bytes, { filename, filetype, purpose });
    ids = {
      video: await upload(video, 'interview.mp4', 'video/mp4'),
      pdf: await upload(pdf, 'notes.pdf', 'application/pdf', 'ASSIGNMENT_ATTACHMENT'),
      broken: await upload(Buffer.from('<html>not a film</html>'), 'film.mp4', 'video/mp4'),
      unfinished: '',
    };
    const created = await createUpload(api.url, owner.token, video.length, { filename: 'half.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    expect((await patchChunk(`${api.url}${created.headers.location}`, owner.token, 0, video.subarray(0, 1000))).status).toBe(204);
    ids.unfinished = String(created.headers.location).split('/').pop()!;
    for (const id of [ids.video, ids.pdf, ids.broken]) await settled(id, owner);
    await uploadAll(api.url, other.token, pdf, { filename: 'others.pdf', filetype: 'application/pdf', purpose: 'RESOURCE' });
  }, 90_000);

  it('are listed in "Download my data": id, file name, type, size, status and when, and nobody else’s', async () => {
    const { uploads } = await myData(owner);
    expect(uploads).toHaveLength(4);
    const byId = new Map(uploads.map((u: any) => [u.id, u]));
    expect(byId.get(ids.video)).toMatchObject({ filename: 'interview.mp4', type: 'video/mp4', kind: 'VIDEO', purpose: 'RESOURCE', sizeBytes: video.length, status: 'READY', failureReason: null });
    expect(byId.get(ids.pdf)).toMatchObject({ filename: 'notes.pdf', type: 'application/pdf', kind: 'DOCUMENT', status: 'READY', originalKept: false });
    expect(byId.get(ids.broken)).toMatchObject({ filename: 'film.mp4', status: 'FAILED', failureReason: expect.stringMatching(/not a video/) });
    expect(byId.get(ids.unfinished)).toMatchObject({ filename: 'half.mp4', status: 'UPLOADING', sizeBytes: video.length });
    for (const upload of uploads) expect(new Date(upload.createdAt).toISOString()).toBe(upload.createdAt);
    expect(JSON.stringify(uploads)).not.toContain('others.pdf');
    expect((await myData(other)).uploads.map((u: any) => u.filename)).toEqual(['others.pdf']);
  });

  it('go with the account when its owner deletes it: bytes, renditions and rows, without waiting for the sweep', async () => {
    const all = Object.values(ids);
    expect(bytesOf(all).length).toBeGreaterThanOrEqual(3); // the video's original and renditions, the PDF copy, the unfinished bytes
    const deleted = await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, owner.token);
    expect(deleted.data?.deleteMyAccount).toBe(true);
    // The erasure job was written with the deletion (outbox), not left to the 15-minute sweep.
    expect(await api.sql(`SELECT job_name FROM outbox WHERE job_id = $1`, [`erase-account-media.${owner.id}`])).toEqual([{ job_name: 'erase-account-media' }]);
    await waitFor(async () => (await api.sql(`SELECT id FROM media_asset WHERE owner_id = $1`, [owner.id])).length === 0, 30_000);
    expect(bytesOf(all)).toEqual([]);
    // Someone else's files stay.
    expect((await api.sql(`SELECT filename FROM media_asset WHERE owner_id = $1`, [other.id])).map((r) => r.filename)).toEqual(['others.pdf']);
  }, 60_000);
});
