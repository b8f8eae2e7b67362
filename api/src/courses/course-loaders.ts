import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { notFound } from '../platform/errors/errors.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { CourseModule } from './course-module.entity.js';
import { Enrollment } from './enrollment.entity.js';
import { Lesson } from './lesson.entity.js';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/**
 * Batched reads for course fields, one query per field whatever the number of modules and lessons.
 * Each loader lives for one request (see requestLoader), keyed by viewer where the answer depends on them.
 * Courses themselves are read through CourseVisibility, which decides whether the viewer may see them.
 */
@Injectable()
export class CourseLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  modules(req: object, courseId: string): Promise<CourseModule[]> {
    return requestLoader<string, CourseModule[]>(req, 'modules-by-course', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(CourseModule).find({ where: { courseId: In([...ids]) }, order: { position: 'ASC' } }),
        (m) => m.courseId,
      ),
    ).load(courseId);
  }

  module(req: object, id: string): Promise<CourseModule | null> {
    return requestLoader<string, CourseModule | null>(req, 'module', async (ids) =>
      byKeys(ids, await this.db.getRepository(CourseModule).findBy({ id: In([...ids]) }), (m) => m.id),
    ).load(id);
  }

  /**
   * A module's lessons without their text: an outline lists titles, and the text (several KB a lesson,
   * twice over as Markdown and HTML) is read only when asked for, by `text`.
   */
  lessons(req: object, moduleId: string): Promise<Lesson[]> {
    return requestLoader<string, Lesson[]>(req, 'lessons-by-module', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(Lesson).find({
          select: { id: true, moduleId: true, position: true, title: true, estimatedMinutes: true },
          where: { moduleId: In([...ids]) },
          order: { position: 'ASC' },
        }),
        (l) => l.moduleId,
      ),
    ).load(moduleId);
  }

  /** A lesson's Markdown and rendered HTML. */
  text(req: object, lessonId: string): Promise<Pick<Lesson, 'body' | 'bodyHtml'>> {
    return requestLoader<string, Pick<Lesson, 'body' | 'bodyHtml'>>(req, 'lesson-text', async (ids) => {
      const rows = await this.db.getRepository(Lesson).find({ select: { id: true, body: true, bodyHtml: true }, where: { id: In([...ids]) } });
      // Removed since the outline was read, in this same request.
      return byKeys(ids, rows, (l) => l.id).map((l) => l ?? notFound('That lesson'));
    }).load(lessonId);
  }

  /** The viewer's enrolment in a course, or null. */
  membership(req: object, userId: string, courseId: string): Promise<Enrollment | null> {
    return requestLoader<string, Enrollment | null>(req, `membership:${userId}`, async (ids) =>
      byKeys(ids, await this.db.getRepository(Enrollment).findBy({ userId, courseId: In([...ids]) }), (e) => e.courseId),
    ).load(courseId);
  }

  /** Whether the given person has completed a lesson. */
  completed(req: object, userId: string, lessonId: string): Promise<boolean> {
    return requestLoader<string, boolean>(req, `completed:${userId}`, async (ids) => {
      const rows: { lesson_id: string }[] = await this.db.query(
        `SELECT lc.lesson_id FROM lesson_completion lc JOIN enrollment e ON e.id = lc.enrollment_id
         WHERE e.user_id = $1 AND lc.lesson_id = ANY($2::uuid[])`,
        [userId, ids],
      );
      const done = new Set(rows.map((r) => r.lesson_id));
      return ids.map((id) => done.has(id));
    }).load(lessonId);
  }

  /** Lessons in each course, for progress. */
  lessonCount(req: object, courseId: string): Promise<number> {
    return requestLoader<string, number>(req, 'lesson-count', async (ids) => {
      const rows: { course_id: string; n: number }[] = await this.db.query(
        `SELECT m.course_id, count(l.id)::int AS n FROM course_module m JOIN lesson l ON l.module_id = m.id
         WHERE m.course_id = ANY($1::uuid[]) GROUP BY m.course_id`,
        [ids],
      );
      const counts = new Map(rows.map((r) => [r.course_id, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }).load(courseId);
  }

  /** Completed lessons over all lessons of the course, for each enrolment, in one query. */
  progress(req: object, enrollmentId: string): Promise<number> {
    return requestLoader<string, number>(req, 'progress', async (ids) => {
      const rows: { id: string; total: number; done: number }[] = await this.db.query(
        `SELECT e.id,
                (SELECT count(*) FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = e.course_id)::int AS total,
                (SELECT count(*) FROM lesson_completion c WHERE c.enrollment_id = e.id)::int AS done
         FROM enrollment e WHERE e.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r.total === 0 ? 0 : Math.min(1, r.done / r.total)]));
      return ids.map((id) => byId.get(id) ?? 0);
    }).load(enrollmentId);
  }
}
