import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { ERRORS } from '@tus/server';
import { Redis } from 'ioredis';
import { createApp } from '../app.js';
import { type Person, signUp } from '../platform/testing/factories.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { RedisLocker } from './redis-locker.js';
import { createUpload, patchChunk, tusRequest } from './tus-test-client.js';

/** Two API machines behind one load balancer: two Nest apps on one database, one Redis and one media folder. */
let api: TestApi;
let second: INestApplication;
let secondUrl: string;
let owner: Person;
const connections: Redis[] = [];
const lockers: RedisLocker[] = [];

/** A locker as one machine has it: its own Redis connection, the shared prefix. */
function machine(prefix: string, options: { acquireLockTimeout?: number; lockTtl?: number } = {}) {
  const redis = new Redis(api.config.redisUrl);
  connections.push(redis);
  const locker = new RedisLocker(redis, { prefix, ...options });
  lockers.push(locker);
  return locker;
}
const never = new AbortController().signal;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  api = await startTestApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'kapwa-media-lock-')) });
  second = await createApp(api.config);
  await second.listen(0, '127.0.0.1');
  secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
  await signUp(api, { displayName: 'First Admin' });
  owner = await signUp(api, { displayName: 'Filmmaker' });
}, 60_000);
afterAll(async () => {
  for (const locker of lockers) await locker.close();
  for (const redis of connections) await redis.quit();
  await second?.close();
  await api?.close();
});

describe('the Redis lock of an upload, shared by API machines', () => {
  const prefix = () => `${api.config.redisPrefix}:t${randomBytes(3).toString('hex')}`;

  it('makes a second request on another machine wait, asks the first to let go, and hands over when it unlocks', async () => {
    const p = prefix();
    const [a, b] = [machine(p), machine(p)];
    const events: string[] = [];
    const first = a.newLock('upload-1');
    await first.lock(never, () => {
      events.push('release asked');
      // The holder's request ends a moment later, then unlocks (as tus does after a cancel).
      void later(200).then(() => (events.push('first unlocked'), first.unlock()));
    });
    const second = b.newLock('upload-1');
    await second.lock(never, () => undefined);
    events.push('second locked');
    expect(events).toEqual(['release asked', 'first unlocked', 'second locked']);
    await second.unlock();
    expect(await a.redis.exists(a.key('upload-1'))).toBe(0);
  });

  it('refuses after the timeout while a holder does not let go, and leaves the holder its lock', async () => {
    const p = prefix();
    const [a, b] = [machine(p), machine(p, { acquireLockTimeout: 600 })];
    let asked = 0;
    const first = a.newLock('upload-2');
    await first.lock(never, () => void asked++);
    const started = Date.now();
    await expect(b.newLock('upload-2').lock(never, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(asked).toBeGreaterThanOrEqual(1);
    // Other uploads are not held up by it.
    const other = b.newLock('upload-3');
    await other.lock(never, () => undefined);
    await other.unlock();
    // The refused request took nothing: the holder's unlock frees the upload for the next one.
    await first.unlock();
    const next = b.newLock('upload-2');
    await next.lock(never, () => undefined);
    await next.unlock();
  });

  it('stops waiting when the waiting request is aborted (its client went away)', async () => {
    const p = prefix();
    const [a, b] = [machine(p), machine(p)];
    const first = a.newLock('upload-4');
    await first.lock(never, () => undefined);
    const gone = new AbortController();
    const waiting = b.newLock('upload-4').lock(gone.signal, () => undefined);
    await later(150);
    gone.abort();
    await expect(waiting).rejects.toBe(ERRORS.ABORTED);
    await first.unlock();
  });

  it('keeps a lock held for longer than its expiry while its request lives, and frees it when its machine dies', async () => {
    const p = prefix();
    const [a, b] = [machine(p, { lockTtl: 400 }), machine(p, { acquireLockTimeout: 600, lockTtl: 400 })];
    const first = a.newLock('upload-5');
    await first.lock(never, () => undefined);
    await later(1000); // two and a half expiries: renewed all along
    await expect(b.newLock('upload-5').lock(never, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await first.unlock();
    // A machine that died with a lock held: nobody renews it, so it ends by itself.
    await a.redis.set(a.key('upload-6'), 'a dead machine’s token', 'PX', 300);
    const after = b.newLock('upload-6');
    await after.lock(never, () => undefined);
    await after.unlock();
  }, 10_000);

  it('an unlock never frees a lock another request holds since the first one’s expired', async () => {
    const p = prefix();
    const [a, b] = [machine(p, { lockTtl: 300 }), machine(p)];
    const stale = a.newLock('upload-7');
    await stale.lock(never, () => undefined);
    await a.redis.set(a.key('upload-7'), 'someone else', 'PX', 10_000); // as if it expired and was taken
    await stale.unlock();
    expect(await b.redis.get(b.key('upload-7'))).toBe('someone else');
  });
});

describe('two API machines receiving requests for one upload', () => {
  it('never write it at once: a request on the second machine waits until the first machine’s PATCH has ended, then sees its bytes', async () => {
    const bytes = randomBytes(600_000);
    const created = await createUpload(api.url, owner.token, bytes.length, { filename: 'talk.mp4', filetype: 'video/mp4', purpose: 'RESOURCE' });
    expect(created.status).toBe(201);
    const path = String(created.headers.location);

    // Machine one receives a PATCH whose connection stalls half way (a phone in a tunnel): it holds the lock.
    let firstEnded = 0;
    const stalled = tusRequest(`${api.url}${path}`, 'PATCH', {
      token: owner.token,
      headers: { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
      body: (write) => void write(bytes.subarray(0, 300_000)),
    })
      .catch(() => ({ status: 0 }))
      .finally(() => (firstEnded = Date.now()));
    await later(300);

    // The client gave up on it and asks machine two where the upload stands.
    const head = await tusRequest(`${secondUrl}${path}`, 'HEAD', { token: owner.token });
    const headAnswered = Date.now();
    await stalled;
    expect(head.status).toBe(200);
    // Machine one ended the stalled PATCH first (asked through Redis), so the offset is final, not a moving one.
    expect(firstEnded).toBeGreaterThan(0);
    expect(firstEnded).toBeLessThanOrEqual(headAnswered + 50);
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(300_000);

    // The rest goes to machine two, and the upload is whole.
    const rest = await patchChunk(`${secondUrl}${path}`, owner.token, offset, bytes.subarray(offset));
    expect(rest.status).toBe(204);
    expect(Number(rest.headers['upload-offset'])).toBe(bytes.length);
    const [row] = await api.sql(`SELECT status FROM media_asset WHERE id = $1`, [path.split('/').pop()]);
    expect(row.status).toBe('PROCESSING');
  }, 30_000);
});
