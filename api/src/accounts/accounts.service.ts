import { canonicalLocale, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, normalizeEmail } from '@kapwa/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Brackets, DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { badUserInput, conflict, forbidden, isUniqueViolation, notFound, unauthenticated } from '../platform/errors/errors.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../platform/common/keyset-cursor.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { OutboxService } from '../platform/jobs/outbox.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AccountLinksService } from './account-links.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { UpdateMeInput } from './dto/update-me.input.js';
import { UserConnection } from './dto/user-connection.model.js';
import { PasswordService } from './password.service.js';
import { RateLimitsService } from './rate-limits.service.js';
import { Role } from './role.js';
import { TokenService } from './token.service.js';
import { TwoFactorService } from './two-factor.service.js';
import { User } from './user.entity.js';
import { ACCOUNT_SUSPENDED } from './viewer.service.js';

/** Serializes sign-ups and role changes, so "first account is admin" and "one admin remains" hold. */
const ACCOUNTS_LOCK = 7_240_001;

const WRONG_CREDENTIALS = 'The email or password is not correct.';

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly limits: RateLimitsService,
    private readonly audit: AuditService,
    private readonly links: AccountLinksService,
    private readonly twoFactor: TwoFactorService,
    private readonly outbox: OutboxService,
  ) {}

  async signUp(input: SignUpInput): Promise<AuthPayload> {
    if (input.organizationId) await this.assertOrganizationExists(input.organizationId);
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const user = await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
        const isFirst = (await tx.count(User)) === 0;
        const created = tx.create(User, {
          email: normalizeEmail(input.email),
          passwordHash,
          displayName: input.displayName,
          country: input.country ?? null,
          timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
          locale: input.locale ? canonicalLocale(input.locale) : DEFAULT_LOCALE,
          roles: isFirst ? [Role.ADMIN] : [],
          organizationId: input.organizationId ?? null,
          lastSignInAt: new Date(),
          tokenVersion: 0,
          emailVerifiedAt: null,
        });
        await tx.insert(User, created);
        if (isFirst) {
          await this.audit.record(tx, {
            actorId: created.id,
            action: AuditAction.ROLES_CHANGED,
            subjectType: AuditSubject.USER,
            subjectId: created.id,
            data: { roles: [Role.ADMIN], reason: 'first account' },
          });
        }
        return created;
      });
      await this.links.send({ purpose: 'VERIFY_EMAIL', userId: user.id });
      return { token: this.tokens.issue(user), user };
    } catch (err) {
      if (isUniqueViolation(err, 'app_user_email_key')) {
        throw conflict('An account with this email already exists. Log in instead.', 'email');
      }
      throw err;
    }
  }

  async logIn(email: string, password: string, address: string, twoFactorCode?: string | null): Promise<AuthPayload> {
    const normalized = normalizeEmail(email);
    const user = await this.limits.attemptLogIn(normalized, address, async () => {
      const found = await this.users
        .createQueryBuilder('user')
        .addSelect('user.passwordHash')
        .where('lower(user.email) = :email', { email: normalized })
        .andWhere('user.deleted_at IS NULL')
        .getOne();
      if (!((await this.passwords.verify(found?.passwordHash, password)) && found)) return null;
      await this.twoFactor.assertSecondFactor(found, twoFactorCode);
      return found;
    });
    if (!user) throw unauthenticated(WRONG_CREDENTIALS);
    // Only someone who knows the password learns that the account is suspended.
    if (user.suspendedAt) throw forbidden(ACCOUNT_SUSPENDED);
    user.lastSignInAt = new Date();
    await this.users.update({ id: user.id }, { lastSignInAt: user.lastSignInAt });
    return { token: this.tokens.issue(user), user };
  }

  async updateMe(viewer: User, input: UpdateMeInput): Promise<User> {
    if (input.organizationId) await this.assertOrganizationExists(input.organizationId);
    const changes: Partial<User> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.country !== undefined) changes.country = input.country;
    if (input.timeZone !== undefined) changes.timeZone = input.timeZone;
    if (input.locale !== undefined) changes.locale = canonicalLocale(input.locale);
    if (input.organizationId !== undefined) changes.organizationId = input.organizationId;
    if (Object.keys(changes).length > 0) await this.users.update({ id: viewer.id }, changes);
    return this.users.findOneByOrFail({ id: viewer.id });
  }

  async setRoles(admin: User, userId: string, roles: Role[]): Promise<User> {
    const wanted = [...new Set(roles)].sort();
    return this.changeAccount(async (tx) => {
      const user = await this.userToChange(tx, userId);
      if (user.roles.includes(Role.ADMIN) && !wanted.includes(Role.ADMIN)) {
        await this.assertAnotherActiveAdmin(tx, userId, 'roles', 'Kapwa needs at least one admin: make someone else an admin first.');
      }
      return this.applyAdminChange(tx, admin, user, { roles: wanted }, AuditAction.ROLES_CHANGED, { from: user.roles, to: wanted });
    });
  }

  /** Ends every session of the account at once and refuses its log-ins until an admin restores it. */
  async suspend(admin: User, userId: string, reason: string): Promise<User> {
    if (userId === admin.id) throw badUserInput('userId', 'You cannot suspend your own account.');
    return this.changeAccount(async (tx) => {
      const user = await this.userToChange(tx, userId);
      if (user.suspendedAt) return user;
      if (user.roles.includes(Role.ADMIN)) {
        await this.assertAnotherActiveAdmin(tx, userId, 'userId', 'Kapwa needs at least one admin who can sign in.');
      }
      return this.applyAdminChange(tx, admin, user, { suspendedAt: new Date() }, AuditAction.ACCOUNT_SUSPENDED, { reason });
    });
  }

  async restore(admin: User, userId: string): Promise<User> {
    return this.changeAccount(async (tx) => {
      const user = await this.userToChange(tx, userId);
      if (!user.suspendedAt) return user;
      return this.applyAdminChange(tx, admin, user, { suspendedAt: null }, AuditAction.ACCOUNT_RESTORED);
    });
  }

  /** An admin places a person in an organization (or in none), as the person can from their profile. */
  async setOrganization(admin: User, userId: string, organizationId: string | null): Promise<User> {
    if (organizationId) await this.assertOrganizationExists(organizationId);
    return this.changeAccount(async (tx) => {
      const user = await this.userToChange(tx, userId);
      if (user.organizationId === organizationId) return user;
      return this.applyAdminChange(tx, admin, user, { organizationId }, AuditAction.ORGANIZATION_CHANGED, {
        from: user.organizationId,
        to: organizationId,
      });
    });
  }

  /**
   * Changes to roles and suspensions run one at a time (with sign-ups), so two admins removing each
   * other at once cannot leave Kapwa without one.
   */
  private changeAccount<T>(change: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
      return change(tx);
    });
  }

  /** An admin's change to a person's account, and its audit entry, in the caller's transaction. */
  private async applyAdminChange(
    tx: EntityManager,
    admin: User,
    user: User,
    changes: Partial<Pick<User, 'roles' | 'suspendedAt' | 'organizationId'>>,
    action: AuditAction,
    data?: Record<string, unknown>,
  ): Promise<User> {
    await tx.update(User, { id: user.id }, changes);
    await this.audit.record(tx, { actorId: admin.id, action, subjectType: AuditSubject.USER, subjectId: user.id, ...(data ? { data } : {}) });
    return { ...user, ...changes };
  }

  private async userToChange(tx: EntityManager, userId: string): Promise<User> {
    const user = isUUID(userId) ? await tx.findOneBy(User, { id: userId, deletedAt: IsNull() }) : null;
    if (!user) throw notFound('That person');
    return user;
  }

  /** Kapwa always keeps an admin who can sign in: someone other than `userId`, holding ADMIN and not suspended. */
  private async assertAnotherActiveAdmin(tx: EntityManager, userId: string, field: string | undefined, message: string): Promise<void> {
    const others = await tx
      .createQueryBuilder(User, 'u')
      .where(':admin = ANY(u.roles)', { admin: Role.ADMIN })
      .andWhere('u.suspended_at IS NULL')
      .andWhere('u.id <> :userId', { userId })
      .getCount();
    if (others === 0) throw conflict(message, field);
  }

  /** People for admins to manage, by display name or email, newest first; optionally one organization's members. */
  async list(search: string | undefined, first: number, after: string | undefined, organizationId?: string): Promise<UserConnection> {
    const query = this.users.createQueryBuilder('u').where('u.deleted_at IS NULL');
    if (organizationId) query.andWhere('u.organization_id = :organizationId', { organizationId });
    if (search?.trim()) {
      const pattern = `%${search.trim().toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(
        new Brackets((w) => w.where('lower(u.display_name) LIKE :pattern', { pattern }).orWhere('u.email LIKE :pattern', { pattern })),
      );
    }
    const totalCount = await query.getCount();
    const cursor = after ? decodeKeysetCursor(after) : null;
    if (cursor) {
      query.andWhere(`(${CREATED_MS}, u.id) < (:createdAt::timestamptz, :id::uuid)`, cursor);
    }
    const rows = await query.orderBy(CREATED_MS, 'DESC').addOrderBy('u.id', 'DESC').take(first + 1).getMany();
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeKeysetCursor(last.createdAt, last.id) : null },
    };
  }


  /**
   * Deletes the viewer's account, the password asked again. What others depend on stays, anonymous:
   * enrolments (withdrawn, without group), lesson progress, attendance and course evaluations remain
   * for courses' figures, held by a row named "Former member" with no email, password, country,
   * organization or roles. What is the person's alone goes: notifications, certificates (a certificate
   * names its holder; one naming nobody proves nothing, so its code stops verifying), their own
   * assignment work with its grades (a group's work stays with the group), invitations to their address
   * and the calendar feed. Community posts and published resource links stay, under "Former member". Every session ends (the account no longer signs anyone in).
   */
  async deleteMe(viewer: User, password: string): Promise<boolean> {
    const withHash = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: viewer.id }).getOneOrFail();
    if (!(await this.passwords.verify(withHash.passwordHash, password))) throw badUserInput('password', 'The password is not correct.');
    await this.changeAccount(async (tx) => {
      const { roles } = await tx.findOneByOrFail(User, { id: viewer.id });
      if (roles.includes(Role.ADMIN)) {
        await this.assertAnotherActiveAdmin(tx, viewer.id, undefined, 'Kapwa needs at least one admin: make someone else an admin before deleting your account.');
      }
      const params = [viewer.id];
      await tx.query(`DELETE FROM notification WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM certificate WHERE enrollment_id IN (SELECT id FROM enrollment WHERE user_id = $1)`, params);
      await tx.query(`DELETE FROM submission WHERE learner_id = $1 AND group_name IS NULL`, params);
      await tx.query(`DELETE FROM course_invitation WHERE accepted_at IS NULL AND email = (SELECT lower(email) FROM app_user WHERE id = $1)`, params);
      await tx.query(`UPDATE enrollment SET group_name = NULL, status = CASE WHEN status = 'ACTIVE' THEN 'WITHDRAWN' ELSE status END WHERE user_id = $1`, params);
      await tx.query(`UPDATE email_delivery SET user_id = NULL WHERE user_id = $1`, params);
      // Grant work: applications stay with their organization and submitted reviews with the call's
      // figures (held by the former member); reviews not yet written and declared conflicts go.
      await tx.query(`DELETE FROM grant_reviewer_assignment WHERE reviewer_id = $1`, params);
      await tx.query(`DELETE FROM grant_conflict WHERE reviewer_id = $1`, params);
      // Community posts stay where they are, shown by the "Former member" row, so conversations keep
      // their sense; the person's earlier texts of edited posts, space memberships, read markers and
      // reports go.
      await tx.query(`DELETE FROM post_revision WHERE post_id IN (SELECT id FROM post WHERE author_id = $1)`, params);
      await tx.query(`DELETE FROM space_member WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM thread_read WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM post_report WHERE reporter_id = $1`, params);
      // The resource library: their suggestions (waiting or declined) go; published links they added stay,
      // shown by the "Former member" row, as community posts do. A published file goes with their uploads
      // (nothing a person uploaded outlives their account; resource.media_asset_id cascades), so at once here.
      await tx.query(`DELETE FROM resource WHERE added_by = $1 AND (status <> 'PUBLISHED' OR kind = 'FILE')`, params);
      // Their directory entry goes (bio, expertise, languages, focal-point mark).
      await tx.query(`DELETE FROM directory_profile WHERE user_id = $1`, params);
      // Their notification preferences, digests sent and invitations into spaces go.
      await tx.query(`DELETE FROM notification_preference WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM notification_setting WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM digest_delivery WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM space_invitation WHERE user_id = $1`, params);
      // Sign-in secrets and emailed links of the account go too.
      await tx.query(`DELETE FROM account_token WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM two_factor_recovery_code WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM user_two_factor WHERE user_id = $1`, params);
      await tx.query(
        `UPDATE app_user SET email = 'deleted-' || id || '@deleted.invalid', password_hash = '!', display_name = $2, country = NULL,
           time_zone = $3, locale = $4, roles = '{}', organization_id = NULL, calendar_token = NULL, deleted_at = now(), updated_at = now(),
           token_version = token_version + 1, email_verified_at = NULL, last_sign_in_at = NULL
         WHERE id = $1`,
        [viewer.id, FORMER_MEMBER, DEFAULT_TIME_ZONE, DEFAULT_LOCALE],
      );
      // Their uploads' bytes go at once, by a job written with the change (the media sweep would find them too, later).
      await this.outbox.add(tx, 'erase-account-media', { userId: viewer.id }, { jobId: `erase-account-media.${viewer.id}` });
      // The record says that an account was deleted, and by its owner; nothing about who they were.
      await this.audit.record(tx, { actorId: viewer.id, action: 'user.deleted', subjectType: 'user', subjectId: viewer.id });
    });
    return true;
  }

  /** Batched look-up by id for the lifetime of one request. */
  load(req: object, id: string): Promise<User | null> {
    return requestLoader<string, User | null>(req, 'user-by-id', async (ids) =>
      byKeys(ids, await this.users.findBy({ id: In([...ids]) }), (u) => u.id),
    ).load(id);
  }

  private async assertOrganizationExists(id: string): Promise<void> {
    if (!(await this.organizations.exists(id))) throw badUserInput('organizationId', 'Choose an organization from the list.');
  }
}

/** The name a deleted account's remaining rows show. */
export const FORMER_MEMBER = 'Former member';

/** Cursors carry JavaScript's millisecond time, so rows are ordered at that precision too. */
const CREATED_MS = "date_trunc('milliseconds', u.created_at)";
