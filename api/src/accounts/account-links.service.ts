import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/common/clock.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { badUserInput } from '../platform/errors/errors.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import type { JobPayloads } from '../platform/jobs/queues.js';
import { REDIS } from '../platform/redis/redis.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { accountEmailsFor } from './account-link-messages.js';

export type LinkPurpose = 'PASSWORD_RESET' | 'VERIFY_EMAIL' | 'CHANGE_EMAIL';
type AccountEmailJob = JobPayloads['account-email'];
/** What a caller asks for; the request id is made here. */
export type AccountEmailRequest = AccountEmailJob extends infer J ? (J extends unknown ? Omit<J, 'requestId'> : never) : never;

/** How long each kind of link works. A reset link is short-lived: it is as good as the password. */
const LIFETIME_MINUTES: Record<LinkPurpose, number> = {
  PASSWORD_RESET: 30,
  VERIFY_EMAIL: 3 * 24 * 60,
  CHANGE_EMAIL: 24 * 60,
};

/** Where each link opens in the web app. */
const PAGE: Record<LinkPurpose, string> = {
  PASSWORD_RESET: '/reset-password',
  VERIFY_EMAIL: '/verify-email',
  CHANGE_EMAIL: '/confirm-email',
};

/** A token's row once it has been spent. */
export interface SpentLink {
  userId: string;
  /** The address the link was sent to (for a change of email, the new one). */
  email: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Single-use links emailed to account owners. The token is made by the worker as it writes the email,
 * so it travels only in that email; the database keeps its SHA-256 hash, expiry and when it was used.
 */
@Injectable()
export class AccountLinksService {
  private readonly resetEmailsPerAccount: RateLimiterRedis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(REDIS) redis: Redis,
    @Inject(CONFIG) config: Config,
  ) {
    this.resetEmailsPerAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:limit:reset-email-account`,
      points: config.rateLimits.passwordResetEmailsPerAccountPerHour,
      duration: 3600,
    });
  }

  /**
   * Queues the email. The caller's answer must not depend on what happens next (a reset request
   * names an address that may have no account), so this is all the request itself does.
   */
  async send(job: AccountEmailRequest): Promise<void> {
    const requestId = randomUUID();
    await this.jobs.enqueue('account-email', { ...job, requestId } as AccountEmailJob, { jobId: `account-email.${requestId}` });
  }

  /** The job: make the link and email it. A retry makes another link; every link made stays valid until used. */
  async deliver(job: AccountEmailJob): Promise<void> {
    const user = await this.recipient(job);
    if (!user) return;
    const key = `account-email:${job.requestId}`;
    const words = accountEmailsFor(user.locale);
    if (job.purpose === 'PASSWORD_RESET') {
      // Over the limit the request was still answered true: nothing tells the asker it was not sent.
      const allowed = await this.resetEmailsPerAccount.consume(user.id).then(
        () => true,
        (err: unknown) => {
          if (err instanceof RateLimiterRes) return false;
          throw err;
        },
      );
      if (!allowed) return;
      const link = await this.create(user.id, 'PASSWORD_RESET', user.email);
      await this.email(key, user.id, 'PASSWORD_RESET', words.passwordReset(user.displayName), link);
    } else if (job.purpose === 'VERIFY_EMAIL') {
      if (user.emailVerifiedAt) return;
      const link = await this.create(user.id, 'VERIFY_EMAIL', user.email);
      await this.email(key, user.id, 'VERIFY_EMAIL', words.verifyEmail(user.displayName), link);
    } else {
      const link = await this.create(user.id, 'CHANGE_EMAIL', job.newEmail);
      await this.email(key, user.id, 'CHANGE_EMAIL', words.changeEmail(user.displayName), link, job.newEmail);
      await this.email(`${key}:notice`, user.id, 'EMAIL_CHANGE_REQUESTED', words.changeEmailNotice(user.displayName));
    }
  }

  /**
   * Spends a link inside the caller's transaction: the row is locked, so two uses at once cannot both
   * pass. Unknown, used and expired links are refused on the `token` field with what to do next.
   */
  async spend(tx: EntityManager, token: string, purpose: LinkPurpose): Promise<SpentLink> {
    const [row] = await tx.query(
      `SELECT id, user_id, email, expires_at, used_at FROM account_token WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
      [hashOf(token), purpose],
    );
    const askAgain = purpose === 'PASSWORD_RESET' ? ' Ask for a new one from the log-in page.' : ' Ask for a new one from your profile.';
    if (!row) throw badUserInput('token', `This link is not valid. Check that you opened the whole link from the email.${askAgain}`);
    if (row.used_at) throw badUserInput('token', `This link has already been used.${askAgain}`);
    if (new Date(row.expires_at) <= this.clock.now()) throw badUserInput('token', `This link has expired.${askAgain}`);
    await tx.query(`UPDATE account_token SET used_at = $2 WHERE id = $1`, [row.id, this.clock.now()]);
    return { userId: row.user_id, email: row.email };
  }

  /** Marks every link of an account still unused as used: they were sent for a state that is gone. */
  async retireAll(tx: EntityManager, userId: string, purposes: LinkPurpose[]): Promise<void> {
    await tx.query(`UPDATE account_token SET used_at = $3 WHERE user_id = $1 AND used_at IS NULL AND purpose = ANY($2)`, [
      userId,
      purposes,
      this.clock.now(),
    ]);
  }

  private async recipient(job: AccountEmailJob) {
    const [user] =
      job.purpose === 'PASSWORD_RESET'
        ? await this.db.query(`SELECT id, email, display_name, locale, email_verified_at FROM app_user WHERE lower(email) = $1`, [job.email])
        : await this.db.query(`SELECT id, email, display_name, locale, email_verified_at FROM app_user WHERE id = $1`, [job.userId]);
    return user
      ? { id: user.id as string, email: user.email as string, displayName: user.display_name as string, locale: user.locale as string, emailVerifiedAt: user.email_verified_at as Date | null }
      : null;
  }

  /** A fresh link for this account and address; returns its path in the web app. */
  private async create(userId: string, purpose: LinkPurpose, email: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + LIFETIME_MINUTES[purpose] * 60_000);
    await this.db.query(`INSERT INTO account_token (user_id, purpose, token_hash, email, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      userId,
      purpose,
      hashOf(token),
      email,
      expiresAt,
      this.clock.now(),
    ]);
    return `${PAGE[purpose]}?token=${token}`;
  }

  /**
   * Through the notifications' one mail path, directly rather than through their queue, so the link
   * is never written anywhere but the email; email only, as an in-app copy would outlive the link.
   */
  private email(key: string, userId: string, kind: string, words: { title: string; body: string }, link?: string, to?: string): Promise<void> {
    return this.notifications.deliver({ key, userId, kind, title: words.title, body: words.body, link, email: true, inApp: false, to });
  }
}
