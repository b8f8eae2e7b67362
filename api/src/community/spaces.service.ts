import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { canManageCourse } from '../courses/course.policy.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../platform/common/keyset-cursor.js';
import { Clock } from '../platform/common/clock.js';
import { badUserInput, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors/errors.js';
import { CommunityLoaders } from './community-loaders.js';
import { canCreateSpace, readsSpaceSql } from './community.policy.js';
import type { CreateSpaceInput, ThreadConnection } from './dto/community.models.js';
import { Space, SpaceKind, SpaceMember } from './space.entity.js';
import { Thread } from './thread.entity.js';

/** Ordered by kind (a course's space first), then title. */
const KIND_ORDER = `array_position(ARRAY['COURSE','THEME','COUNTRY','NETWORK']::varchar[], s.kind::varchar)`;

/** At most this many threads or posts on a page. */
export const MAX_PAGE = 100;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badUserInput('first', `Ask for between 1 and ${MAX_PAGE} at a time.`);
  return size;
}

/** A page of a keyset-paginated list: its nodes, whether more follow, and the cursor after the last. */
export function keysetPage<T extends { createdAt: Date; id: string }>(hasNextPage: boolean, nodes: T[], totalCount: number) {
  const last = nodes.at(-1);
  return { nodes, totalCount, pageInfo: { hasNextPage, endCursor: last ? encodeKeysetCursor(last.createdAt, last.id) : null } };
}

@Injectable()
export class SpacesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: CommunityLoaders,
    private readonly courses: CourseVisibility,
    private readonly clock: Clock,
  ) {}

  /** Every space the viewer reads. */
  list(viewer: User | null): Promise<Space[]> {
    if (!viewer) return Promise.resolve([]);
    return this.db
      .getRepository(Space)
      .createQueryBuilder('s')
      .where(readsSpaceSql('s', ':viewer'), { viewer: viewer.id })
      .orderBy(KIND_ORDER)
      .addOrderBy('s.title')
      .getMany();
  }

  /** The space at this address if the viewer reads it, else null. */
  async bySlug(req: ViewerRequest, slug: string): Promise<Space | null> {
    if (!req.viewer) return null;
    const space = await this.db
      .getRepository(Space)
      .createQueryBuilder('s')
      .where('s.slug = :slug', { slug })
      .andWhere(readsSpaceSql('s', ':viewer'), { viewer: req.viewer.id })
      .getOne();
    return space;
  }

  /** A space the viewer reads, or NOT_FOUND (never FORBIDDEN: its existence does not leak). */
  async require(req: ViewerRequest, id: string): Promise<Space> {
    const space = await this.loaders.space(req, req.viewer?.id ?? null, id);
    if (!space) throw notFound('That space');
    return space;
  }

  async create(req: ViewerRequest, viewer: User, input: CreateSpaceInput): Promise<Space> {
    let trainsCourse = false;
    if (input.kind === SpaceKind.COURSE) {
      if (!input.courseId) throw badUserInput('courseId', 'Choose the course this space belongs to.');
      if (input.membersOnly) throw badUserInput('membersOnly', "A course's space is always for its members only.");
      const found = await this.courses.find(this.db.manager, viewer, input.courseId);
      if (!found) throw badUserInput('courseId', 'Choose a course from the list.');
      trainsCourse = canManageCourse(viewer, found.membership);
    } else if (input.courseId) {
      throw badUserInput('courseId', 'Only a COURSE space belongs to a course.');
    }
    if (input.country && input.kind !== SpaceKind.COUNTRY) throw badUserInput('country', 'Only a COUNTRY space has a country.');
    if (!canCreateSpace(viewer, input.kind, trainsCourse)) throw forbidden('Only admins create spaces; trainers create their courses\' spaces.');
    try {
      return await this.db.getRepository(Space).save(
        this.db.getRepository(Space).create({
          slug: input.slug,
          title: input.title,
          description: input.description,
          kind: input.kind,
          courseId: input.courseId ?? null,
          membersOnly: input.membersOnly ?? false,
          country: input.country ?? null,
          createdBy: viewer.id,
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'space_slug_key')) throw conflict('Another space has this web address: choose another.', 'slug');
      if (isUniqueViolation(err, 'space_country_key')) throw conflict('This country already has its space.', 'country');
      if (isUniqueViolation(err, 'space_course_id_key')) throw conflict('This course already has its space.', 'courseId');
      throw err;
    }
  }

  /** Joining a space one reads; joining again changes nothing. */
  async join(req: ViewerRequest, viewer: User, spaceId: string): Promise<Space> {
    const space = await this.require(req, spaceId);
    await this.db.createQueryBuilder().insert().into(SpaceMember).values({ spaceId: space.id, userId: viewer.id, joinedAt: this.clock.now() }).orIgnore().execute();
    return space;
  }

  /** Admins add a person to a space (the way into a members-only one). */
  async addMember(req: ViewerRequest, viewer: User, spaceId: string, userId: string): Promise<Space> {
    if (!isAdmin(viewer)) throw forbidden('Only admins add people to a space.');
    const space = await this.require(req, spaceId);
    if (space.kind === SpaceKind.COURSE) throw badUserInput('spaceId', "A course's space is for the course's members: add them to the course.");
    if (!isUUID(userId) || !(await this.db.query(`SELECT 1 FROM app_user WHERE id = $1 AND deleted_at IS NULL`, [userId])).length) {
      throw badUserInput('userId', 'Choose a person from the list.');
    }
    await this.db.createQueryBuilder().insert().into(SpaceMember).values({ spaceId: space.id, userId, joinedAt: this.clock.now() }).orIgnore().execute();
    return space;
  }

  /**
   * A page of a space's threads, newest first. Ordered by when each thread began (not by last activity),
   * so a page boundary never moves while people reply: page 2 holds no thread of page 1 and misses none.
   */
  async threads(spaceId: string, first: number | null | undefined, after: string | null | undefined): Promise<ThreadConnection> {
    const size = pageSize(first);
    const query = this.db.getRepository(Thread).createQueryBuilder('t').where('t.space_id = :spaceId', { spaceId });
    if (after) {
      const position = decodeKeysetCursor(after);
      query.andWhere('(t.created_at, t.id) < (:createdAt, :id)', position);
    }
    const [rows, [{ n }]] = await Promise.all([
      query.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').limit(size + 1).getMany(),
      this.db.query(`SELECT count(*)::int AS n FROM thread WHERE space_id = $1`, [spaceId]),
    ]);
    return keysetPage(rows.length > size, rows.slice(0, size), n);
  }
}
