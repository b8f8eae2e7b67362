import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../platform/errors/errors.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { REDIS } from '../platform/redis/redis.module.js';

function minutes(ms: number): string {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/**
 * Limits kept in Redis, so they hold across every API process. Failed log-ins count per account and
 * address (one person mistyping) and per address (one machine guessing many accounts).
 */
@Injectable()
export class RateLimitsService {
  private readonly loginFailuresByAccount: RateLimiterRedis;
  private readonly loginFailuresByAddress: RateLimiterRedis;
  private readonly signUps: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(CONFIG) config: Config) {
    const limits = config.rateLimits;
    const prefix = `${config.redisPrefix}:limit`;
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
    this.signUps = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:sign-up`,
      points: limits.signUpsPerAddressPerHour,
      duration: 3600,
    });
  }

  /** Refuses a log-in attempt while this account and address, or this address, are paused. */
  async assertLoginAllowed(email: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([
      this.loginFailuresByAccount.get(`${email}|${address}`),
      this.loginFailuresByAddress.get(address),
    ]);
    for (const [res, limiter] of [
      [byAccount, this.loginFailuresByAccount],
      [byAddress, this.loginFailuresByAddress],
    ] as const) {
      if (res && res.consumedPoints >= limiter.points) {
        throw tooManyRequests(
          `Too many failed log-ins. Please wait ${minutes(res.msBeforeNext)} before trying again.`,
          Math.ceil(res.msBeforeNext / 1000),
        );
      }
    }
  }

  async recordLoginFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.loginFailuresByAccount.consume(`${email}|${address}`).catch(ignoreLimitReached),
      this.loginFailuresByAddress.consume(address).catch(ignoreLimitReached),
    ]);
  }

  async recordLoginSuccess(email: string, address: string): Promise<void> {
    await this.loginFailuresByAccount.delete(`${email}|${address}`);
  }

  async consumeSignUp(address: string): Promise<void> {
    try {
      await this.signUps.consume(address);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      throw tooManyRequests(
        `Too many accounts were created from this network. Please wait ${minutes(err.msBeforeNext)}.`,
        Math.ceil(err.msBeforeNext / 1000),
      );
    }
  }
}

function ignoreLimitReached(err: unknown): void {
  if (!(err instanceof RateLimiterRes)) throw err;
}
