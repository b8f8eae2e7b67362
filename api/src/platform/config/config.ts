import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/**
 * Everything Kapwa reads from the environment, in one place, with working local defaults.
 * In production the API and worker need only DATABASE_URL, REDIS_URL, PORT, JWT_SECRET and TWO_FACTOR_KEY.
 */
export const DEVELOPMENT_JWT_SECRET = 'kapwa-development-secret-do-not-use-in-production';

export interface RateLimits {
  /** Failed log-ins allowed per account and address before a pause. */
  loginFailuresPerAccountAndAddress: number;
  /** Failed log-ins allowed per address, whatever the account. */
  loginFailuresPerAddress: number;
  /** How long the pause lasts, in seconds. */
  loginPauseSeconds: number;
  signUpsPerAddressPerHour: number;
  /** Password reset requests per address per hour, whatever the email asked about. */
  passwordResetsPerAddressPerHour: number;
  /** Reset emails per account per hour: more requests still answer true but send nothing. */
  passwordResetEmailsPerAccountPerHour: number;
  /** Community posts (threads, replies, edits) per person per 10 minutes, for accounts older than a week. */
  postsPerTenMinutes: number;
}

export interface Config {
  environment: 'production' | 'development' | 'test';
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  /** Prefix of every Redis key and queue, so several deployments or test runs can share a Redis. */
  redisPrefix: string;
  port: number;
  jwtSecret: string;
  /** Key material for two-factor secrets at rest and recovery-code hashes; never the JWT secret itself. */
  twoFactorKey: string;
  tokenLifetimeSeconds: number;
  /** Address of proxies in front of the API whose X-Forwarded-For may be trusted (express "trust proxy"). */
  trustProxy: string | false;
  rateLimits: RateLimits;
  logLevel: string;
  /** LOG_FILE: append logs to this file instead of standard output (tests read it). */
  logFile: string | null;
  /** Count SQL statements (tests and benchmarks only). */
  countQueries: boolean;
  /** Where people open Kapwa: links in emails and calendar files point here. */
  appUrl: string;
  /** WEB_DIST: the built web app (web/dist) the API serves from its own origin, compressed; unset, it serves only its own paths. */
  webDist: string | null;
  jobs: {
    /** How often a worker relays the outbox rows no process has sent to the queues yet. */
    outboxSweepMs: number;
  };
  media: MediaConfig;
  mail: {
    /** smtp(s)://user:pass@host:port; unset, development writes emails to `dir` instead. */
    smtpUrl: string | null;
    from: string;
    dir: string | null;
  };
}

export interface MediaConfig {
  /** MEDIA_DIR: the local folder that holds uploads and renditions when no S3 bucket is configured. */
  dir: string;
  /** S3-compatible bucket (S3, MinIO, SeaweedFS, Ceph): set S3_BUCKET to use it instead of the folder. */
  s3: { endpoint: string | null; bucket: string; region: string; accessKeyId: string | null; secretAccessKey: string | null; forcePathStyle: boolean } | null;
  /** Unfinished uploads one person may have at a time. */
  maxUnfinishedUploads: number;
  /** An upload not finished this long after its creation is abandoned: its bytes are removed. */
  uploadExpiryHours: number;
  /** How long a signed /media address works. */
  signedUrlSeconds: number;
}

/** Outside production, emails land here as files when no SMTP server is configured. */
const DEVELOPMENT_MEDIA_DIR = fileURLToPath(new URL('../../../../.kapwa/media', import.meta.url));
const DEVELOPMENT_MAIL_DIR = fileURLToPath(new URL('../../../../.kapwa/mail', import.meta.url));

export class ConfigError extends Error {}

const PRODUCTION_RATE_LIMITS: RateLimits = {
  loginFailuresPerAccountAndAddress: 5,
  loginFailuresPerAddress: 50,
  loginPauseSeconds: 15 * 60,
  signUpsPerAddressPerHour: 20,
  passwordResetsPerAddressPerHour: 10,
  passwordResetEmailsPerAccountPerHour: 3,
  postsPerTenMinutes: 60,
};

/**
 * How soon a job held by a worker that died (killed, out of memory, frozen) runs again elsewhere: the
 * worker's hold on a running job lasts `lockMs` unless renewed (every half of it, while the worker
 * lives), and every worker looks for lapsed holds every `stalledCheckMs`. BullMQ's defaults, 30 s each,
 * unless JOB_LOCK_MS / JOB_STALLED_CHECK_MS say otherwise (tests use a few seconds). Read when the job
 * processors are declared, before any Config exists.
 */
export interface JobLocks {
  lockMs: number;
  stalledCheckMs: number;
}

export function jobLocks(env: NodeJS.ProcessEnv = process.env): JobLocks {
  return { lockMs: integer(env, 'JOB_LOCK_MS', 30_000), stalledCheckMs: integer(env, 'JOB_STALLED_CHECK_MS', 30_000) };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive whole number, not "${raw}".`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const jwtSecret = env.JWT_SECRET || DEVELOPMENT_JWT_SECRET;
  if (environment === 'production' && (jwtSecret === DEVELOPMENT_JWT_SECRET || jwtSecret.length < 32)) {
    throw new ConfigError(
      'JWT_SECRET must be set to a random secret of at least 32 characters in production (e.g. `openssl rand -base64 48`).',
    );
  }
  // A separate key, so a leaked JWT secret (which forges sessions) does not also open every authenticator
  // secret, and rotating one does not lose the other. Outside production it is derived, so nothing need be set.
  const twoFactorKey = env.TWO_FACTOR_KEY || createHash('sha256').update(`kapwa two-factor key\0${jwtSecret}`).digest('base64');
  if (environment === 'production' && ((env.TWO_FACTOR_KEY ?? '').length < 32 || env.TWO_FACTOR_KEY === jwtSecret)) {
    throw new ConfigError(
      'TWO_FACTOR_KEY must be set to a random secret of at least 32 characters, other than JWT_SECRET, in production (e.g. `openssl rand -base64 48`).',
    );
  }
  // Outside production the limits may be raised for load tests and demos; in production they are fixed.
  const rateLimits =
    environment === 'production'
      ? PRODUCTION_RATE_LIMITS
      : {
          ...PRODUCTION_RATE_LIMITS,
          signUpsPerAddressPerHour: integer(env, 'SIGNUP_RATE_LIMIT', environment === 'test' ? 10_000 : 200),
          postsPerTenMinutes: integer(env, 'POST_RATE_LIMIT', environment === 'test' ? 10_000 : 60),
        };
  return {
    environment,
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/kapwa',
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10),
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX || 'kapwa',
    port: integer(env, 'PORT', 3000),
    jwtSecret,
    twoFactorKey,
    tokenLifetimeSeconds: 30 * 24 * 3600,
    trustProxy: env.TRUST_PROXY || false,
    rateLimits,
    logLevel: env.LOG_LEVEL || (environment === 'test' ? 'silent' : 'info'),
    logFile: env.LOG_FILE || null,
    countQueries: environment !== 'production' && env.KAPWA_COUNT_QUERIES === '1',
    appUrl: (env.APP_URL || 'http://localhost:5173').replace(/\/$/, ''),
    webDist: env.WEB_DIST || null,
    jobs: { outboxSweepMs: integer(env, 'OUTBOX_SWEEP_MS', environment === 'test' ? 500 : 5000) },
    media: {
      dir: env.MEDIA_DIR || DEVELOPMENT_MEDIA_DIR,
      s3: env.S3_BUCKET
        ? {
            endpoint: env.S3_ENDPOINT || null,
            bucket: env.S3_BUCKET,
            region: env.S3_REGION || 'us-east-1',
            accessKeyId: env.S3_ACCESS_KEY_ID || null,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
            // MinIO, SeaweedFS and Ceph want bucket names in the path; AWS takes either.
            forcePathStyle: env.S3_FORCE_PATH_STYLE !== '0',
          }
        : null,
      maxUnfinishedUploads: integer(env, 'MEDIA_MAX_UNFINISHED_UPLOADS', 5),
      uploadExpiryHours: integer(env, 'MEDIA_UPLOAD_EXPIRY_HOURS', 48),
      signedUrlSeconds: integer(env, 'MEDIA_SIGNED_URL_SECONDS', 3 * 3600),
    },
    mail: {
      smtpUrl: env.SMTP_URL || null,
      from: env.MAIL_FROM || 'Kapwa <no-reply@kapwa.invalid>',
      dir: env.MAIL_DIR || (environment === 'production' ? null : DEVELOPMENT_MAIL_DIR),
    },
  };
}

/** Nest injection token for the Config object. */
export const CONFIG = Symbol('CONFIG');
