import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import { type RequestLoader, requestLoader } from '../platform/common/request-loaders.js';
import { preparedQuery } from '../platform/database/prepared.js';
import { entityFromRow, selectColumns } from '../platform/database/rows.js';
import { courseWorkSql } from './completion.service.js';
import { type CoverContentType, coverPath } from './course-cover.js';
import { CourseLoaders } from './course-loaders.js';
import { CourseModule } from './course-module.entity.js';
import { canReadLessons, visibleCourseSql } from './course.policy.js';
import { CourseVisibility } from './course-visibility.service.js';
import { Course } from './course.entity.js';
import type { CourseCover } from './dto/course-cover.model.js';
import { Enrollment } from './enrollment.entity.js';
import { Lesson } from './lesson.entity.js';

/** What is the same for every viewer of a course: its modules, their lessons (without text), its cover. */
export interface Outline {
  /** The course's outline_version these were read at. */
  version: string;
  modules: readonly CourseModule[];
  lessonsByModule: ReadonlyMap<string, readonly Lesson[]>;
  lessons: number;
  /** The sum of the lessons' estimated minutes (a lesson without an estimate adds none). */
  minutes: number;
  cover: CourseCover | null;
}

/** Outlines kept per API process; each is a few KB, so this many courses stay well under a few MB. */
const CACHED_OUTLINES = 2_000;

/**
 * The course outline and the catalogue, in at most three statements whatever the course's size: who is
 * asking (the access guard), the course rows with what is the viewer's own (their enrolment, completed
 * lessons and progress), and, only when this process has not read it at that version yet, the outline.
 *
 * Outlines are the same for every viewer, so each process keeps them, keyed by course and
 * outline_version, which database triggers move on every change to a course's modules, lessons or cover
 * (migration OutlineVersion). The version comes with the course row every request reads anyway, so a
 * change made through any API process is seen at once through all, with no message between them.
 * Whether the viewer may see the course, and which modules are locked for them, is decided per request
 * as before (CourseVisibility, course.policy.ts); the cache holds nothing that depends on who asks.
 */
@Injectable()
export class CourseOutlines {
  private readonly cache = new LRUCache<string, Outline>({ max: CACHED_OUTLINES });
  private readonly courseColumns: string;
  private readonly enrollmentColumns: string;
  private readonly moduleColumns: string;
  private readonly lessonColumns: string;
  /** Per request: the viewer's completed lessons in the courses read with them, to answer `Lesson.completed` once the outline is known. */
  private readonly completions = new WeakMap<object, Map<string, { userId: string; done: Set<string> }>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: CourseLoaders,
    private readonly visibility: CourseVisibility,
  ) {
    this.courseColumns = selectColumns(db, Course, 'c', 'c__');
    this.enrollmentColumns = selectColumns(db, Enrollment, 'e', 'e__');
    this.moduleColumns = selectColumns(db, CourseModule, 'm', 'm__');
    this.lessonColumns = selectColumns(db, Lesson, 'l', 'l__', { except: ['body', 'bodyHtml'] });
  }

  /**
   * A course by its address, if the viewer may see it, in one statement with the viewer's enrolment,
   * completed lessons and progress, which this request's loaders then answer from.
   */
  async bySlug(req: ViewerRequest, slug: string): Promise<Course | null> {
    const viewerId = req.viewer?.id ?? null;
    const work = courseWorkSql('e');
    const [row] = await preparedQuery(
      this.db,
      'course-by-slug-for-viewer',
      `SELECT ${this.courseColumns}, ${this.enrollmentColumns},
         (SELECT string_agg(lc.lesson_id::text, ',') FROM lesson_completion lc WHERE lc.enrollment_id = e.id) AS completed_lessons,
         CASE WHEN e.id IS NOT NULL THEN ${work.total}::int END AS work_total,
         CASE WHEN e.id IS NOT NULL THEN ${work.done}::int END AS work_done
       FROM course c LEFT JOIN enrollment e ON e.course_id = c.id AND e.user_id = $2
       WHERE c.slug = $1`,
      [slug, viewerId],
    );
    if (!row) return null;
    const course = this.remember(req, row);
    const membership = entityFromRow(this.db, Enrollment, row, 'e__');
    if (viewerId && membership) {
      this.loaders.rememberProgress(req, membership.id, { total: row.work_total as number, done: row.work_done as number });
      // Ids joined by commas: splitting them costs far less than parsing a PostgreSQL array literal.
      const done = (row.completed_lessons as string | null)?.split(',') ?? [];
      this.completionsOf(req).set(course.id, { userId: viewerId, done: new Set(done) });
    }
    return this.visibility.load(req, course.id);
  }

  /** The catalogue: published courses for everyone, plus drafts for those who manage them, with the viewer's enrolments. */
  async catalogue(req: ViewerRequest): Promise<Course[]> {
    const rows = await preparedQuery(
      this.db,
      'catalogue-for-viewer',
      `SELECT ${this.courseColumns}, ${this.enrollmentColumns}
       FROM course c LEFT JOIN enrollment e ON e.course_id = c.id AND e.user_id = $1
       WHERE ${visibleCourseSql('c', '$1')}
       ORDER BY c.starts_at DESC NULLS LAST, c.title`,
      [req.viewer?.id ?? null],
    );
    return rows.map((row) => this.remember(req, row));
  }

  /** The outline of a course the request has read (its row carries the version to check the kept one against). */
  of(req: object, course: Course): Promise<Outline> {
    return this.outlineLoader(req).load(course);
  }

  /**
   * The lessons of a module that the viewer may read (none while it is locked to them, canReadLessons).
   * When this request already holds the course, the viewer's enrolment and the outline, as it does once
   * an outline has been read, the answer is the list itself rather than a promise: for a course of many
   * modules that spares graphql-js a promise per module and per lesson.
   */
  readableLessons(req: ViewerRequest, module: CourseModule, now: Date): readonly Lesson[] | Promise<readonly Lesson[]> {
    const viewer = req.viewer ?? null;
    const membership = viewer ? this.loaders.heldMembership(req, viewer.id, module.courseId) : null;
    const course = membership === undefined ? undefined : this.visibility.held(req, module.courseId);
    const outline = course ? this.outlineLoader(req).held(course) : undefined;
    if (membership === undefined || !outline) return this.readReadableLessons(req, module, now);
    return canReadLessons(viewer, module, membership, now) ? (outline.lessonsByModule.get(module.id) ?? []) : [];
  }

  private async readReadableLessons(req: ViewerRequest, module: CourseModule, now: Date): Promise<readonly Lesson[]> {
    const membership = req.viewer ? await this.loaders.membership(req, req.viewer.id, module.courseId) : null;
    if (!canReadLessons(req.viewer ?? null, module, membership, now)) return [];
    return this.lessonsOf(req, module);
  }

  /** A module's lessons, from its course's outline. */
  async lessonsOf(req: ViewerRequest, module: CourseModule): Promise<readonly Lesson[]> {
    const course = await this.visibility.require(req, module.courseId);
    return (await this.of(req, course)).lessonsByModule.get(module.id) ?? [];
  }

  /** The course and the viewer's enrolment in a row of bySlug or catalogue, handed to this request's loaders. */
  private remember(req: ViewerRequest, row: Record<string, unknown>): Course {
    const course = entityFromRow(this.db, Course, row, 'c__')!;
    this.visibility.remember(req, course);
    if (req.viewer) this.loaders.rememberMembership(req, req.viewer.id, course.id, entityFromRow(this.db, Enrollment, row, 'e__'));
    return course;
  }

  private completionsOf(req: object) {
    let byCourse = this.completions.get(req);
    if (!byCourse) this.completions.set(req, (byCourse = new Map()));
    return byCourse;
  }

  private outlineLoader(req: object): RequestLoader<Course, Outline, string> {
    return requestLoader<Course, Outline, string>(req, 'course-outline', async (courses) => {
      // A course without a version (locked for a change, or just created) is always read afresh.
      const stale = courses.filter((course) => course.outlineVersion === undefined || this.cache.get(course.id)?.version !== course.outlineVersion);
      const read = stale.length ? await this.read(stale.map((course) => course.id)) : new Map<string, Outline>();
      const outlines = courses.map((course) => read.get(course.id) ?? this.cache.get(course.id) ?? emptyOutline(course));
      courses.forEach((course, i) => this.answerCompletions(req, course.id, outlines[i]));
      return outlines;
    }, { cacheKeyFn: (course) => course.id });
  }

  /** Reads outlines from the database in one statement and keeps each unless a newer one is already kept. */
  private async read(courseIds: string[]): Promise<Map<string, Outline>> {
    const rows = await preparedQuery(
      this.db,
      'course-outlines',
      `SELECT c.id AS course_id, c.outline_version, ${this.moduleColumns}, ${this.lessonColumns},
         cv.content_type AS cover_content_type, cv.sha256 AS cover_sha256, cv.width AS cover_width, cv.height AS cover_height, cv.alt AS cover_alt
       FROM course c
       LEFT JOIN course_module m ON m.course_id = c.id
       LEFT JOIN lesson l ON l.module_id = m.id
       LEFT JOIN course_cover cv ON cv.course_id = c.id
       WHERE c.id = ANY($1::uuid[])
       ORDER BY c.id, m.position, l.position`,
      [courseIds],
    );
    const outlines = new Map<string, Outline>();
    for (const [courseId, courseRows] of groupRows(rows)) {
      const outline = this.outlineFrom(courseId, courseRows);
      outlines.set(courseId, outline);
      const kept = this.cache.get(courseId);
      if (!kept || BigInt(kept.version) < BigInt(outline.version)) this.cache.set(courseId, outline);
    }
    return outlines;
  }

  private outlineFrom(courseId: string, rows: Record<string, unknown>[]): Outline {
    const modules: CourseModule[] = [];
    const lessonsByModule = new Map<string, Lesson[]>();
    let lessons = 0;
    let minutes = 0;
    for (const row of rows) {
      const module = entityFromRow(this.db, CourseModule, row, 'm__');
      if (!module) continue;
      if (!lessonsByModule.has(module.id)) {
        modules.push(Object.freeze(module));
        lessonsByModule.set(module.id, []);
      }
      const lesson = entityFromRow(this.db, Lesson, row, 'l__');
      if (!lesson) continue;
      lessonsByModule.get(module.id)!.push(Object.freeze(lesson));
      lessons++;
      minutes += lesson.estimatedMinutes ?? 0;
    }
    const [first] = rows;
    const cover: CourseCover | null = first.cover_sha256
      ? {
          url: coverPath(courseId, first.cover_sha256 as string, first.cover_content_type as CoverContentType),
          width: first.cover_width as number,
          height: first.cover_height as number,
          alt: first.cover_alt as string,
        }
      : null;
    return Object.freeze({ version: String(first.outline_version), modules, lessonsByModule, lessons, minutes, cover });
  }

  /** `Lesson.completed` for every lesson of a course whose completions bySlug read with the course. */
  private answerCompletions(req: object, courseId: string, outline: Outline): void {
    const known = this.completions.get(req)?.get(courseId);
    if (!known) return;
    for (const lessons of outline.lessonsByModule.values()) {
      this.loaders.rememberCompleted(req, known.userId, lessons, known.done);
    }
  }
}

/** A course removed since the request read it: nothing in it. */
function emptyOutline(course: Course): Outline {
  return { version: course.outlineVersion, modules: [], lessonsByModule: new Map(), lessons: 0, minutes: 0, cover: null };
}

function groupRows(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const id = row.course_id as string;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(row);
  }
  return groups;
}
