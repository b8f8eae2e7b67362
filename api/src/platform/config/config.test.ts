import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEVELOPMENT_JWT_SECRET, jobLocks, loadConfig } from './config.js';

describe('configuration', () => {
  it('works on a developer machine with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/kapwa',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      jwtSecret: DEVELOPMENT_JWT_SECRET,
    });
  });

  it('refuses to start production with the development secret or a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'too-short' })).toThrow(/32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), TWO_FACTOR_KEY: 'y'.repeat(40) }).environment).toBe('production');
  });

  it('needs its own two-factor key in production, and derives one elsewhere', () => {
    const jwt = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(jwt)).toThrow(/TWO_FACTOR_KEY/);
    expect(() => loadConfig({ ...jwt, TWO_FACTOR_KEY: 'too-short' })).toThrow(/TWO_FACTOR_KEY/);
    expect(() => loadConfig({ ...jwt, TWO_FACTOR_KEY: jwt.JWT_SECRET })).toThrow(/other than JWT_SECRET/);
    const development = loadConfig({});
    expect(development.twoFactorKey).not.toBe(development.jwtSecret);
    expect(development.twoFactorKey).toHaveLength(44);
  });

  it('keeps every rate limit in production, whatever the environment says', () => {
    const env = { JWT_SECRET: 'x'.repeat(40), TWO_FACTOR_KEY: 'y'.repeat(40), SIGNUP_RATE_LIMIT: '100000' };
    expect(loadConfig({ ...env, NODE_ENV: 'production' }).rateLimits.signUpsPerAddressPerHour).toBe(20);
    expect(loadConfig({ ...env, NODE_ENV: 'development' }).rateLimits.signUpsPerAddressPerHour).toBe(100000);
  });

  it("keeps BullMQ's 30-second job locks unless told otherwise", () => {
    expect(jobLocks({})).toEqual({ lockMs: 30_000, stalledCheckMs: 30_000 });
    expect(jobLocks({ NODE_ENV: 'production', JOB_LOCK_MS: '4000', JOB_STALLED_CHECK_MS: '1000' })).toEqual({ lockMs: 4000, stalledCheckMs: 1000 });
    expect(() => jobLocks({ JOB_LOCK_MS: '0' })).toThrow('JOB_LOCK_MS must be a positive whole number, not "0".');
  });

  it('explains a malformed number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a positive whole number, not "eighty".');
  });
});
