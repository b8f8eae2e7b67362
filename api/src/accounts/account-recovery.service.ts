import { EMAIL_MAX_LENGTH, normalizeEmail } from '@kapwa/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/common/clock.js';
import { badUserInput, conflict, isUniqueViolation } from '../platform/errors/errors.js';
import { AccountLinksService } from './account-links.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { assertPasswordRules, PasswordService } from './password.service.js';
import { RateLimitsService } from './rate-limits.service.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { returnedRows } from '../platform/database/returning.js';

/**
 * People recover and look after their accounts alone: reset a forgotten password by an emailed link,
 * change it, end every session, confirm and change their email. Every way of proving who you are
 * again (reset, change) ends the sessions before it, by moving the account's token version on.
 */
@Injectable()
export class AccountRecoveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AccountLinksService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly limits: RateLimitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Answers the same, and as fast, whether or not the address has an account: all the request does is
   * queue a job; the worker finds the account (if any) and sends the link.
   */
  async requestPasswordReset(email: string): Promise<true> {
    await this.links.send({ purpose: 'PASSWORD_RESET', email: validEmail('email', email) });
    return true;
  }

  async resetPassword(token: string, newPassword: string): Promise<AuthPayload> {
    assertPasswordRules('newPassword', newPassword);
    const user = await this.db.transaction(async (tx) => {
      const link = await this.links.spend(tx, token, 'PASSWORD_RESET');
      // Hashed only for a good link, so made-up links cost the server nothing.
      const passwordHash = await this.passwords.hash(newPassword);
      // A link sent before the account moved to another address no longer proves anything.
      const [current] = await tx.query(`SELECT lower(email) AS email FROM app_user WHERE id = $1 FOR UPDATE`, [link.userId]);
      if (current?.email !== link.email) throw badUserInput('token', 'This link is not valid any more. Ask for a new one from the log-in page.');
      await this.links.retireAll(tx, link.userId, ['PASSWORD_RESET']);
      // Opening the emailed link proves the address too.
      await tx.query(`UPDATE app_user SET email_verified_at = coalesce(email_verified_at, $2) WHERE id = $1`, [link.userId, this.clock.now()]);
      return this.setPassword(tx, link.userId, passwordHash, 'user.password.reset');
    });
    return { token: this.tokens.issue(user), user };
  }

  /** Needs the current password, checked under the log-in limits so this is no way around them. */
  async changePassword(viewer: User, currentPassword: string, newPassword: string, address: string): Promise<true> {
    const confirmed = await this.confirmPassword(viewer, currentPassword, address);
    if (!confirmed) throw badUserInput('currentPassword', 'Your current password is not correct.');
    assertPasswordRules('newPassword', newPassword);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.db.transaction(async (tx) => {
      await this.links.retireAll(tx, viewer.id, ['PASSWORD_RESET']);
      await this.setPassword(tx, viewer.id, passwordHash, 'user.password.changed');
    });
    return true;
  }

  async logOutEverywhere(viewer: User): Promise<true> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [viewer.id]);
      await this.record(tx, viewer.id, 'user.sessions.ended');
    });
    return true;
  }

  /** Sent after sign-up, and again on request while the address is not confirmed. */
  async sendVerification(userId: string): Promise<void> {
    await this.links.send({ purpose: 'VERIFY_EMAIL', userId });
  }

  async verifyEmail(token: string): Promise<true> {
    await this.db.transaction(async (tx) => {
      const link = await this.links.spend(tx, token, 'VERIFY_EMAIL');
      const [updated] = await returnedRows<{ id: string }>(
        tx,
        `UPDATE app_user SET email_verified_at = coalesce(email_verified_at, $3) WHERE id = $1 AND lower(email) = $2 RETURNING id`,
        [link.userId, link.email, this.clock.now()],
      );
      // The account has moved to another address since: this link confirmed the old one.
      if (!updated) throw badUserInput('token', 'This link is for an address your account no longer uses.');
    });
    return true;
  }

  /** Emails a confirmation link to the new address and a notice to the current one; nothing changes until confirmed. */
  async requestEmailChange(viewer: User, newEmail: string, password: string, address: string): Promise<true> {
    const email = validEmail('newEmail', newEmail);
    if (email === normalizeEmail(viewer.email)) throw badUserInput('newEmail', 'This is already your email address.');
    if (!(await this.confirmPassword(viewer, password, address))) throw badUserInput('password', 'Your password is not correct.');
    if (await this.emailTaken(this.db.manager, email)) throw conflict('Another account already uses this email address.', 'newEmail');
    await this.links.send({ purpose: 'CHANGE_EMAIL', userId: viewer.id, newEmail: email });
    return true;
  }

  async confirmEmailChange(token: string): Promise<true> {
    try {
      await this.db.transaction(async (tx) => {
        const link = await this.links.spend(tx, token, 'CHANGE_EMAIL');
        if (await this.emailTaken(tx, link.email)) throw conflict('Another account already uses this email address.', 'email');
        await tx.query(`UPDATE app_user SET email = $2, email_verified_at = $3 WHERE id = $1`, [link.userId, link.email, this.clock.now()]);
        // Links sent to the old address (a reset, a verification) must not act on the new one.
        await this.links.retireAll(tx, link.userId, ['PASSWORD_RESET', 'VERIFY_EMAIL', 'CHANGE_EMAIL']);
        await this.record(tx, link.userId, 'user.email.changed');
      });
    } catch (err) {
      // Taken between the check and the write, by a sign-up at the same moment.
      if (isUniqueViolation(err, 'app_user_email_key')) throw conflict('Another account already uses this email address.', 'email');
      throw err;
    }
    return true;
  }

  private async confirmPassword(viewer: User, password: string, address: string): Promise<boolean> {
    const confirmed = await this.limits.attemptLogIn(normalizeEmail(viewer.email), address, async () => {
      const [row] = await this.db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [viewer.id]);
      return (await this.passwords.verify(row?.password_hash, password)) ? true : null;
    });
    return !!confirmed;
  }

  private async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [email])).length > 0;
  }

  /** A new password ends every session, this one included: the caller hands out a fresh token if it should. */
  private async setPassword(tx: EntityManager, userId: string, passwordHash: string, action: string): Promise<User> {
    await tx.query(`UPDATE app_user SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`, [userId, passwordHash]);
    await this.record(tx, userId, action);
    return tx.findOneByOrFail(User, { id: userId });
  }

  private record(tx: EntityManager, userId: string, action: string): Promise<void> {
    return this.audit.record(tx, { actorId: userId, action, subjectType: 'user', subjectId: userId });
  }
}

/** The address normalized as accounts store it; a malformed one is refused on `field` (which says nothing about accounts). */
function validEmail(field: string, email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized.length > EMAIL_MAX_LENGTH || !isEmail(normalized)) throw badUserInput(field, 'Enter a valid email address, such as name@example.org.');
  return normalized;
}
