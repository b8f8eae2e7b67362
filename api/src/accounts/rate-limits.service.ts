import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../platform/errors/errors.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { minutesToWait } from '../platform/rate-limits/rate-limit.js';
import { REDIS } from '../platform/redis/redis.module.js';
import { withRedisLock } from '../platform/redis/redis-lock.js';

/** Longer than a password check takes; a waiting attempt gives up well before a client would. */
const LOGIN_LOCK = { holdMs: 10_000, waitMs: 5_000 };

/**
 * Limits kept in Redis, so they hold across every API process. Failed log-ins count per account and
 * address (one person mistyping) and per address (one machine guessing many accounts), and hold however
 * many attempts arrive at once.
 */
@Injectable()
export class RateLimitsService {
  private readonly loginFailuresByAccount: RateLimiterRedis;
  private readonly loginFailuresByAddress: RateLimiterRedis;

  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) config: Config,
  ) {
    const limits = config.rateLimits;
    const prefix = `${config.redisPrefix}:limit`;
    this.prefix = prefix;
    this.loginFailuresByAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-account`,
      points: limits.loginFailuresPerAccountAndAddress,
      duration: limits.loginPauseSeconds,
    });
    this.loginFailuresByAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-address`,
      points: limits.loginFailuresPerAddress,
      duration: limits.loginPauseSeconds,
    });
  }

  /**
   * Runs one log-in attempt under the limits. The attempt is counted before the password is checked,
   * atomically in Redis, so simultaneous guesses cannot all slip in under the limit; a success gives its
   * point back and clears the account's count. Attempts on one account are checked one at a time, so a
   * success cannot clear a count that guesses still being checked have already passed.
   * `check` answers the account when the password is right, null when not.
   */
  async attemptLogIn<T>(email: string, address: string, check: () => Promise<T | null>): Promise<T | null> {
    const attempt = await withRedisLock(this.redis, `${this.prefix}:login-lock:${email}`, LOGIN_LOCK, async () => {
      await this.countLoginAttempt(email, address);
      const account = await check();
      if (account) {
        await Promise.all([
          this.loginFailuresByAccount.delete(`${email}|${address}`),
          this.loginFailuresByAddress.reward(address),
        ]);
      }
      return account;
    });
    if (!attempt) throw tooManyRequests('Someone is logging in to this account right now. Please try again in a moment.', 1);
    return attempt.value;
  }

  /** Takes a point from the account-and-address count, then from the address count; refuses when either is spent. */
  private async countLoginAttempt(email: string, address: string): Promise<void> {
    const accountKey = `${email}|${address}`;
    await this.loginFailuresByAccount.consume(accountKey).catch(refuseLogIn);
    await this.loginFailuresByAddress.consume(address).catch(async (err: unknown) => {
      // The attempt is refused, so it is no failure of this account either.
      if (err instanceof RateLimiterRes) await this.loginFailuresByAccount.reward(accountKey);
      refuseLogIn(err);
    });
  }
}

function refuseLogIn(err: unknown): never {
  if (!(err instanceof RateLimiterRes)) throw err;
  throw tooManyRequests(
    `Too many failed log-ins. Please wait ${minutesToWait(err.msBeforeNext)} before trying again.`,
    Math.ceil(err.msBeforeNext / 1000),
  );
}
