import { hostname } from 'node:os';
import { jobLocks } from '../config/config.js';

/**
 * Every background queue and the payload of each job, in one place. Producers (the API) and
 * processors (the worker) both type their jobs from here. Job ids are deterministic wherever an
 * action must happen once: BullMQ ignores a job added again with an existing id.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  certificates: 'certificates',
  notifications: 'notifications',
  reminders: 'reminders',
  accounts: 'accounts',
  invitations: 'invitations',
  media: 'media',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** The worker's sign of life, read by operators through Redis. */
  heartbeat: { scheduledAt?: string };
  /** Issue the certificate of a completed enrolment (job id: certificate-<enrollmentId>). Job ids may not contain ":". */
  'issue-certificate': { enrollmentId: string };
  /**
   * Store a notification and email it (job id: notify.<key>, with : as .). `key` identifies the message itself,
   * e.g. session-reminder:<session>:24h:<sequence>:<user>: it is unique in the database too.
   */
  'deliver-notification': {
    key: string;
    userId: string;
    kind: string;
    title: string;
    body: string;
    link?: string;
    email: boolean;
    /** false: email only, never shown in the app (account links, which must not outlive their email). */
    inApp?: boolean;
    /** Send to this address instead of the account's (a new address being confirmed). */
    to?: string;
  };
  /**
   * Remind a session's members (job id: session-reminder.<session>.<offset>.<sequence>). `sequence` is the
   * session's version when the reminder was planned: a stale reminder finds it changed and does nothing.
   */
  'session-reminder': { sessionId: string; offset: '24h' | '1h'; sequence: number };
  /** Every few seconds: send the outbox rows no process has relayed yet to their queues, and prune old ones. */
  'relay-outbox': Record<string, never>;
  /**
   * Every few minutes: plan the reminders of sessions starting soon that have none yet (imported
   * from content files, or whose jobs were lost with a Redis that keeps nothing). Idempotent.
   */
  'plan-reminders': Record<string, never>;
  /**
   * Email an account link (job id: account-email.<requestId>). The worker makes the link's token, so the
   * token exists only in the email and, hashed, in the database: never in a queue. A password reset
   * names an address that may have no account; the job then does nothing, and the API answered the
   * same either way.
   */
  'account-email':
    | { requestId: string; purpose: 'PASSWORD_RESET'; email: string }
    | { requestId: string; purpose: 'VERIFY_EMAIL'; userId: string }
    | { requestId: string; purpose: 'CHANGE_EMAIL'; userId: string; newEmail: string };
  /** Email a course invitation (job id: course-invitation.<id>.<expiry ms>): inviting again sends again. */
  'send-course-invitation': { invitationId: string };
  /** Check a finished upload's bytes and make its renditions (job id: process-media.<assetId>). Idempotent. */
  'process-media': { assetId: string };
  /** Every few minutes: remove the bytes of uploads abandoned unfinished past their expiry. */
  'expire-uploads': Record<string, never>;
  /**
   * Every few minutes: email the community digests due now (each person's 07:00, daily or Monday weekly).
   * Idempotent: one digest per person and period, recorded with its email.
   */
  'send-digests': Record<string, never>;
  /** Remove every upload (bytes, renditions, row) of an account its owner deleted (job id: erase-account-media.<userId>). */
  'erase-account-media': { userId: string };
}

export type JobName = keyof JobPayloads;

/** Which queue carries each job. */
export const QUEUE_OF: { [J in JobName]: QueueName } = {
  heartbeat: QUEUES.maintenance,
  'relay-outbox': QUEUES.maintenance,
  'issue-certificate': QUEUES.certificates,
  'deliver-notification': QUEUES.notifications,
  'send-digests': QUEUES.notifications,
  'session-reminder': QUEUES.reminders,
  'plan-reminders': QUEUES.reminders,
  'account-email': QUEUES.accounts,
  'send-course-invitation': QUEUES.invitations,
  'process-media': QUEUES.media,
  'expire-uploads': QUEUES.media,
  'erase-account-media': QUEUES.media,
};

/** Retries with exponential backoff; completed jobs are kept briefly for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

const locks = jobLocks();

/**
 * How every worker treats a job whose worker died or froze (a "stall": its lock was not renewed). BullMQ
 * gives up on such a job for good after `maxStalledCount` stalls, 1 by default: one deploy during a retry
 * would drop a certificate. Handlers are idempotent, so running a job again is always safe. How soon a
 * stall is noticed: JOB_LOCK_MS and JOB_STALLED_CHECK_MS (see `jobLocks`). `name` is recorded on each job
 * a worker takes (its `processedBy`), so an operator (or a test) can tell which process holds it.
 */
export const WORKER_OPTIONS = {
  maxStalledCount: 10,
  lockDuration: locks.lockMs,
  stalledInterval: locks.stalledCheckMs,
  name: `${hostname()}:${process.pid}`,
} as const;
