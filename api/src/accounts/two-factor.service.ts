import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { DataSource, EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/common/clock.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { badUserInput, conflict, forbidden, notFound, unauthenticated } from '../platform/errors/errors.js';
import { Setting } from '../platform/settings/setting.entity.js';
import { PasswordService } from './password.service.js';
import { newRecoveryCode, normalizeRecoveryCode, TwoFactorCrypto } from './two-factor.crypto.js';
import { RecoveryCode, UserTwoFactor } from './two-factor.entity.js';
import { User } from './user.entity.js';

const ISSUER = 'Kapwa';
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it changes, still works. */
const WINDOW = 1;
const RECOVERY_CODE_COUNT = 10;
const POLICY_KEY = 'two-factor.required-for-staff';
/** Audit subject for platform-wide settings, which have no row id of their own. */
export const PLATFORM_SUBJECT_ID = '00000000-0000-0000-0000-000000000000';

export const CODE_REQUIRED = 'Enter the code from your authenticator app.';
const WRONG_CODE = 'That code is not correct. Enter the current code from your authenticator app, or a recovery code.';
const WRONG_APP_CODE = 'That code is not correct. Enter the current code from your authenticator app.';

export interface TwoFactorSetup {
  secret: string;
  uri: string;
  qrCodeSvg: string;
}

/** Staff is anyone holding a platform role: each of them can change what others learn or see. */
export const isStaff = (user: User) => user.roles.length > 0;

/**
 * Two-step sign-in with time-based codes (RFC 6238, as authenticator apps make them) and single-use
 * recovery codes. A code is accepted once: the step it belongs to is remembered, so a code seen over a
 * shoulder or replayed from a log cannot be used again.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserTwoFactor) private readonly rows: Repository<UserTwoFactor>,
    @InjectRepository(Setting) private readonly settings: Repository<Setting>,
    private readonly crypto: TwoFactorCrypto,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Whether each person has two-step sign-in on, one query per request however many people are asked about. */
  isEnabled(req: object, userId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, 'two-factor-enabled', async (ids) => {
      const on = await this.rows.find({ select: { userId: true }, where: { userId: In([...ids]), enabledAt: Not(IsNull()) } });
      return byKeys(ids, on, (row) => row.userId).map(Boolean);
    }).load(userId);
  }

  async requiredForStaff(): Promise<boolean> {
    const setting = await this.settings.findOneBy({ key: POLICY_KEY });
    return setting?.value === true;
  }

  /** Whether this person must use two-step sign-in: staff, when admins require it. */
  async requiredFor(user: User): Promise<boolean> {
    return isStaff(user) && (await this.requiredForStaff());
  }

  /** Staff under the policy who have not set it up yet may manage their own account and nothing else. */
  async assertSetUpIfRequired(viewer: User, req: object): Promise<void> {
    if (!isStaff(viewer) || (await this.isEnabled(req, viewer.id)) || !(await this.requiredForStaff())) return;
    throw forbidden('An admin requires two-step sign-in for staff: set it up on your profile page first.', { twoFactorSetupRequired: true });
  }

  async startSetup(viewer: User): Promise<TwoFactorSetup> {
    const existing = await this.rows.findOneBy({ userId: viewer.id });
    if (existing?.enabledAt) throw conflict('Two-step sign-in is already on. Turn it off first to move it to another device.');
    const secret = new Secret({ size: 20 }).base32;
    await this.rows.upsert(
      { userId: viewer.id, secretEncrypted: this.crypto.encrypt(secret, viewer.id), enabledAt: null, lastUsedStep: null },
      ['userId'],
    );
    const uri = this.totp(viewer, secret).toString();
    const qrCodeSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrCodeSvg };
  }

  /** Turns two-step sign-in on once the app shows a right code; answers the recovery codes, shown this once. */
  async confirm(viewer: User, code: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const row = await tx.findOne(UserTwoFactor, { where: { userId: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw conflict('Start setting up two-step sign-in first.');
      if (row.enabledAt) throw conflict('Two-step sign-in is already on.');
      if (!(await this.acceptAppCode(tx, viewer, row, code))) throw badUserInput('code', WRONG_APP_CODE);
      await tx.update(UserTwoFactor, { userId: viewer.id }, { enabledAt: this.clock.now() });
      const codes = await this.replaceRecoveryCodes(tx, viewer.id);
      await this.record(tx, viewer, 'user.two-factor.enabled');
      return codes;
    });
  }

  async disable(viewer: User, password: string, code: string): Promise<void> {
    const hash = await this.passwordHashOf(viewer.id);
    if (!(await this.passwords.verify(hash, password))) throw badUserInput('password', 'That password is not correct.');
    await this.db.transaction(async (tx) => {
      const row = await this.enabledRow(tx, viewer);
      if (!(await this.acceptAnyCode(tx, viewer, row, code))) throw badUserInput('code', WRONG_CODE);
      await tx.delete(RecoveryCode, { userId: viewer.id });
      await tx.delete(UserTwoFactor, { userId: viewer.id });
      await this.record(tx, viewer, 'user.two-factor.disabled');
    });
  }

  async regenerateRecoveryCodes(viewer: User, code: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const row = await this.enabledRow(tx, viewer);
      if (!(await this.acceptAppCode(tx, viewer, row, code))) throw badUserInput('code', WRONG_APP_CODE);
      const codes = await this.replaceRecoveryCodes(tx, viewer.id);
      await this.record(tx, viewer, 'user.two-factor.recovery-codes.replaced');
      return codes;
    });
  }

  /** For a person who lost both their phone and their recovery codes, once an admin has checked who they are. */
  async resetFor(admin: User, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(User, { id: userId }))) throw notFound('That person');
      await tx.delete(RecoveryCode, { userId });
      const { affected } = await tx.delete(UserTwoFactor, { userId });
      if (!affected) throw conflict('Two-step sign-in is not on for this person.');
      await this.audit.record(tx, { actorId: admin.id, action: 'user.two-factor.reset', subjectType: 'user', subjectId: userId });
    });
  }

  async setPolicy(admin: User, requiredForStaff: boolean, req: object): Promise<boolean> {
    // An admin who required it without having it would be refused the very switch that turns it off.
    if (requiredForStaff && !(await this.isEnabled(req, admin.id))) {
      throw conflict('Turn on two-step sign-in for yourself first, then require it for staff.', 'requiredForStaff');
    }
    await this.db.transaction(async (tx) => {
      const before = (await tx.findOneBy(Setting, { key: POLICY_KEY }))?.value === true;
      await tx.upsert(Setting, { key: POLICY_KEY, value: requiredForStaff, updatedBy: admin.id }, ['key']);
      await this.audit.record(tx, {
        actorId: admin.id,
        action: 'settings.two-factor-policy.set',
        subjectType: 'platform',
        subjectId: PLATFORM_SUBJECT_ID,
        data: { requiredForStaff: { from: before, to: requiredForStaff } },
      });
    });
    return requiredForStaff;
  }

  /**
   * The second step of logging in, run after the password proved right and inside the log-in limits: a
   * refusal thrown here is counted like a wrong password. Without two-step sign-in on, it asks nothing.
   */
  async assertSecondFactor(user: User, code: string | null | undefined): Promise<void> {
    const row = await this.rows.findOneBy({ userId: user.id, enabledAt: Not(IsNull()) });
    if (!row) return;
    if (!code?.trim()) throw unauthenticated(CODE_REQUIRED, { twoFactorRequired: true });
    const accepted = await this.db.transaction((tx) => this.acceptAnyCode(tx, user, row, code));
    if (!accepted) throw unauthenticated(WRONG_CODE, { twoFactorRequired: true });
  }

  private totp(user: Pick<User, 'email'>, secret: string): TOTP {
    return new TOTP({ issuer: ISSUER, label: user.email, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
  }

  private async enabledRow(tx: EntityManager, viewer: User): Promise<UserTwoFactor> {
    const row = await tx.findOneBy(UserTwoFactor, { userId: viewer.id, enabledAt: Not(IsNull()) });
    if (!row) throw conflict('Two-step sign-in is not on.');
    return row;
  }

  private async acceptAnyCode(tx: EntityManager, user: User, row: UserTwoFactor, code: string): Promise<boolean> {
    return (await this.acceptAppCode(tx, user, row, code)) || this.useRecoveryCode(tx, user, code);
  }

  /**
   * A code from the app for the current step or one either side, newer than the last accepted; the
   * step is recorded in the same statement that checks it, so two requests cannot both use one code.
   */
  private async acceptAppCode(tx: EntityManager, user: User, row: UserTwoFactor, code: string): Promise<boolean> {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return false;
    const now = this.clock.now().getTime();
    const delta = this.totp(user, this.crypto.decrypt(row.secretEncrypted, user.id)).validate({ token, timestamp: now, window: WINDOW });
    if (delta === null) return false;
    const step = TOTP.counter({ period: PERIOD_SECONDS, timestamp: now }) + delta;
    const result = await tx
      .createQueryBuilder()
      .update(UserTwoFactor)
      .set({ lastUsedStep: String(step) })
      .where('user_id = :userId AND (last_used_step IS NULL OR last_used_step < :step)', { userId: user.id, step })
      .execute();
    return result.affected === 1;
  }

  private async useRecoveryCode(tx: EntityManager, user: User, code: string): Promise<boolean> {
    if (!/^[a-z2-7]{16}$/.test(normalizeRecoveryCode(code))) return false;
    const result = await tx
      .createQueryBuilder()
      .update(RecoveryCode)
      .set({ usedAt: this.clock.now() })
      .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', { userId: user.id, hash: this.crypto.hashRecoveryCode(code) })
      .execute();
    if (result.affected !== 1) return false;
    const left = await tx.countBy(RecoveryCode, { userId: user.id, usedAt: IsNull() });
    await this.record(tx, user, 'user.two-factor.recovery-code.used', { recoveryCodesLeft: left });
    return true;
  }

  private async replaceRecoveryCodes(tx: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.delete(RecoveryCode, { userId });
    await tx.insert(
      RecoveryCode,
      codes.map((code) => ({ userId, codeHash: this.crypto.hashRecoveryCode(code) })),
    );
    return codes;
  }

  private async passwordHashOf(userId: string): Promise<string | undefined> {
    const user = await this.db.getRepository(User).createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :userId', { userId }).getOne();
    return user?.passwordHash;
  }

  private record(tx: EntityManager, user: User, action: string, data: Record<string, unknown> = {}): Promise<void> {
    return this.audit.record(tx, { actorId: user.id, action, subjectType: 'user', subjectId: user.id, data });
  }
}
