import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { uploadAll } from '../media/tus-test-client.js';
import { type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { makePdf } from '../platform/testing/pdf.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { ADD, LIST, linkInput, ok, SUGGEST } from './resource-fixtures.js';

/**
 * A library file, uploaded for real through /uploads and processed by the worker: it must be the adder's
 * own upload for the library, and /media serves it to whoever reads its resource (the library's rule of
 * MediaAccess): signed-in members for a published one, the suggester and admins for a suggestion, never
 * someone signed out.
 */

let api: TestApi;
let admin: Person;
let trainer: Person;
let member: Person;
let other: Person;

const get = (path: string, person?: Person) => fetch(`${api.url}${path}`, { headers: person ? { authorization: `Bearer ${person.token}` } : {} });

async function upload(who: Person, purpose = 'RESOURCE'): Promise<string> {
  const id = await uploadAll(api.url, who.token, await makePdf('Safety planning'), { filename: 'safety.pdf', filetype: 'application/pdf', purpose });
  await waitFor(async () => (await api.sql<{ status: string }>(`SELECT status FROM media_asset WHERE id = $1`, [id]))[0]?.status === 'READY', 60_000);
  return id;
}

const fileInput = (mediaAssetId: string, extra: Record<string, unknown> = {}) => ({ ...linkInput({ url: null }), mediaAssetId, ...extra });

beforeAll(async () => {
  api = await startTestApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'kapwa-resources-media-')) });
  await api.startWorker();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  member = await signUp(api, { displayName: 'Member' });
  other = await signUp(api, { displayName: 'Other' });
}, 60_000);
afterAll(() => api.close());

describe('a file in the library', () => {
  it("is the adder's own upload for the library; its address is served to signed-in members only", async () => {
    const assetId = await upload(trainer);
    // Someone else's upload, or one made for another purpose, is refused.
    expect(errorOf(await api.gql(ADD, { input: fileInput(assetId) }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mediaAssetId' });
    const forAssignment = await upload(trainer, 'ASSIGNMENT_ATTACHMENT');
    expect(errorOf(await api.gql(ADD, { input: fileInput(forAssignment) }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mediaAssetId' });

    const added = ok(await api.gql(ADD, { input: fileInput(assetId, { title: 'Safety planning' }) }, trainer.token)).addResource;
    expect(added).toMatchObject({ kind: 'FILE', file: { id: assetId, status: 'READY' } });
    expect(errorOf(await api.gql(ADD, { input: fileInput(assetId) }, trainer.token))).toMatchObject({ code: 'CONFLICT', field: 'mediaAssetId' });

    const seen = (await ok(await api.gql(LIST, { text: 'Safety planning' }, member.token)).resources)[0];
    expect(seen.url).toMatch(new RegExp(`^/media/${assetId}/document\\?v=${member.id}&`));
    expect(seen.file.url).toBe(seen.url);
    const res = await get(seen.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect((await get(`/media/${assetId}/document`, member)).status).toBe(200);
    // Signed out: nothing, not even the address.
    expect(await ok(await api.gql(LIST, { text: 'Safety planning' })).resources).toEqual([]);
    expect((await get(`/media/${assetId}/document`)).status).toBe(404);
    // The original stays with its owner and admins.
    expect((await get(`/media/${assetId}/original`, member)).status).toBe(404);
  }, 120_000);

  it("a suggested file is seen by its suggester and admins only, until approved", async () => {
    const assetId = await upload(member);
    const suggested = ok(await api.gql(SUGGEST, { input: fileInput(assetId, { title: 'Member file' }) }, member.token)).suggestResource;
    expect(suggested).toMatchObject({ status: 'SUGGESTED', kind: 'FILE' });
    expect((await get(`/media/${assetId}/document`, other)).status).toBe(404);
    expect((await get(`/media/${assetId}/document`, admin)).status).toBe(200);
    ok(await api.gql(`mutation($id: ID!) { reviewResourceSuggestion(id: $id, approve: true) { id } }`, { id: suggested.id }, admin.token));
    expect((await get(`/media/${assetId}/document`, other)).status).toBe(200);
  }, 120_000);
});
