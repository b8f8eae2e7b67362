import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readsSpaceSql } from '../community/community.policy.js';
import { Clock } from '../platform/common/clock.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { emailWords } from './email-words.js';
import { DIGEST_KIND } from './notification-kinds.js';
import { DigestFrequency } from './notification-preferences.model.js';
import { NotificationsService } from './notifications.service.js';
import { DEFAULT_DIGEST } from './preferences.service.js';

/** The local hour a digest is sent from (and the hour it is no longer sent after: a morning email stays one). */
export const DIGEST_HOUR = 7;
const DIGEST_LAST_HOUR = 11;
/** How often the worker looks for people whose morning it is. */
export const DIGEST_SWEEP_EVERY_MS = 10 * 60_000;
const BATCH = 200;
const MAX_THREADS = 50;
const MAX_LOOKBACK_MS = 7 * 24 * 3600_000;

interface Due {
  id: string;
  locale: string;
  digest: 'DAILY' | 'WEEKLY';
  period: string;
}

interface Item {
  thread_id: string;
  thread: string;
  space: string;
  author: string;
  is_new: boolean;
  replies: number;
  posts: number;
}

/**
 * The community digest. A periodic sweep (the worker's `send-digests`, every few minutes) finds the people
 * whose own morning it is (07:00–11:59 in their time zone; weekly ones on Monday) with no digest yet for this
 * period, and emails each, in their language, the new threads and replies since their last digest in the
 * spaces they follow (their courses' spaces and the spaces they joined), read through the community's one
 * read rule, never a hidden post nor their own. A row per person and period (its primary key) is written in
 * the same transaction as the email's outbox row: running the sweep twice, or on two workers, sends one.
 * Nothing new: the period is recorded, nothing sent.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Sends the digests due now; returns how many were emailed. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (;;) {
      const due = await this.due(now);
      for (const person of due) if (await this.send(person, now)) sent += 1;
      if (due.length < BATCH) return sent;
    }
  }

  private due(now: Date): Promise<Due[]> {
    const local = `($1::timestamptz AT TIME ZONE u.time_zone)`;
    const digest = `coalesce(ns.digest, '${DEFAULT_DIGEST}')`;
    return this.db.query(
      `SELECT id, locale, digest, period FROM (
         SELECT u.id, u.locale, ${digest} AS digest,
                ${digest} || ':' || to_char((${local})::date - CASE WHEN ${digest} = 'WEEKLY' THEN extract(isodow FROM ${local})::int - 1 ELSE 0 END, 'YYYY-MM-DD') AS period
           FROM app_user u LEFT JOIN notification_setting ns ON ns.user_id = u.id
          WHERE u.deleted_at IS NULL AND u.suspended_at IS NULL
            AND ${digest} <> 'OFF' AND NOT coalesce(ns.all_email_off, false)
            AND extract(hour FROM ${local}) BETWEEN ${DIGEST_HOUR} AND ${DIGEST_LAST_HOUR}
            AND (${digest} = 'DAILY' OR extract(isodow FROM ${local}) = 1)
       ) candidate
       WHERE NOT EXISTS (SELECT 1 FROM digest_delivery d WHERE d.user_id = candidate.id AND d.period = candidate.period)
       ORDER BY id LIMIT ${BATCH}`,
      [now],
    );
  }

  /** One person's digest for one period, once. Returns whether an email was queued. */
  private send(person: Due, now: Date): Promise<boolean> {
    const periodMs = (person.digest === DigestFrequency.WEEKLY ? 7 : 1) * 24 * 3600_000;
    return this.db.transaction(async (tx) => {
      const [{ last }] = await tx.query(`SELECT max(covered_until) AS last FROM digest_delivery WHERE user_id = $1`, [person.id]);
      // Since the last digest (a morning missed while the worker was down is caught up), or one period back
      // for a first digest; never more than a week back (a digest turned on again starts fresh).
      const since = new Date(Math.max(last ? new Date(last).getTime() : now.getTime() - periodMs, now.getTime() - MAX_LOOKBACK_MS));
      const items: Item[] = await tx.query(
        `SELECT t.id AS thread_id, t.title AS thread, s.title AS space, a.display_name AS author,
                bool_or(p.opening) AS is_new, (count(*) FILTER (WHERE NOT p.opening))::int AS replies, count(*)::int AS posts
           FROM post p JOIN thread t ON t.id = p.thread_id JOIN space s ON s.id = t.space_id JOIN app_user a ON a.id = t.author_id
          WHERE p.created_at > $2 AND p.created_at <= $3 AND p.hidden_at IS NULL AND p.author_id <> $1
            AND (s.kind = 'COURSE' OR EXISTS (SELECT 1 FROM space_member m WHERE m.space_id = s.id AND m.user_id = $1))
            AND ${readsSpaceSql('s', '$1')}
          GROUP BY t.id, s.id, a.display_name
          ORDER BY s.title, min(p.created_at), t.id
          LIMIT ${MAX_THREADS}`,
        [person.id, since, now],
      );
      const count = items.reduce((n, i) => n + i.posts, 0);
      const recorded = await tx.query(
        `INSERT INTO digest_delivery (user_id, period, covered_from, covered_until, item_count, created_at) VALUES ($1, $2, $3, $4, $5, $4)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [person.id, person.period, since, now, count],
      );
      if (!recorded.length || !items.length) return false;
      const words = emailWords(person.locale);
      const lines: string[] = [];
      let space: string | null = null;
      for (const item of items) {
        if (item.space !== space) lines.push('', item.space);
        space = item.space;
        if (item.is_new) lines.push(`- ${words.newThread(item.thread, item.author)}`);
        if (item.replies) lines.push(`- ${words.replies(item.thread, item.replies)}`);
        lines.push(`  ${this.config.appUrl}/community/threads/${item.thread_id}`);
      }
      await this.notifications.notify(tx, [
        {
          key: `digest:${person.id}:${person.period}`,
          userId: person.id,
          kind: DIGEST_KIND,
          title: words.digestTitle(person.digest, count),
          body: [words.digestIntro(person.digest), ...lines].join('\n'),
          link: '/community',
          email: true,
          inApp: false,
        },
      ]);
      return true;
    });
  }
}
