import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { Logger } from 'pino';
import { badUserInput } from '../platform/errors/errors.js';
import { LOGGER } from '../platform/logging/logger.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { returnedRows } from '../platform/database/returning.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { OutboxService } from '../platform/jobs/outbox.service.js';
import type { JobPayloads } from '../platform/jobs/queues.js';
import { emailWords } from './email-words.js';
import { type Email, Mailer } from './mailer.js';
import { Notification } from './notification.entity.js';
import { alwaysEmailed } from './notification-kinds.js';
import { PreferencesService } from './preferences.service.js';
import { unsubscribeToken } from './unsubscribe-token.js';

export type NotificationMessage = JobPayloads['deliver-notification'];

/** A notification's job id: its idempotency key, so queueing it twice queues one job. */
const jobIdOf = (key: string) => `notify.${key.replaceAll(':', '.')}`;

/**
 * Every notification goes through here: stored in-app and emailed by a job. The idempotency key is
 * the job id and a unique key in both tables, so a repeated or retried delivery never shows or sends twice.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
    private readonly mailer: Mailer,
    private readonly preferences: PreferencesService,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Queues deliveries in `tx`, the transaction of the change they announce: they go out if and only if
   * it commits. Adding one whose key was queued before is a no-op.
   */
  async notify(tx: EntityManager, messages: NotificationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // Links are paths inside the web app, never addresses elsewhere.
    if (messages.some((m) => m.link && !/^\/(?!\/)/.test(m.link))) throw new Error('a notification link must be a path in the app');
    await this.outbox.addMany(tx, 'deliver-notification', messages.map((m) => ({ payload: m, jobId: jobIdOf(m.key) })));
  }

  /**
   * Takes back notifications not meant to be seen any more (e.g. about an application a reviewer declared
   * a conflict on): in `tx`, their stored rows and the outbox rows not yet sent; then, after the commit,
   * `withdrawQueued` removes jobs already on the queue and any row such a job stored meanwhile.
   */
  async withdraw(tx: EntityManager, messages: Pick<NotificationMessage, 'key' | 'userId'>[]): Promise<void> {
    if (messages.length === 0) return;
    await tx.query(`DELETE FROM notification WHERE user_id = ANY($1::uuid[]) AND idempotency_key = ANY($2::text[])`, [
      messages.map((m) => m.userId),
      messages.map((m) => m.key),
    ]);
    await tx.query(`DELETE FROM outbox WHERE dispatched_at IS NULL AND job_id = ANY($1::text[])`, [messages.map((m) => jobIdOf(m.key))]);
  }

  async withdrawQueued(messages: Pick<NotificationMessage, 'key' | 'userId'>[]): Promise<void> {
    for (const m of messages) await this.jobs.remove('deliver-notification', jobIdOf(m.key)).catch(() => false);
    await this.withdraw(this.db.manager, messages);
  }

  /**
   * The job: store the notification once, then email it once. Safe to run any number of times. The one
   * place notification preferences are honoured: a kind whose email the person turned off is stored in the
   * app and not emailed; every email that may be turned off carries its one-click unsubscribe link and
   * headers (RFC 8058). Account-security emails always send.
   */
  async deliver(message: NotificationMessage): Promise<void> {
    // A deleted account hears nothing more: its notifications were removed with it and stay so.
    const [user] = await this.db.query(`SELECT email, locale FROM app_user WHERE id = $1 AND deleted_at IS NULL`, [message.userId]);
    if (!user) return;
    if (message.inApp !== false) {
      await this.db.query(
        `INSERT INTO notification (user_id, kind, title, body, link, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [message.userId, message.kind, message.title, message.body, message.link ?? null, message.key],
      );
    }
    if (!message.email) return;
    if (!(await this.preferences.emailWanted(message.userId, message.kind))) return;
    const link = message.link ? `\n\n${this.config.appUrl}${message.link}` : '';
    const unsubscribe = alwaysEmailed(message.kind) ? null : this.unsubscribeLinks(message.userId, message.kind);
    const words = emailWords(user.locale);
    const footer = unsubscribe ? `\n\n${words.unsubscribe(unsubscribe.page)}\n${words.preferences(`${this.config.appUrl}/settings/notifications`)}` : '';
    await this.emailOnce(message.key, message.userId, () => ({
      to: message.to ?? user.email,
      subject: message.title,
      text: `${message.body}${link}\n\n— Kapwa${footer}`,
      messageId: `<${message.key.replace(/[^A-Za-z0-9.-]/g, '.')}@kapwa>`,
      unsubscribeUrl: unsubscribe?.oneClick,
    }));
  }

  /**
   * Sends the email `key` names unless an earlier run of a job sent it: the one way a job emails, so a
   * retried job or one rerun after its worker died sends nothing twice. `userId` is null for an address
   * without an account.
   */
  async emailOnce(key: string, userId: string | null, email: () => Email): Promise<void> {
    // Reserve the email before sending. A row already SENT means a previous attempt finished: stop.
    // A row still SENDING means an attempt died mid-send; send again with the same Message-ID, which
    // lets mail systems drop the copy if the first did get out.
    const [reserved] = await this.db.query(
      `INSERT INTO email_delivery (idempotency_key, user_id, status) VALUES ($1, $2, 'SENDING')
       ON CONFLICT (idempotency_key) DO UPDATE SET attempts = email_delivery.attempts + 1
       RETURNING status`,
      [key, userId],
    );
    if (reserved.status === 'SENT') return;
    if (await this.mailer.send(email())) {
      await this.db.query(`UPDATE email_delivery SET status = 'SENT', sent_at = now() WHERE idempotency_key = $1`, [key]);
    } else {
      this.logger.info({ key }, 'email skipped: no mail transport');
    }
  }

  /**
   * A kind's unsubscribe addresses for this person: the web page that asks to confirm (in the email's text)
   * and the API address a mail client POSTs to (List-Unsubscribe; a GET there leads to the page).
   */
  unsubscribeLinks(userId: string, kind: string): { page: string; oneClick: string } {
    const token = unsubscribeToken(this.config.jwtSecret, { userId, kind });
    return { page: `${this.config.appUrl}/unsubscribe?token=${token}`, oneClick: `${this.config.appUrl}/email/unsubscribe?token=${token}` };
  }

  list(userId: string, first: number, unreadOnly: boolean): Promise<Notification[]> {
    if (first < 1 || first > 100) throw badUserInput('first', 'Ask for between 1 and 100 notifications at a time.');
    return this.db.getRepository(Notification).find({
      where: unreadOnly ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC' },
      take: first,
    });
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return n;
  }

  /** Marks the viewer's own notifications read (all of them when no ids are given). Returns how many changed. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const rows = ids
      ? await returnedRows(
          this.db,
          `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[]) RETURNING id`,
          // An id that is no UUID names no notification; the cast would refuse the whole statement.
          [userId, ids.filter((id) => isUUID(id))],
        )
      : await returnedRows(this.db, `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId]);
    return rows.length;
  }
}
