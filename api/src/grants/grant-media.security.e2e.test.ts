import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { uploadAll } from '../media/tus-test-client.js';
import { type Person, signUpAdmin } from '../platform/testing/factories.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { AFTER, ask, ASSIGN, BUDGET, data, DECIDE, DECLARE, member, openCall, organization, reviewer, SAVE, setNow, SUBMIT } from './grant-fixtures.js';

/**
 * An application's video, uploaded for real through /uploads and processed by the worker: who gets its
 * addresses and whom /media serves (the grants rule of MediaAccess). A reviewer with a conflict gets
 * neither; everyone gets it once the application is awarded with public consent.
 */

let api: TestApi;
let admin: Person;
let sita: Person;
let ram: Person;
let outsider: Person;
let hoa: Person;
let lee: Person;
let kim: Person;
let videoId: string;
let applicationId: string;
let leesEarlierUrl: string;

const VIDEO = `query($id: ID!) { grantApplication(id: $id) { video { id status url audioUrl thumbnailUrl } } }`;

function makeVideo(): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'kapwa-grant-')), 'film.mp4');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=22050',
    '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', file,
  ]);
  return readFileSync(file);
}

const get = (path: string, person?: Person) => fetch(`${api.url}${path}`, { headers: person ? { authorization: `Bearer ${person.token}` } : {} });
const videoOf = async (who: Person) => (await data(api, VIDEO, { id: applicationId }, who)).grantApplication?.video ?? null;

beforeAll(async () => {
  api = await startTestApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'kapwa-media-test-')) });
  await api.startWorker();
  admin = await signUpAdmin(api);
  const nhri = await organization(api, admin, 'Human Rights Commission of Nepal', 'NP', 'NHRI');
  sita = await member(api, nhri, 'Sita');
  ram = await member(api, nhri, 'Ram');
  outsider = await member(api, null, 'Outsider');
  hoa = await reviewer(api, admin, 'Hoa');
  lee = await reviewer(api, admin, 'Lee');
  kim = await reviewer(api, admin, 'Kim', nhri);

  videoId = await uploadAll(api.url, sita.token, makeVideo(), { filename: 'film.mp4', filetype: 'video/mp4', purpose: 'GRANT_VIDEO' });
  await waitFor(async () => (await data(api, `query($id: ID!) { mediaAsset(id: $id) { status } }`, { id: videoId }, sita)).mediaAsset.status === 'READY', 60_000);

  const call = await openCall(api, admin);
  applicationId = (
    await data(api, SAVE, { input: { callId: call.id, organizationId: nhri, title: 'Voices', summary: 'A film.', videoId, currency: 'NPR', budgetLines: BUDGET, publicConsent: true } }, ram)
  ).saveGrantApplication.id;
  await data(api, SUBMIT, { id: applicationId }, ram);
  await data(api, ASSIGN, { a: applicationId, r: hoa.id }, admin);
  await data(api, ASSIGN, { a: applicationId, r: lee.id }, admin);
  leesEarlierUrl = (await videoOf(lee)).url;
}, 120_000);
afterAll(() => api.close());

describe("an application's video", () => {
  it("plays for the organization's members, admins and assigned reviewers, by signed address", async () => {
    for (const who of [sita, ram, admin, hoa]) {
      const video = await videoOf(who);
      expect(video).toMatchObject({ id: videoId, status: 'READY', url: expect.stringMatching(new RegExp(`^/media/${videoId}/video\\?v=${who.id}&`)), thumbnailUrl: expect.any(String) });
      const res = await get(video.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('video/mp4');
    }
    // With the bearer token too, and the reviewer never the original (with what the camera wrote into it).
    expect((await get(`/media/${videoId}/video`, hoa)).status).toBe(200);
    expect((await get(`/media/${videoId}/original`, hoa)).status).toBe(404);
  });

  it('is not anyone else’s: other people and visitors get no address and a 404', async () => {
    expect(await data(api, VIDEO, { id: applicationId }, outsider)).toEqual({ grantApplication: null });
    for (const who of [outsider, undefined]) expect((await get(`/media/${videoId}/video`, who)).status).toBe(404);
    expect(errorOf(await ask(api, `query($id: ID!) { mediaAsset(id: $id) { id } }`, { id: videoId }, hoa)).code).toBe('NOT_FOUND');
    // Kim reviews, but belongs to the applicant organization: she cannot be its reviewer, and sees it as a colleague only.
    expect(errorOf(await ask(api, ASSIGN, { a: applicationId, r: kim.id }, admin)).code).toBe('CONFLICT');
    expect((await data(api, `{ myReviewQueue { id } }`, {}, kim)).myReviewQueue).toEqual([]);
  });

  it('is closed to a reviewer who declares a conflict: no address, and the address they had stops working', async () => {
    expect((await get(leesEarlierUrl)).status).toBe(200);
    await data(api, DECLARE, { a: applicationId, reason: 'I know the team.' }, lee);
    expect(await data(api, VIDEO, { id: applicationId }, lee)).toEqual({ grantApplication: null });
    expect((await get(leesEarlierUrl)).status).toBe(404);
    expect((await get(`/media/${videoId}/video`, lee)).status).toBe(404);
    expect((await get(`/media/${videoId}/thumbnail`, lee)).status).toBe(404);
    expect(errorOf(await ask(api, `query($id: ID!) { mediaAsset(id: $id) { id } }`, { id: videoId }, lee)).code).toBe('NOT_FOUND');
  });

  it('is public once the application is awarded with public consent (not the original)', async () => {
    expect((await data(api, `{ caseStudies { id } }`, {})).caseStudies).toEqual([]);
    setNow(api, AFTER);
    await data(api, DECIDE, { a: applicationId, s: 'AWARDED' }, admin);
    const [study] = (await data(api, `{ caseStudies { id video { id url thumbnailUrl } } }`, {})).caseStudies;
    expect(study).toEqual({ id: applicationId, video: { id: videoId, url: `/media/${videoId}/video`, thumbnailUrl: `/media/${videoId}/thumbnail` } });
    expect((await get(study.video.url)).status).toBe(200);
    expect((await get(`/media/${videoId}/original`)).status).toBe(404);
    // Even the conflicted reviewer may now watch it, as anyone may.
    expect((await get(`/media/${videoId}/video`, lee)).status).toBe(200);
  });
});
