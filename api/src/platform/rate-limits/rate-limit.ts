import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Clock } from '../common/clock.js';
import { CONFIG, type Config, type RateLimits } from '../config/config.js';
import { tooManyRequests } from '../errors/errors.js';
import { REDIS } from '../redis/redis.module.js';

export interface RateLimitOptions {
  /** Names the limit in Redis; operations sharing a key share one allowance. */
  key: string;
  /** Calls allowed per period; a function reads a limit the configuration sets. */
  points: number | ((limits: RateLimits) => number);
  durationSeconds: number;
  /** Whose allowance a call spends: the signed-in person's (their address when signed out), or the address's. */
  per: 'viewer' | 'address';
  /** What a refused caller reads; `{wait}` becomes the time left, e.g. "3 minutes". */
  message?: string;
  /**
   * A tighter allowance for accounts younger than `days` (spam from fresh accounts), counted apart
   * under `<key>:new`. Applies to signed-in callers only.
   */
  newAccounts?: { points: number; days: number };
}

const RATE_LIMIT_METADATA = 'kapwa:rate-limit';

/**
 * Limits how often an operation runs. Counted in Redis, so the limit holds across every API process,
 * and counted before the operation runs, once per field resolved: aliases asking for the same field
 * many times in one request each spend a point. A refusal is TOO_MANY_REQUESTS with retryAfterSeconds.
 * For queries, mutations and routes: field resolvers run no guards, so it would do nothing there.
 */
export const RateLimit = (options: RateLimitOptions) =>
  applyDecorators(SetMetadata(RATE_LIMIT_METADATA, options), UseGuards(RateLimitGuard));

/** "1 minute", "15 minutes": how long a refused caller waits, rounded up. */
export function minutesToWait(ms: number): string {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** Runs after the access guard, which has made the viewer known. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<RateLimitOptions | undefined>(RATE_LIMIT_METADATA, context.getHandler());
    if (!options) return true;
    const req: Request & { viewer?: { id: string } | null } =
      context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
    const viewer = req.viewer as { id: string; createdAt?: Date } | null | undefined;
    const caller = options.per === 'viewer' && viewer ? `viewer:${viewer.id}` : `address:${req.ip ?? 'unknown'}`;
    const young =
      !!options.newAccounts && !!viewer?.createdAt && this.clock.now().getTime() - viewer.createdAt.getTime() < options.newAccounts.days * 24 * 3600 * 1000;
    const applied = young ? { ...options, key: `${options.key}:new`, points: options.newAccounts!.points } : options;
    try {
      await this.limiter(applied).consume(caller);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const wait = minutesToWait(err.msBeforeNext);
      const message = options.message ?? 'You have done this too often. Please wait {wait} before trying again.';
      throw tooManyRequests(message.replace('{wait}', wait), Math.ceil(err.msBeforeNext / 1000));
    }
    return true;
  }

  private limiter(options: RateLimitOptions): RateLimiterRedis {
    let limiter = this.limiters.get(options.key);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.redisPrefix}:limit:${options.key}`,
        points: typeof options.points === 'function' ? options.points(this.config.rateLimits) : options.points,
        duration: options.durationSeconds,
      });
      this.limiters.set(options.key, limiter);
    }
    return limiter;
  }
}
