import { canonicalLocale, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, normalizeEmail } from '@kapwa/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Brackets, DataSource, In, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { badUserInput, conflict, isUniqueViolation, notFound, unauthenticated } from '../platform/errors/errors.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../platform/common/keyset-cursor.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { UpdateMeInput } from './dto/update-me.input.js';
import { UserConnection } from './dto/user-connection.model.js';
import { PasswordService } from './password.service.js';
import { RateLimitsService } from './rate-limits.service.js';
import { Role } from './role.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';

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
        });
        await tx.insert(User, created);
        if (isFirst) {
          await this.audit.record(tx, {
            actorId: created.id,
            action: 'user.roles.set',
            subjectType: 'user',
            subjectId: created.id,
            data: { roles: [Role.ADMIN], reason: 'first account' },
          });
        }
        return created;
      });
      return { token: this.tokens.issue(user.id), user };
    } catch (err) {
      if (isUniqueViolation(err, 'app_user_email_key')) {
        throw conflict('An account with this email already exists. Log in instead.', 'email');
      }
      throw err;
    }
  }

  async logIn(email: string, password: string, address: string): Promise<AuthPayload> {
    const normalized = normalizeEmail(email);
    const user = await this.limits.attemptLogIn(normalized, address, async () => {
      const found = await this.users
        .createQueryBuilder('user')
        .addSelect('user.passwordHash')
        .where('lower(user.email) = :email', { email: normalized })
        .andWhere('user.deleted_at IS NULL')
        .getOne();
      return (await this.passwords.verify(found?.passwordHash, password)) && found ? found : null;
    });
    if (!user) throw unauthenticated(WRONG_CREDENTIALS);
    return { token: this.tokens.issue(user.id), user };
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
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
      const user = isUUID(userId) ? await tx.findOneBy(User, { id: userId, deletedAt: IsNull() }) : null;
      if (!user) throw notFound('That person');
      if (user.roles.includes(Role.ADMIN) && !wanted.includes(Role.ADMIN)) {
        const admins = await tx
          .createQueryBuilder(User, 'u')
          .where(':admin = ANY(u.roles)', { admin: Role.ADMIN })
          .getCount();
        if (admins <= 1) throw conflict('Kapwa needs at least one admin: make someone else an admin first.', 'roles');
      }
      await tx.update(User, { id: userId }, { roles: wanted });
      await this.audit.record(tx, {
        actorId: admin.id,
        action: 'user.roles.set',
        subjectType: 'user',
        subjectId: userId,
        data: { from: user.roles, to: wanted },
      });
      return { ...user, roles: wanted };
    });
  }

  /** People for admins to manage, by display name or email, newest first. */
  async list(search: string | undefined, first: number, after: string | undefined): Promise<UserConnection> {
    const query = this.users.createQueryBuilder('u').where('u.deleted_at IS NULL');
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
   * names its holder; one naming nobody proves nothing, so its code stops verifying), invitations to
   * their address and the calendar feed. Every session ends (the account no longer signs anyone in).
   */
  async deleteMe(viewer: User, password: string): Promise<boolean> {
    const withHash = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: viewer.id }).getOneOrFail();
    if (!(await this.passwords.verify(withHash.passwordHash, password))) throw badUserInput('password', 'The password is not correct.');
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
      const admins = await tx.createQueryBuilder(User, 'u').where(':admin = ANY(u.roles)', { admin: Role.ADMIN }).getCount();
      const { roles } = await tx.findOneByOrFail(User, { id: viewer.id });
      if (roles.includes(Role.ADMIN) && admins <= 1) {
        throw conflict('Kapwa needs at least one admin: make someone else an admin before deleting your account.');
      }
      const params = [viewer.id];
      await tx.query(`DELETE FROM notification WHERE user_id = $1`, params);
      await tx.query(`DELETE FROM certificate WHERE enrollment_id IN (SELECT id FROM enrollment WHERE user_id = $1)`, params);
      await tx.query(`DELETE FROM course_invitation WHERE accepted_at IS NULL AND email = (SELECT lower(email) FROM app_user WHERE id = $1)`, params);
      await tx.query(`UPDATE enrollment SET group_name = NULL, status = CASE WHEN status = 'ACTIVE' THEN 'WITHDRAWN' ELSE status END WHERE user_id = $1`, params);
      await tx.query(`UPDATE email_delivery SET user_id = NULL WHERE user_id = $1`, params);
      await tx.query(
        `UPDATE app_user SET email = 'deleted-' || id || '@deleted.invalid', password_hash = '!', display_name = $2, country = NULL,
           time_zone = $3, locale = $4, roles = '{}', organization_id = NULL, calendar_token = NULL, deleted_at = now(), updated_at = now()
         WHERE id = $1`,
        [viewer.id, FORMER_MEMBER, DEFAULT_TIME_ZONE, DEFAULT_LOCALE],
      );
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
