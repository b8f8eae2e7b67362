import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** Deletes the lock only while it is still ours: one that expired and was taken by another stays theirs. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface LockOptions {
  /** How long the lock lasts if its holder dies before releasing it. Longer than the work it guards. */
  holdMs: number;
  /** How long to wait for another holder before giving up. */
  waitMs: number;
}

/**
 * Runs `work` while holding a lock in Redis, so across every API process only one piece of work runs
 * per key at a time. Returns `undefined` without running it when the lock stayed taken for `waitMs`.
 */
export async function withRedisLock<T>(redis: Redis, key: string, options: LockOptions, work: () => Promise<T>): Promise<{ value: T } | undefined> {
  const token = randomBytes(12).toString('hex');
  const deadline = Date.now() + options.waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
    if ((await redis.set(key, token, 'PX', options.holdMs, 'NX')) === 'OK') break;
    if (Date.now() >= deadline) return undefined;
    // A little randomness, so waiters do not all ask again at the same moment.
    await sleep(pause + Math.random() * pause);
  }
  try {
    return { value: await work() };
  } finally {
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
