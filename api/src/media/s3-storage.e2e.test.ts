import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { PASSWORD, type Person, signUp } from '../platform/testing/factories.js';
import { startTestS3, type TestS3 } from '../platform/testing/s3-server.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { createUpload, patchChunk, tusRequest, uploadAll } from './tus-test-client.js';

/**
 * The whole media path on an S3-compatible bucket (moto's server here; AWS S3, MinIO, SeaweedFS and Ceph
 * speak the same protocol): a resumable upload cut off and resumed, processing that reads the original from
 * the bucket and writes renditions to it, and serving with Range from the bucket. Skipped, saying why, only
 * when no S3 server can be started on this machine.
 */
const started = await startTestS3();
const skipped = 'skipped' in started ? started.skipped : null;
if (skipped) console.warn(`S3 storage tests skipped: ${skipped}`);
const describeWithS3 = skipped ? describe.skip : describe;

let s3: TestS3;
let api: TestApi;
let owner: Person;
let mediaDir: string;
let source: Buffer;

const MEDIA = `query($id: ID!) { mediaAsset(id: $id) { id status failureReason durationSeconds sizeBytes url audioUrl thumbnailUrl } }`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const media = async (id: string, token = owner.token) => (await api.gql(MEDIA, { id }, token)).data?.mediaAsset;
const settled = async (id: string, token = owner.token) => {
  await waitFor(async () => ['READY', 'FAILED'].includes((await media(id, token))?.status), 90_000);
  return media(id, token);
};
const keysUnder = async (prefix: string) =>
  ((await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map((object) => object.Key!).sort();

beforeAll(async () => {
  if (skipped) return;
  s3 = started as TestS3;
  // The folder store's directory, to show nothing lands there when a bucket is configured.
  mediaDir = mkdtempSync(join(tmpdir(), 'kapwa-media-s3-'));
  api = await startTestApi({ MEDIA_DIR: mediaDir, ...s3.env });
  await api.startWorker();
  await signUp(api, { displayName: 'First Admin' });
  owner = await signUp(api, { displayName: 'Filmmaker' });
  // Over 8 MB (the store's part size), so the upload spans a multipart upload's whole parts and a partial one.
  const file = join(mediaDir, '..', `kapwa-s3-source-${process.pid}.mp4`);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-t', '6', '-vf', 'noise=alls=30:allf=t+u', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '22', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    '-metadata', 'location=+35.6895+139.6917/', '-metadata', 'make=Canon', '-metadata', 'model=EOS', '-movflags', 'use_metadata_tags', file,
  ]);
  source = readFileSync(file);
}, 90_000);
afterAll(async () => {
  await api?.close();
  if (!skipped) await (started as TestS3).stop();
});

describeWithS3('media kept in an S3-compatible bucket', () => {
  let id: string;

  it('receives a chunked upload whose connection drops mid-chunk and resumes, byte for byte', async () => {
    expect(source.length).toBeGreaterThan(9 * 1024 * 1024);
    const created = await createUpload(api.url, owner.token, source.length, { filename: 'defenders.mp4', filetype: 'video/mp4', purpose: 'GRANT_VIDEO' });
    expect(created.status).toBe(201);
    id = String(created.headers.location).split('/').pop()!;
    const url = `${api.url}${created.headers.location}`;

    // 3 MB in one chunk, then 6 MB more of which only part arrives before the signal is lost.
    expect((await patchChunk(url, owner.token, 0, source.subarray(0, 3 * 1024 * 1024))).status).toBe(204);
    const cutAt = 3 * 1024 * 1024 + 3 * 1024 * 1024;
    await tusRequest(url, 'PATCH', {
      token: owner.token,
      headers: { 'upload-offset': String(3 * 1024 * 1024), 'content-type': 'application/offset+octet-stream', 'content-length': String(6 * 1024 * 1024) },
      body: (write, _end, cut) => {
        write(source.subarray(3 * 1024 * 1024, cutAt));
        setTimeout(cut, 500);
      },
    });

    // Back online: the server says how much it kept (in the bucket), and the rest follows in 1 MB chunks.
    let offset = 0;
    await waitFor(async () => {
      const head = await tusRequest(url, 'HEAD', { token: owner.token });
      offset = Number(head.headers['upload-offset']);
      return head.status === 200 && offset >= 3 * 1024 * 1024;
    });
    expect(offset).toBeLessThanOrEqual(cutAt);
    expect((await media(id)).status).toBe('UPLOADING');
    while (offset < source.length) {
      const res = await patchChunk(url, owner.token, offset, source.subarray(offset, offset + 1024 * 1024));
      expect(res.status).toBe(204);
      offset = Number(res.headers['upload-offset']);
    }

    const asset = await settled(id);
    expect(asset).toMatchObject({ status: 'READY', failureReason: null, sizeBytes: source.length });
    expect(asset.durationSeconds).toBeGreaterThan(5.5);
    // The original in the bucket is the very file that was sent.
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: id }));
    expect(sha256(Buffer.from(await object.Body!.transformToByteArray()))).toBe(sha256(source));
    const original = await fetch(`${api.url}/media/${id}/original`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(original.status).toBe(200);
    expect(sha256(Buffer.from(await original.arrayBuffer()))).toBe(sha256(source));
  }, 180_000);

  it('keeps renditions made by the worker in the bucket, and nothing in the local folder', async () => {
    expect(await keysUnder(`renditions/${id}/`)).toEqual([`renditions/${id}/audio`, `renditions/${id}/thumbnail`, `renditions/${id}/video`]);
    expect(readdirSync(mediaDir)).toEqual([]);
    const video = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `renditions/${id}/video` }));
    expect(video.ContentType).toBe('video/mp4');
    const file = join(mediaDir, '..', `kapwa-s3-rendition-${process.pid}.mp4`);
    writeFileSync(file, Buffer.from(await video.Body!.transformToByteArray()));
    const tags = execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', file]).toString();
    expect(tags).toMatch(/height=360/);
    for (const leak of ['35.6895', 'Canon', 'EOS']) expect(tags).not.toContain(leak);
  });

  it('serves renditions from the bucket with Range, so a phone can seek', async () => {
    const asset = await media(id);
    const whole = Buffer.from(await (await fetch(`${api.url}${asset.url}`)).arrayBuffer());
    const stored = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `renditions/${id}/video` }));
    expect(sha256(whole)).toBe(sha256(Buffer.from(await stored.Body!.transformToByteArray())));
    const res = await fetch(`${api.url}${asset.url}`, { headers: { range: 'bytes=1000-1999' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${whole.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(1000, 2000))).toBe(true);
    const tail = await fetch(`${api.url}${asset.url}`, { headers: { range: 'bytes=-100' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 100))).toBe(true);
    const thumbnail = await fetch(`${api.url}${asset.thumbnailUrl}`);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
  });

  it('removes every byte of an upload abandoned half way, its unfinished part included', async () => {
    const created = await createUpload(api.url, owner.token, source.length, { filename: 'left.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    const abandoned = String(created.headers.location).split('/').pop()!;
    // 1 MB: less than a part, so it waits in the bucket as the upload's incomplete part.
    expect((await patchChunk(`${api.url}${created.headers.location}`, owner.token, 0, source.subarray(0, 1024 * 1024))).status).toBe(204);
    expect(await keysUnder(abandoned)).toEqual([abandoned + '.info', abandoned + '.part']);
    await api.sql(`UPDATE media_asset SET upload_expires_at = now() - interval '1 minute' WHERE id = $1`, [abandoned]);
    await api.app.get(JobsService).queue('media').add('expire-uploads', {});
    await waitFor(async () => (await keysUnder(abandoned)).length === 0);
    expect(await api.sql(`SELECT id FROM media_asset WHERE id = $1`, [abandoned])).toHaveLength(0);
  });

  it('removes every byte of an upload its owner cancels half way', async () => {
    const created = await createUpload(api.url, owner.token, source.length, { filename: 'oops.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    const cancelled = String(created.headers.location).split('/').pop()!;
    expect((await patchChunk(`${api.url}${created.headers.location}`, owner.token, 0, source.subarray(0, 1024 * 1024))).status).toBe(204);
    expect(await keysUnder(cancelled)).toEqual([cancelled + '.info', cancelled + '.part']);
    expect((await tusRequest(`${api.url}${created.headers.location}`, 'DELETE', { token: owner.token })).status).toBe(204);
    // tus answers first; the rest of the bytes and the row go right after.
    await waitFor(async () => (await keysUnder(cancelled)).length === 0 && (await api.sql(`SELECT id FROM media_asset WHERE id = $1`, [cancelled])).length === 0, 5_000);
  });

  it('removes an assignment video’s original from the bucket after processing, and everything of a deleted account', async () => {
    const leaving = await signUp(api, { displayName: 'Leaving' });
    const attachment = await uploadAll(api.url, leaving.token, source, { filename: 'answer.mp4', filetype: 'video/mp4', purpose: 'ASSIGNMENT_ATTACHMENT' }, 2 * 1024 * 1024);
    expect((await settled(attachment, leaving.token)).status).toBe('READY');
    await waitFor(async () => (await keysUnder(attachment)).every((key) => key.startsWith('renditions/')));
    expect(await keysUnder(`renditions/${attachment}/`)).toHaveLength(3);

    const deleted = await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaving.token);
    expect(deleted.data?.deleteMyAccount).toBe(true);
    await api.app.get(JobsService).queue('media').add('expire-uploads', {});
    await waitFor(async () => (await api.sql(`SELECT id FROM media_asset WHERE id = $1`, [attachment])).length === 0, 30_000);
    expect(await keysUnder(attachment)).toEqual([]);
    expect(await keysUnder(`renditions/${attachment}/`)).toEqual([]);
  }, 180_000);
});
