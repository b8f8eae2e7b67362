import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';

/** Deletes the lock only while it is still this holder's (its token): a lock that expired and was taken by another stays theirs. */
const UNLOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
/** Extends the lock only while it is still this holder's. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisLockerOptions {
  /** Keys and the release channel start with this (the platform's REDIS_PREFIX). */
  prefix: string;
  /** How long a request waits for another's lock before giving up (tus answers 500, the client retries). */
  acquireLockTimeout?: number;
  /** A lock not renewed this long (its process died) is free again; a live holder renews it at a third of this. */
  lockTtl?: number;
  /** How often a waiting request tries again. */
  retryEvery?: number;
}

/**
 * The tus Locker shared by every API machine through Redis, so two requests to one upload never write at
 * once, whichever machines they reach. A lock is a key `<prefix>:tus-lock:<upload id>` set only if absent,
 * holding a random token, with an expiry the holder keeps extending (a machine that dies frees its locks
 * within `lockTtl`). A request that finds the upload locked asks the holder, on whatever machine, to let go
 * (a message on `<prefix>:tus-lock-release`): as with tus's in-process locker, the newer request wins, since
 * the older is most likely a connection that broke without the server noticing. The holder's tus request then
 * ends and unlocks; the waiter takes the lock, or gives up after `acquireLockTimeout`.
 */
export class RedisLocker implements Locker {
  readonly timeout: number;
  readonly ttl: number;
  readonly retryEvery: number;
  private readonly channel: string;
  /** Release requests for the locks held in this process, by upload id. */
  private readonly held = new Map<string, Set<RequestRelease>>();
  private subscriber: Redis | null = null;
  private subscribed: Promise<unknown> | null = null;

  constructor(
    readonly redis: Redis,
    private readonly options: RedisLockerOptions,
  ) {
    this.timeout = options.acquireLockTimeout ?? 30_000;
    this.ttl = options.lockTtl ?? 15_000;
    this.retryEvery = options.retryEvery ?? 50;
    this.channel = `${options.prefix}:tus-lock-release`;
  }

  key(id: string): string {
    return `${this.options.prefix}:tus-lock:${id}`;
  }

  newLock(id: string): Lock {
    return new RedisLock(id, this);
  }

  /** Listens for other machines' release requests (once, on the first lock). */
  listen(): Promise<unknown> {
    if (!this.subscribed) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', (_channel: string, id: string) => {
        for (const release of this.held.get(id) ?? []) void Promise.resolve(release()).catch(() => undefined);
      });
      this.subscribed = this.subscriber.subscribe(this.channel);
    }
    return this.subscribed;
  }

  hold(id: string, release: RequestRelease): void {
    const set = this.held.get(id) ?? new Set();
    set.add(release);
    this.held.set(id, set);
  }

  letGo(id: string, release: RequestRelease): void {
    const set = this.held.get(id);
    set?.delete(release);
    if (set && !set.size) this.held.delete(id);
  }

  askRelease(id: string): Promise<number> {
    return this.redis.publish(this.channel, id);
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}

class RedisLock implements Lock {
  private readonly token = randomUUID();
  private renewer: NodeJS.Timeout | null = null;
  private release: RequestRelease | null = null;

  constructor(
    private readonly id: string,
    private readonly locker: RedisLocker,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { redis } = this.locker;
    const key = this.locker.key(this.id);
    await this.locker.listen();
    const deadline = Date.now() + this.locker.timeout;
    let askedAt = 0;
    for (;;) {
      if (stopSignal.aborted) throw ERRORS.ABORTED;
      if ((await redis.set(key, this.token, 'PX', this.locker.ttl, 'NX')) === 'OK') break;
      // Held elsewhere: ask its holder to let go (again every few seconds, in case it was busy), then try again.
      if (Date.now() - askedAt > 2_000) {
        askedAt = Date.now();
        await this.locker.askRelease(this.id);
      }
      if (Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await new Promise((resolve) => setTimeout(resolve, this.locker.retryEvery));
    }
    this.release = requestRelease;
    this.locker.hold(this.id, requestRelease);
    this.renewer = setInterval(() => {
      void redis.eval(RENEW, 1, key, this.token, String(this.locker.ttl)).catch(() => undefined);
    }, Math.max(100, Math.floor(this.locker.ttl / 3)));
    this.renewer.unref();
  }

  async unlock(): Promise<void> {
    if (this.renewer) clearInterval(this.renewer);
    this.renewer = null;
    if (this.release) this.locker.letGo(this.id, this.release);
    this.release = null;
    await this.locker.redis.eval(UNLOCK, 1, this.locker.key(this.id), this.token);
  }
}
