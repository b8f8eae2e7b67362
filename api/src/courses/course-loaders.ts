import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { notFound } from '../platform/errors/errors.js';
import { byKeys, groupBy, requestLoader } from '../platform/common/request-loaders.js';
import { EnrollmentRole, EnrollmentStatus } from './course-enums.js';
import { courseWorkSql } from './completion.service.js';
import { CourseModule } from './course-module.entity.js';
import { moduleOpenSql } from './course.policy.js';
import { Enrollment } from './enrollment.entity.js';
import { Lesson } from './lesson.entity.js';

/**
 * Batched reads for course fields, one query per field whatever the number of modules and lessons.
 * Each loader lives for one request (see requestLoader), keyed by viewer where the answer depends on them.
 * Courses themselves are read through CourseVisibility, which decides whether the viewer may see them;
 * their modules, lessons and cover come from CourseOutlines, which keeps them across requests.
 */
@Injectable()
export class CourseLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  module(req: object, id: string): Promise<CourseModule | null> {
    return requestLoader<string, CourseModule | null>(req, 'module', async (ids) =>
      byKeys(ids, await this.db.getRepository(CourseModule).findBy({ id: In([...ids]) }), (m) => m.id),
    ).load(id);
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
    return this.membershipLoader(req, userId).load(courseId);
  }

  /** As `membership`, at once, when this request already holds it; undefined when it must be read. */
  heldMembership(req: object, userId: string, courseId: string): Enrollment | null | undefined {
    return this.membershipLoader(req, userId).held(courseId);
  }

  /** Hands this request an enrolment (or its absence) read with something else, so it is not read again. */
  rememberMembership(req: object, userId: string, courseId: string, membership: Enrollment | null): void {
    this.membershipLoader(req, userId).prime(courseId, membership);
  }

  private membershipLoader(req: object, userId: string) {
    return requestLoader<string, Enrollment | null>(req, `membership:${userId}`, async (ids) =>
      byKeys(ids, await this.db.getRepository(Enrollment).findBy({ userId, courseId: In([...ids]) }), (e) => e.courseId),
    );
  }

  /** Whether the given person has completed a lesson: at once when the request read it with the course's outline. */
  completed(req: object, userId: string, lessonId: string): Promise<boolean> | boolean {
    const loader = this.completedLoader(req, userId);
    return loader.held(lessonId) ?? loader.load(lessonId);
  }

  /** As `membership`, for what a person completed: whether each of these lessons is done. */
  rememberCompleted(req: object, userId: string, lessons: Iterable<{ id: string }>, done: ReadonlySet<string>): void {
    const loader = this.completedLoader(req, userId);
    for (const lesson of lessons) loader.prime(lesson.id, done.has(lesson.id));
  }

  private completedLoader(req: object, userId: string) {
    return requestLoader<string, boolean>(req, `completed:${userId}`, async (ids) => {
      const rows: { lesson_id: string }[] = await this.db.query(
        `SELECT lc.lesson_id FROM lesson_completion lc JOIN enrollment e ON e.id = lc.enrollment_id
         WHERE e.user_id = $1 AND lc.lesson_id = ANY($2::uuid[])`,
        [userId, ids],
      );
      const done = new Set(rows.map((r) => r.lesson_id));
      return ids.map((id) => done.has(id));
    });
  }

  /**
   * The ids of each course's trainers, longest-serving first: those whose trainer enrolment stands
   * (not withdrawn) and whose account was not deleted.
   */
  trainerIds(req: object, courseId: string): Promise<string[]> {
    return requestLoader<string, string[]>(req, 'trainers-by-course', async (ids) => {
      const rows: { course_id: string; user_id: string }[] = await this.db.query(
        `SELECT e.course_id, e.user_id FROM enrollment e JOIN app_user u ON u.id = e.user_id
         WHERE e.course_id = ANY($1::uuid[]) AND e.role = '${EnrollmentRole.TRAINER}' AND e.status <> '${EnrollmentStatus.WITHDRAWN}'
           AND u.deleted_at IS NULL
         ORDER BY e.created_at, e.user_id`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.course_id).map((group) => group.map((r) => r.user_id));
    }).load(courseId);
  }

  /**
   * "Continue where you left off": for each enrolment, the first lesson in course order (module, then
   * lesson position) in an open module (moduleOpenSql, the rule that locks lessons) that its person has
   * not completed; null when all are done or none is open yet. One query for any number of enrolments.
   */
  nextLesson(req: object, enrollmentId: string, now: Date): Promise<Lesson | null> {
    return requestLoader<string, Lesson | null>(req, 'next-lesson', async (ids) => {
      const rows: { enrollment_id: string; id: string; module_id: string; position: number; title: string; estimated_minutes: number | null }[] =
        await this.db.query(
          `SELECT DISTINCT ON (e.id) e.id AS enrollment_id, l.id, l.module_id, l.position, l.title, l.estimated_minutes
           FROM enrollment e
           JOIN course_module m ON m.course_id = e.course_id AND ${moduleOpenSql('m', '$2')}
           JOIN lesson l ON l.module_id = m.id
           WHERE e.id = ANY($1::uuid[])
             AND NOT EXISTS (SELECT 1 FROM lesson_completion c WHERE c.enrollment_id = e.id AND c.lesson_id = l.id)
           ORDER BY e.id, m.position, l.position`,
          [ids, now],
        );
      const lessons = this.db.getRepository(Lesson);
      return byKeys(ids, rows, (r) => r.enrollment_id).map(
        (r) =>
          r && lessons.create({ id: r.id, moduleId: r.module_id, position: r.position, title: r.title, estimatedMinutes: r.estimated_minutes }),
      );
    }).load(enrollmentId);
  }

  /** Work done over all work of the course (lessons and required assignments, courseWorkSql), for each enrolment, in one query. */
  progress(req: object, enrollmentId: string): Promise<number> | number {
    const loader = this.progressLoader(req);
    return loader.held(enrollmentId) ?? loader.load(enrollmentId);
  }

  /** As `membership`, for an enrolment's work done and all work of its course, read with something else. */
  rememberProgress(req: object, enrollmentId: string, work: { total: number; done: number }): void {
    this.progressLoader(req).prime(enrollmentId, progressOf(work));
  }

  private progressLoader(req: object) {
    return requestLoader<string, number>(req, 'progress', async (ids) => {
      const work = courseWorkSql('e');
      const rows: { id: string; total: number; done: number }[] = await this.db.query(
        `SELECT e.id, ${work.total}::int AS total, ${work.done}::int AS done
         FROM enrollment e WHERE e.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, progressOf(r)]));
      return ids.map((id) => byId.get(id) ?? 0);
    });
  }
}

/** Progress as a share of the course's work, 0..1. */
function progressOf({ total, done }: { total: number; done: number }): number {
  return total === 0 ? 0 : Math.min(1, done / total);
}
