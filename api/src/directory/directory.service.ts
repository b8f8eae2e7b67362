import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { isAdmin, visibleDisplayName } from '../accounts/user.policy.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Clock } from '../platform/common/clock.js';
import { groupBy, requestLoader } from '../platform/common/request-loaders.js';
import { badUserInput, notFound } from '../platform/errors/errors.js';
import { languagesArg, tagsArg } from '../platform/input/tags.js';
import { multiLineArg } from '../platform/input/validators.js';
import { directoryWords } from './directory-messages.js';
import { type DirectoryViewer, listedSql } from './directory.policy.js';
import type { DirectoryFilter, UpdateProfileInput } from './dto/directory.inputs.js';
import { defaultProfile, Profile } from './profile.entity.js';

/** Profiles per directory page: 50 unless asked, at most 100. */
export const DIRECTORY_PAGE = { default: 50, max: 100 };
export const CONTACT_MESSAGE_MAX = 2000;

interface ProfileRow {
  user_id: string;
  bio: string;
  expertise: string[];
  languages: string[];
  is_focal_point: boolean;
  visibility: Profile['visibility'];
  updated_at: Date;
  sort_name: string;
  organization_id: string | null;
}

const PROFILE_COLUMNS = `p.user_id, p.bio, p.expertise, p.languages, p.is_focal_point, p.visibility, p.updated_at, lower(u.display_name) AS sort_name, u.organization_id`;
/** The same for every account, with or without a profile row: none reads as the default profile (empty, HIDDEN). */
const ACCOUNT_PROFILE_COLUMNS = `u.id AS user_id, coalesce(p.bio, '') AS bio, coalesce(p.expertise, '{}') AS expertise, coalesce(p.languages, '{}') AS languages,
  coalesce(p.is_focal_point, false) AS is_focal_point, coalesce(p.visibility, 'HIDDEN') AS visibility, p.updated_at, lower(u.display_name) AS sort_name, u.organization_id`;

function toProfile(row: ProfileRow): Profile {
  return Object.assign(new Profile(), {
    userId: row.user_id,
    bio: row.bio,
    expertise: row.expertise,
    languages: row.languages,
    isFocalPoint: row.is_focal_point,
    visibility: row.visibility,
    updatedAt: row.updated_at,
  });
}

export const directoryViewer = (viewer: User | null): DirectoryViewer => (!viewer ? null : isAdmin(viewer) ? 'admin' : 'member');

/** `%` and `_` typed by a person are letters, not patterns. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The profiles the viewer sees (directory.policy.ts), by name, filtered. Every filter reads what the
   * viewer is shown of the person: the directory relation of the name policy shows listed members'
   * country and organization to signed-in members, admins see everything.
   */
  async list(viewer: User | null, filter: DirectoryFilter | null, first: number | null, after: string | null): Promise<Profile[]> {
    const who = directoryViewer(viewer);
    const limit = first ?? DIRECTORY_PAGE.default;
    if (!Number.isInteger(limit) || limit < 1 || limit > DIRECTORY_PAGE.max) throw badUserInput('first', `Ask for between 1 and ${DIRECTORY_PAGE.max} people at a time.`);
    if (!who) return [];
    const where = [listedSql('p', 'u', who)];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter?.country) where.push(`u.country = ${param(filter.country)}`);
    if (filter?.expertise) where.push(`EXISTS (SELECT 1 FROM unnest(p.expertise) tag WHERE lower(tag) = lower(${param(filter.expertise)}))`);
    if (filter?.language) where.push(`${param(languagesArg('language', [filter.language])[0])} = ANY(p.languages)`);
    if (filter?.organizationId) where.push(`u.organization_id = ${param(filter.organizationId)}`);
    if (filter?.focalPointsOnly) where.push(`p.is_focal_point AND u.organization_id IS NOT NULL`);
    if (filter?.text) {
      const like = param(`%${likeEscape(filter.text)}%`);
      where.push(`(u.display_name ILIKE ${like} OR p.bio ILIKE ${like} OR o.name ILIKE ${like} OR array_to_string(p.expertise, ' ') ILIKE ${like})`);
    }
    if (after) {
      // The page after the person with this id (the last one of the page before), in name order.
      if (!isUUID(after)) throw badUserInput('after', 'This page link is not valid: start again from the first page.');
      where.push(`(lower(u.display_name), u.id) > (SELECT lower(a.display_name), a.id FROM app_user a WHERE a.id = ${param(after)})`);
    }
    const rows: ProfileRow[] = await this.db.query(
      // Every account, not only those with a profile row: a person who never wrote one is HIDDEN, which
      // admins see (to mark a focal point who has not filled in a profile yet) and members do not.
      `SELECT ${ACCOUNT_PROFILE_COLUMNS} FROM app_user u LEFT JOIN directory_profile p ON p.user_id = u.id LEFT JOIN organization o ON o.id = u.organization_id
       WHERE ${where.join(' AND ')} ORDER BY lower(u.display_name), u.id LIMIT ${param(limit)}`,
      params,
    );
    return rows.map(toProfile);
  }

  /** The viewer's own profile: their row, or the default (empty, HIDDEN). */
  async mine(viewer: User): Promise<Profile> {
    return (await this.db.getRepository(Profile).findOneBy({ userId: viewer.id })) ?? defaultProfile(viewer.id);
  }

  /** Changes the fields given of the viewer's profile, creating it on first use. */
  async update(viewer: User, input: UpdateProfileInput): Promise<Profile> {
    const expertise = input.expertise == null ? null : tagsArg('expertise', input.expertise);
    const languages = input.languages == null ? null : languagesArg('languages', input.languages);
    const [row] = await this.db.query(
      `INSERT INTO directory_profile (user_id, bio, expertise, languages, visibility)
       VALUES ($1, coalesce($2, ''), coalesce($3::text[], '{}'), coalesce($4::text[], '{}'), coalesce($5, 'HIDDEN'))
       ON CONFLICT (user_id) DO UPDATE SET bio = coalesce($2, directory_profile.bio), expertise = coalesce($3::text[], directory_profile.expertise),
         languages = coalesce($4::text[], directory_profile.languages), visibility = coalesce($5, directory_profile.visibility), updated_at = now()
       RETURNING user_id, bio, expertise, languages, is_focal_point, visibility, updated_at`,
      [viewer.id, input.bio ?? null, expertise, languages, input.visibility ?? null],
    );
    return toProfile(row);
  }

  /**
   * Admins only (the resolver checks): marks or unmarks a person as the focal point of their
   * organization, audited. A person who belongs to no organization cannot be marked; unmarking works
   * whatever happened since. The person's visibility is theirs: a HIDDEN focal point is shown to admins only.
   */
  async setFocalPoint(admin: User, userId: string, isFocalPoint: boolean): Promise<Profile> {
    if (!isUUID(userId)) throw notFound('That person');
    return this.db.transaction(async (tx) => {
      const [person] = await tx.query(`SELECT id, organization_id FROM app_user WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [userId]);
      if (!person) throw notFound('That person');
      if (isFocalPoint && !person.organization_id) {
        throw badUserInput('userId', 'This person belongs to no organization: set their organization first, then mark them as its focal point.');
      }
      const [row] = await tx.query(
        `INSERT INTO directory_profile (user_id, is_focal_point) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET is_focal_point = $2, updated_at = now()
         RETURNING user_id, bio, expertise, languages, is_focal_point, visibility, updated_at, (xmax = 0) AS inserted`,
        [userId, isFocalPoint],
      );
      await this.audit.record(tx, {
        actorId: admin.id,
        action: isFocalPoint ? AuditAction.FOCAL_POINT_SET : AuditAction.FOCAL_POINT_UNSET,
        subjectType: AuditSubject.USER,
        subjectId: userId,
        data: { organizationId: person.organization_id },
      });
      return toProfile(row);
    });
  }

  /** The focal points of each organization the viewer sees (directory.policy.ts), by name; one statement per response. */
  focalPoints(req: object, viewer: User | null, organizationId: string): Promise<Profile[]> {
    const who = directoryViewer(viewer);
    if (!who) return Promise.resolve([]);
    return requestLoader<string, Profile[]>(req, `focal-points:${who}`, async (ids) => {
      const rows: ProfileRow[] = await this.db.query(
        `SELECT ${PROFILE_COLUMNS} FROM directory_profile p JOIN app_user u ON u.id = p.user_id
         WHERE p.is_focal_point AND u.organization_id = ANY($1::uuid[]) AND ${listedSql('p', 'u', who)} ORDER BY lower(u.display_name), u.id`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.organization_id!).map((group) => group.map(toProfile));
    }).load(organizationId);
  }

  /** Topics of courses the person completed, as they are written, each once. */
  completedTopics(req: object, userId: string): Promise<string[]> {
    return requestLoader<string, string[]>(req, 'completed-topics', async (ids) => {
      const rows: { user_id: string; topic: string }[] = await this.db.query(
        `SELECT DISTINCT ON (e.user_id, lower(t.topic)) e.user_id, t.topic
           FROM enrollment e JOIN course c ON c.id = e.course_id CROSS JOIN LATERAL unnest(c.topics) WITH ORDINALITY AS t(topic, n)
          WHERE e.user_id = ANY($1::uuid[]) AND e.status = 'COMPLETED'
          ORDER BY e.user_id, lower(t.topic), e.completed_at, t.n`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.user_id).map((group) => group.map((r) => r.topic));
    }).load(userId);
  }

  /**
   * Sends `message` to a member: in-app and by email through the notifications, with the sender's name as
   * the name policy shows it and a link to their directory entry when they are listed; neither email
   * address is ever in it. Only to people listed to the sender (admins: anyone active), never oneself.
   * The same message to the same person on the same (UTC) day is delivered once (its idempotency key), so a
   * double click or a retry sends one.
   */
  async contact(viewer: User, userId: string, message: string): Promise<boolean> {
    const text = multiLineArg('message', message, CONTACT_MESSAGE_MAX).trim();
    if (!text) throw badUserInput('message', 'Write a message.');
    if (userId === viewer.id) throw badUserInput('userId', 'You cannot send a message to yourself.');
    if (!isUUID(userId)) throw notFound('That member');
    await this.db.transaction(async (tx) => {
      const who = directoryViewer(viewer);
      const [recipient] = await tx.query(
        `SELECT u.id, u.locale FROM app_user u LEFT JOIN directory_profile p ON p.user_id = u.id
         WHERE u.id = $1 AND u.suspended_at IS NULL AND u.deleted_at IS NULL AND (${who === 'admin' ? 'true' : `p.user_id IS NOT NULL AND ${listedSql('p', 'u', who)}`})`,
        [userId],
      );
      if (!recipient) throw notFound('That member');
      const senderListed = await this.isListedToMembers(tx, viewer.id);
      const name = visibleDisplayName(null, viewer);
      const words = directoryWords(recipient.locale);
      const digest = createHash('sha256').update(text).digest('hex').slice(0, 24);
      await this.notifications.notify(tx, [
        {
          key: `directory-contact:${viewer.id}:${userId}:${this.clock.now().toISOString().slice(0, 10)}:${digest}`,
          userId,
          kind: 'DIRECTORY_CONTACT',
          title: words.contactTitle(name),
          body: words.contactBody(name, text, senderListed),
          link: senderListed ? `/directory?text=${encodeURIComponent(name)}` : undefined,
          email: true,
        },
      ]);
    });
    return true;
  }

  private async isListedToMembers(tx: EntityManager, userId: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM directory_profile p JOIN app_user u ON u.id = p.user_id WHERE p.user_id = $1 AND ${listedSql('p', 'u', 'member')}`,
      [userId],
    );
    return rows.length > 0;
  }
}
