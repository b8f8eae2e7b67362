import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { badUserInput } from '../platform/errors/errors.js';
import { Clock } from '../platform/common/clock.js';
import { ALL_KINDS, alwaysEmailed, DIGEST_KIND, kindOf, NOTIFICATION_KINDS } from './notification-kinds.js';
import { DigestFrequency, type NotificationPreferences, type UpdateNotificationPreferenceInput } from './notification-preferences.model.js';
import type { UnsubscribeScope } from './unsubscribe-token.js';

/** The digest when a person has chosen nothing (README: notification defaults). */
export const DEFAULT_DIGEST = DigestFrequency.DAILY;

interface Stored {
  digest: DigestFrequency | null;
  all_email_off: boolean | null;
  email: boolean | null;
}

/** Whether a kind is emailed, from what a person stored (nothing stored: the defaults). */
function emailed(kind: string, stored: Stored): boolean {
  if (alwaysEmailed(kind)) return true;
  if (stored.all_email_off) return false;
  const digest = stored.digest ?? DEFAULT_DIGEST;
  if (kind === DIGEST_KIND) return digest !== DigestFrequency.OFF;
  if (stored.email !== null) return stored.email;
  const entry = kindOf(kind);
  return entry.emailByDefault && !(entry.replacedByDigest && digest !== DigestFrequency.OFF);
}

/**
 * Notification preferences per person and kind. Read in one place, the delivery job, so every kind (also
 * those added later) honours them; written by the preferences page and by one-click unsubscribe.
 */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async emailWanted(userId: string, kind: string, db: DataSource | EntityManager = this.db): Promise<boolean> {
    if (alwaysEmailed(kind)) return true;
    const [row] = await db.query(
      `SELECT ns.digest, ns.all_email_off, np.email FROM app_user u
         LEFT JOIN notification_setting ns ON ns.user_id = u.id
         LEFT JOIN notification_preference np ON np.user_id = u.id AND np.kind = $2
        WHERE u.id = $1`,
      [userId, kind],
    );
    return row ? emailed(kind, row) : false;
  }

  /** Every kind the person may turn off: the registry's, and any other kind they have been sent or chose for. */
  async of(userId: string): Promise<NotificationPreferences> {
    const [[user], [setting], chosen, received] = await Promise.all([
      this.db.query(`SELECT time_zone FROM app_user WHERE id = $1`, [userId]),
      this.db.query(`SELECT digest, all_email_off FROM notification_setting WHERE user_id = $1`, [userId]),
      this.db.query(`SELECT kind, email FROM notification_preference WHERE user_id = $1`, [userId]) as Promise<{ kind: string; email: boolean }[]>,
      this.db.query(`SELECT DISTINCT kind FROM notification WHERE user_id = $1`, [userId]) as Promise<{ kind: string }[]>,
    ]);
    const explicit = new Map(chosen.map((c) => [c.kind, c.email]));
    const names = [...new Set([...Object.keys(NOTIFICATION_KINDS), ...received.map((r) => r.kind), ...explicit.keys()])].filter(
      (k) => !alwaysEmailed(k) && k !== DIGEST_KIND && k !== ALL_KINDS,
    );
    const stored = { digest: setting?.digest ?? null, all_email_off: setting?.all_email_off ?? false };
    return {
      kinds: names.map((name) => ({
        kind: name,
        group: kindOf(name).group,
        labelKey: kindOf(name).labelKey,
        email: emailed(name, { ...stored, email: explicit.get(name) ?? null }),
        replacedByDigest: !!kindOf(name).replacedByDigest,
      })),
      digest: stored.digest ?? DEFAULT_DIGEST,
      allEmailOff: stored.all_email_off,
      timeZone: user?.time_zone ?? 'UTC',
    };
  }

  async update(userId: string, input: UpdateNotificationPreferenceInput): Promise<NotificationPreferences> {
    const hasEmail = input.email !== undefined && input.email !== null;
    if (!!input.kind !== hasEmail) throw badUserInput(input.kind ? 'email' : 'kind', 'Say which kind of notification and whether to email it.');
    if (!input.kind && !input.digest && (input.allEmailOff === undefined || input.allEmailOff === null)) {
      throw badUserInput('kind', 'Choose something to change.');
    }
    if (input.kind && (alwaysEmailed(input.kind) || input.kind === ALL_KINDS)) {
      throw badUserInput('kind', 'Account-security emails are always sent.');
    }
    await this.db.transaction(async (tx) => {
      if (input.kind === DIGEST_KIND) await this.setDigest(tx, userId, input.email ? DigestFrequency.DAILY : DigestFrequency.OFF);
      else if (input.kind) await this.setEmail(tx, userId, input.kind, !!input.email);
      if (input.digest) await this.setDigest(tx, userId, input.digest);
      if (input.allEmailOff !== undefined && input.allEmailOff !== null) await this.setAllOff(tx, userId, input.allEmailOff);
    });
    return this.of(userId);
  }

  /** What a one-click unsubscribe turns off. Doing it again changes nothing. */
  async unsubscribe(scope: UnsubscribeScope): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (scope.kind === ALL_KINDS) await this.setAllOff(tx, scope.userId, true);
      else if (scope.kind === DIGEST_KIND) await this.setDigest(tx, scope.userId, DigestFrequency.OFF);
      else await this.setEmail(tx, scope.userId, scope.kind, false);
    });
  }

  private async setEmail(tx: EntityManager, userId: string, kind: string, email: boolean): Promise<void> {
    await tx.query(
      `INSERT INTO notification_preference (user_id, kind, email, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
      [userId, kind, email, this.clock.now()],
    );
  }

  private async setDigest(tx: EntityManager, userId: string, digest: DigestFrequency): Promise<void> {
    await tx.query(
      `INSERT INTO notification_setting (user_id, digest, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest, updated_at = EXCLUDED.updated_at`,
      [userId, digest, this.clock.now()],
    );
  }

  private async setAllOff(tx: EntityManager, userId: string, off: boolean): Promise<void> {
    await tx.query(
      `INSERT INTO notification_setting (user_id, digest, all_email_off, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET all_email_off = EXCLUDED.all_email_off, updated_at = EXCLUDED.updated_at`,
      [userId, DEFAULT_DIGEST, off, this.clock.now()],
    );
  }
}
