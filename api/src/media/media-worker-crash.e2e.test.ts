import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Worker } from 'bullmq';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { type Person, signUp } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { checkStalled } from '../platform/testing/stalled-jobs.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { lowBitrateVideoArgs } from './ffmpeg.js';
import { processJobId } from './media.service.js';
import { uploadAll } from './tus-test-client.js';

/** Its own API and Redis prefix: no other worker may take the job or hold the stalled check. */
let api: TestApi;
let owner: Person;
let mediaDir: string;
let source: Buffer;

beforeAll(async () => {
  mediaDir = mkdtempSync(join(tmpdir(), 'kapwa-media-crash-'));
  api = await startTestApi({ MEDIA_DIR: mediaDir });
  await signUp(api, { displayName: 'First Admin' });
  owner = await signUp(api, { displayName: 'Filmmaker' });
  const file = join(mediaDir, 'source.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '6', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', file]);
  source = readFileSync(file);
}, 60_000);
afterAll(() => api.close());

describe('a worker killed in the middle of a transcode', () => {
  it('loses nothing: another worker processes the video later, once, into whole renditions', async () => {
    const connection = { url: api.config.redisUrl };
    const prefix = `${api.config.redisPrefix}:bull`;
    const options = { connection, prefix, lockDuration: 1000, stalledInterval: 300 };

    // A worker takes the job and starts transcoding into the rendition folder, then dies: its lock is not renewed.
    let taken!: () => void;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    let transcoder: ReturnType<typeof spawn> | undefined;
    const doomed = new Worker(
      'media',
      async (job) => {
        const dir = join(mediaDir, 'renditions', job.data.assetId);
        mkdirSync(dir, { recursive: true });
        transcoder = spawn('ffmpeg', lowBitrateVideoArgs(join(mediaDir, 'uploads', job.data.assetId), join(dir, 'video'), true), { stdio: 'ignore' });
        taken();
        return new Promise(() => {});
      },
      options,
    );
    const id = await uploadAll(api.url, owner.token, source, { filename: 'long.mp4', filetype: 'video/mp4', purpose: 'GRANT_VIDEO' });
    await tookIt;
    await new Promise((r) => setTimeout(r, 200));
    transcoder!.kill('SIGKILL');
    await doomed.close(true);
    expect((await api.sql(`SELECT status FROM media_asset WHERE id = $1`, [id]))[0].status).toBe('PROCESSING');

    // Every BullMQ worker checks for stalled jobs; one that finds this job puts it back in the queue...
    const job = (await api.app.get(JobsService).queue('media').getJob(processJobId(id)))!;
    expect(await checkStalled('media', job, options)).toBe('waiting');

    // ...and Kapwa's worker runs it from the start: READY once, with a whole rendition.
    await api.startWorker();
    await waitFor(async () => (await job.getState()) === 'completed', 60_000);
    const [row] = await api.sql(`SELECT status, processed_at, renditions FROM media_asset WHERE id = $1`, [id]);
    expect(row.status).toBe('READY');
    const video = join(mediaDir, 'renditions', id, 'video');
    const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', video]).toString());
    expect(duration).toBeGreaterThan(5.5);
    expect(row.renditions.video.sizeBytes).toBe(readFileSync(video).length);
    // Running the job again (a duplicate delivery) changes nothing.
    await job.retry().catch(() => undefined);
    await api.app.get(JobsService).queue('media').add('process-media', { assetId: id }, { jobId: `${processJobId(id)}.again` });
    await new Promise((r) => setTimeout(r, 1500));
    const [after] = await api.sql(`SELECT status, processed_at FROM media_asset WHERE id = $1`, [id]);
    expect(after).toEqual({ status: 'READY', processed_at: row.processed_at });
  }, 120_000);
});
