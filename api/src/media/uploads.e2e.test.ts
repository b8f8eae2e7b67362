import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { PASSWORD, type Person, signUp, signUpAdmin } from '../platform/testing/factories.js';
import { MediaAccess } from './media-access.js';
import { processJobId } from './media.service.js';
import { errorOf, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { createUpload, patchChunk, tusRequest, uploadAll } from './tus-test-client.js';

let api: TestApi;
let owner: Person;
let stranger: Person;
let admin: Person;
let mediaDir: string;
let work: string;
let source: Buffer;

const MEDIA = `query($id: ID!) { mediaAsset(id: $id) { id filename status failureReason durationSeconds contentType sizeBytes url audioUrl thumbnailUrl } }`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A few seconds of video with sound, a GPS position, a camera and a time of filming in its metadata. */
function makeVideo(file: string, extra: string[] = []) {
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=25',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    '-t', '4', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    '-metadata', 'location=+35.6895+139.6917/', '-metadata', 'make=Canon', '-metadata', 'model=EOS',
    '-metadata', 'creation_time=2025-06-01T10:00:00Z', '-metadata', 'com.apple.quicktime.location.ISO6709=+35.6895+139.6917/',
    '-metadata', 'com.apple.quicktime.make=Apple', '-metadata', 'com.apple.quicktime.model=iPhone',
    '-movflags', 'use_metadata_tags', ...extra, file,
  ]);
  return readFileSync(file);
}

function tagsOf(file: string): string {
  return execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', file]).toString();
}

async function media(id: string, token = owner.token) {
  return (await api.gql(MEDIA, { id }, token)).data?.mediaAsset;
}

async function settled(id: string) {
  await waitFor(async () => ['READY', 'FAILED'].includes((await media(id))?.status), 60_000);
  return media(id);
}

beforeAll(async () => {
  mediaDir = mkdtempSync(join(tmpdir(), 'kapwa-media-test-'));
  work = mkdtempSync(join(tmpdir(), 'kapwa-media-src-'));
  api = await startTestApi({ MEDIA_DIR: mediaDir, MEDIA_MAX_UNFINISHED_UPLOADS: '3' });
  await api.startWorker();
  admin = await signUpAdmin(api);
  owner = await signUp(api, { displayName: 'Filmmaker' });
  stranger = await signUp(api, { displayName: 'Stranger' });
  source = makeVideo(join(work, 'source.mp4'));
}, 60_000);
afterAll(() => api.close());

describe('a video uploaded over a connection that drops', () => {
  let id: string;

  it('arrives whole after the connection is cut mid-chunk and the upload resumes from the offset the server reports', async () => {
    const created = await createUpload(api.url, owner.token, source.length, { filename: 'defenders.mp4', filetype: 'video/mp4', purpose: 'GRANT_VIDEO' });
    expect(created.status).toBe(201);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/uploads\/[0-9a-f-]{36}$/);
    id = location.split('/').pop()!;
    const url = `${api.url}${location}`;

    // The first chunk's bytes stop arriving halfway: the phone lost its signal.
    const half = Math.floor(source.length / 2);
    await tusRequest(url, 'PATCH', {
      token: owner.token,
      headers: { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(source.length) },
      body: (write, _end, cut) => {
        write(source.subarray(0, half));
        setTimeout(cut, 300);
      },
    });

    // Back online: the server says how much it kept, and the rest follows from there, in chunks.
    let offset = 0;
    await waitFor(async () => {
      const head = await tusRequest(url, 'HEAD', { token: owner.token });
      offset = Number(head.headers['upload-offset']);
      return head.status === 200 && offset > 0;
    });
    expect(offset).toBeLessThanOrEqual(half);
    expect((await media(id)).status).toBe('UPLOADING');
    const chunk = 64 * 1024;
    while (offset < source.length) {
      const res = await patchChunk(url, owner.token, offset, source.subarray(offset, offset + chunk));
      expect(res.status).toBe(204);
      offset = Number(res.headers['upload-offset']);
    }

    const asset = await settled(id);
    expect(asset).toMatchObject({ status: 'READY', failureReason: null, filename: 'defenders.mp4', sizeBytes: source.length });
    expect(asset.durationSeconds).toBeGreaterThan(3.5);
    expect(asset.durationSeconds).toBeLessThan(4.5);
    // The original (kept for a grant's video, for its owner) is the very file that was sent.
    const original = await fetch(`${api.url}/media/${id}/original`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(original.status).toBe(200);
    expect(sha256(Buffer.from(await original.arrayBuffer()))).toBe(sha256(source));
  }, 90_000);

  it('plays as a low-bitrate video, an audio-only recording and a thumbnail that say nothing of where, when or with what it was filmed', async () => {
    const asset = await media(id);
    for (const [field, type] of [
      ['url', 'video/mp4'],
      ['audioUrl', 'audio/mp4'],
      ['thumbnailUrl', 'image/jpeg'],
    ] as const) {
      // Signed paths work without a token: that is what <video src> sends.
      const res = await fetch(`${api.url}${asset[field]}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toMatch(/^private/);
      const file = join(work, `${field}.out`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const tags = tagsOf(file);
      const tagLines = tags.split('\n').filter((line) => line.startsWith('TAG:')).join('\n');
      for (const leak of ['location', '35.6895', 'Canon', 'EOS', 'make', 'model', 'creation_time', 'com.apple', 'iPhone', '2025-06-01']) {
        expect(tagLines).not.toContain(leak);
      }
      if (field === 'url') {
        expect(tags).toMatch(/codec_name=h264/);
        expect(tags).toMatch(/height=360/);
        const bitRate = Number(/\[FORMAT\][\s\S]*?bit_rate=(\d+)/.exec(tags)![1]);
        expect(bitRate).toBeLessThan(500_000);
        expect(tags).toMatch(/codec_name=aac/);
      }
      if (field === 'audioUrl') expect(tags).not.toMatch(/codec_type=video/);
    }
  });

  it('answers Range requests with 206 and exactly the bytes asked for, so a phone can seek', async () => {
    const asset = await media(id);
    const whole = Buffer.from(await (await fetch(`${api.url}${asset.url}`)).arrayBuffer());
    const res = await fetch(`${api.url}${asset.url}`, { headers: { range: 'bytes=1000-1999' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${whole.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(1000, 2000))).toBe(true);
    const tail = await fetch(`${api.url}${asset.url}`, { headers: { range: 'bytes=-100' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 100))).toBe(true);
    const beyond = await fetch(`${api.url}${asset.url}`, { headers: { range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
  });

  it('is nobody else’s: another person finds no such media, by GraphQL, by their token or by a forged address', async () => {
    expect(errorOf(await api.gql(MEDIA, { id }, stranger.token)).code).toBe('NOT_FOUND');
    for (const name of ['video', 'audio', 'thumbnail', 'original']) {
      expect((await fetch(`${api.url}/media/${id}/${name}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
      expect((await fetch(`${api.url}/media/${id}/${name}`)).status).toBe(404);
    }
    const signed = (await media(id)).url as string;
    // The same address signed for the owner, claimed for someone else, or kept past its expiry: refused.
    expect((await fetch(`${api.url}${signed.replace(/v=[^&]+/, `v=${stranger.id}`)}`)).status).toBe(404);
    expect((await fetch(`${api.url}${signed.replace(/e=\d+/, 'e=1000000000')}`)).status).toBe(404);
    expect((await fetch(`${api.url}${signed.replace(/\/video\?/, '/original?')}`)).status).toBe(404);
  });

  it('is seen by whoever a capability’s registered rule lets in (renditions only), and by admins (the original too)', async () => {
    const grader = await signUp(api, { displayName: 'Grader' });
    api.app.get(MediaAccess).register({
      name: 'test-graders',
      visibleAmong: async (viewer, ids) => new Set(viewer?.id === grader.id ? ids.filter((asset) => asset === id) : []),
    });
    const as = (person: Person, name: string) => fetch(`${api.url}/media/${id}/${name}`, { headers: { authorization: `Bearer ${person.token}` } });
    expect((await as(grader, 'video')).status).toBe(200);
    expect((await as(grader, 'audio')).status).toBe(200);
    expect((await as(grader, 'original')).status).toBe(404);
    expect((await as(stranger, 'video')).status).toBe(404);
    // GraphQL's mediaAsset stays the owner's and admins' (graders reach attachments through what they grade).
    expect(errorOf(await api.gql(MEDIA, { id }, grader.token)).code).toBe('NOT_FOUND');
    const seen = await media(id, admin.token);
    expect(seen.status).toBe('READY');
    expect((await as(admin, 'original')).status).toBe(200);
  });
});

describe('the upload endpoint', () => {
  it('lets only the owner see, continue or cancel an unfinished upload: anyone else gets 404', async () => {
    const created = await createUpload(api.url, owner.token, 1000, { filename: 'mine.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    const url = `${api.url}${created.headers.location}`;
    expect((await tusRequest(url, 'HEAD', { token: stranger.token })).status).toBe(404);
    expect((await patchChunk(url, stranger.token, 0, Buffer.alloc(100))).status).toBe(404);
    expect((await tusRequest(url, 'DELETE', { token: stranger.token })).status).toBe(404);
    expect((await tusRequest(url, 'HEAD')).status).toBe(401);
    const head = await tusRequest(url, 'HEAD', { token: owner.token });
    expect(head.status).toBe(200);
    expect(head.headers['upload-offset']).toBe('0');
    // The owner cancels: nothing of it remains.
    expect((await tusRequest(url, 'DELETE', { token: owner.token })).status).toBe(204);
    expect(await api.sql(`SELECT id FROM media_asset WHERE id = $1`, [String(created.headers.location).split('/').pop()])).toHaveLength(0);
  });

  it('refuses ids that are not its own UUIDs, such as paths that climb out of the upload folder', async () => {
    writeFileSync(join(mediaDir, 'secret'), 'not yours');
    for (const path of ['..%2Fsecret', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2fsecret', 'abc', '00000000-0000-0000-0000-000000000000%2F..%2Fsecret', `${'a'.repeat(8)}-aaaa-4aaa-8aaa-${'a'.repeat(12)}/extra`]) {
      for (const method of ['HEAD', 'PATCH', 'DELETE']) {
        const res = await tusRequest(`${api.url}/uploads/${path}`, method, {
          token: owner.token,
          headers: method === 'PATCH' ? { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' } : {},
        });
        expect(res.status).toBe(404);
      }
    }
    expect(readFileSync(join(mediaDir, 'secret'), 'utf8')).toBe('not yours');
  });

  it('refuses a file over its purpose’s limit, or of a type not accepted, before any byte is stored', async () => {
    const before = await api.sql(`SELECT count(*)::int AS n FROM media_asset`);
    const tooLarge = await createUpload(api.url, owner.token, 2 * 1024 ** 3 + 1, { filename: 'long.mp4', filetype: 'video/mp4', purpose: 'GRANT_VIDEO' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatch(/too large/);
    const bigDocument = await createUpload(api.url, owner.token, 51 * 1024 ** 2, { filename: 'report.pdf', filetype: 'application/pdf', purpose: 'RESOURCE' });
    expect(bigDocument.status).toBe(413);
    const page = await createUpload(api.url, owner.token, 100, { filename: 'page.html', filetype: 'text/html', purpose: 'RESOURCE' });
    expect(page.status).toBe(415);
    const pdfAsGrantVideo = await createUpload(api.url, owner.token, 100, { filename: 'report.pdf', filetype: 'application/pdf', purpose: 'GRANT_VIDEO' });
    expect(pdfAsGrantVideo.status).toBe(415);
    expect((await createUpload(api.url, undefined, 100, { filename: 'a.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' })).status).toBe(401);
    expect(await api.sql(`SELECT count(*)::int AS n FROM media_asset`)).toEqual(before);
  });

  it('lets a person have only a few unfinished uploads at a time', async () => {
    const hurried = await signUp(api, { displayName: 'Hurried' });
    const create = () => createUpload(api.url, hurried.token, 1000, { filename: 'a.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/unfinished uploads/);
  });

  it('removes the bytes of an upload abandoned past its expiry, by the scheduled job', async () => {
    const created = await createUpload(api.url, owner.token, 10_000, { filename: 'left.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    const id = String(created.headers.location).split('/').pop()!;
    expect((await patchChunk(`${api.url}${created.headers.location}`, owner.token, 0, source.subarray(0, 4000))).status).toBe(204);
    expect(existsSync(join(mediaDir, 'uploads', id))).toBe(true);
    await api.sql(`UPDATE media_asset SET upload_expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    await api.app.get(JobsService).queue('media').add('expire-uploads', {});
    await waitFor(() => !existsSync(join(mediaDir, 'uploads', id)));
    expect(existsSync(join(mediaDir, 'uploads', `${id}.json`))).toBe(false);
    expect(await api.sql(`SELECT id FROM media_asset WHERE id = $1`, [id])).toHaveLength(0);
    expect((await tusRequest(`${api.url}${created.headers.location}`, 'HEAD', { token: owner.token })).status).toBe(404);
  });
});

describe('processing that gave up on something other than the file', () => {
  it('is tried again by the sweep, and ends READY', async () => {
    // A finished upload whose job failed for good while its bytes were out of reach (storage away, ffmpeg missing).
    const [{ id }] = await api.sql(
      `INSERT INTO media_asset (id, owner_id, purpose, filename, content_type, size_bytes, status, updated_at)
       VALUES (gen_random_uuid(), $1, 'RESOURCE', 'late.mp4', 'video/mp4', $2, 'PROCESSING', now() - interval '1 hour') RETURNING id`,
      [owner.id, source.length],
    );
    const queue = api.app.get(JobsService).queue('media');
    const job = await queue.add('process-media', { assetId: id }, { jobId: processJobId(id), attempts: 1 });
    await waitFor(async () => (await job.getState()) === 'failed');
    expect((await media(id)).status).toBe('PROCESSING');

    // The bytes are back; the next sweep tries the job again.
    writeFileSync(join(mediaDir, 'uploads', id), source);
    await queue.add('expire-uploads', {});
    const asset = await settled(id);
    expect(asset.status).toBe('READY');
    expect(asset.durationSeconds).toBeGreaterThan(3.5);
  }, 60_000);
});

describe('an account deleted by its owner', () => {
  it('takes its uploads with it: the sweep removes their bytes, renditions and rows', async () => {
    const leaving = await signUp(api, { displayName: 'Leaving' });
    const id = await uploadAll(api.url, leaving.token, source, { filename: 'mine.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    await waitFor(async () => (await media(id, leaving.token))?.status === 'READY', 60_000);
    expect(existsSync(join(mediaDir, 'renditions', id, 'video'))).toBe(true);
    const deleted = await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaving.token);
    expect(deleted.data?.deleteMyAccount).toBe(true);
    await api.app.get(JobsService).queue('media').add('expire-uploads', {});
    await waitFor(async () => (await api.sql(`SELECT id FROM media_asset WHERE id = $1`, [id])).length === 0);
    expect(existsSync(join(mediaDir, 'renditions', id))).toBe(false);
    expect(existsSync(join(mediaDir, 'uploads', id))).toBe(false);
  }, 60_000);
});

describe('files that are not what they claim', () => {
  const attach = async (bytes: Buffer, filename: string, filetype: string, purpose = 'ASSIGNMENT_ATTACHMENT') => settled(await uploadAll(api.url, owner.token, bytes, { filename, filetype, purpose }));

  it('a web page renamed .mp4 ends FAILED with a reason a person understands', async () => {
    const asset = await attach(Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'video.mp4', 'video/mp4');
    expect(asset.status).toBe('FAILED');
    expect(asset.failureReason).toMatch(/not a video, a sound recording or a document/);
    expect(asset.url).toBeNull();
  });

  it('a polyglot (an MP4 header in front of a web page) ends FAILED', async () => {
    const header = source.subarray(0, 32);
    const asset = await attach(Buffer.concat([header, Buffer.from('<html><script>alert(document.cookie)</script></html>'.repeat(50))]), 'clip.mp4', 'video/mp4');
    expect(asset.status).toBe('FAILED');
    expect(asset.failureReason).toMatch(/could not be read as a video/);
  });

  it('a truncated video (the recording stopped before its end) ends FAILED', async () => {
    const asset = await attach(source.subarray(0, Math.floor(source.length * 0.6)), 'cut.mp4', 'video/mp4');
    expect(asset.status).toBe('FAILED');
    expect(asset.failureReason).toMatch(/damaged, incomplete/);
  });

  it('a PDF is READY as it is, with no renditions, and downloads (never inline) for its owner', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const asset = await attach(pdf, 'essay.pdf', 'application/pdf');
    expect(asset).toMatchObject({ status: 'READY', audioUrl: null, thumbnailUrl: null, contentType: 'application/pdf' });
    const res = await fetch(`${api.url}${asset.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('an assignment’s video keeps no original after processing: only its renditions remain', async () => {
    const asset = await attach(source, 'answer.mp4', 'video/mp4');
    expect(asset.status).toBe('READY');
    await waitFor(() => !existsSync(join(mediaDir, 'uploads', asset.id)));
    expect((await fetch(`${api.url}/media/${asset.id}/original`, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(404);
    expect((await fetch(`${api.url}${asset.url}`)).status).toBe(200);
  }, 60_000);
});
