import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { badUserInput, notFound } from '../platform/errors/errors.js';
import { CompletionService } from './completion.service.js';
import { CourseModule } from './course-module.entity.js';
import type { Course } from './course.entity.js';
import { CoursesService } from './courses.service.js';
import type { MoveLessonInput } from './dto/course.inputs.js';
import { Lesson } from './lesson.entity.js';

/**
 * Where modules sit in a course and lessons in a module: moving and removing them. Positions stay
 * 1..n without gaps, and learners whom a removal leaves with nothing more to do finish the course.
 */
@Injectable()
export class CourseStructureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly completion: CompletionService,
  ) {}

  /** Puts a module at `position` (1 = first) among its course's modules. */
  async moveModule(viewer: User, moduleId: string, position: number): Promise<Course> {
    return this.db.transaction(async (tx) => {
      const module = await this.findModule(tx, moduleId);
      const course = await this.courses.lockCourseToManage(tx, viewer, module.courseId, 'That module');
      const order = await this.idsInOrder(tx, 'course_module', course.id);
      await renumber(tx, 'course_module', placeAt(without(order, module.id), module.id, position));
      return course;
    });
  }

  /** Puts a lesson at `position` in its module, or in another module of the same course. */
  async moveLesson(viewer: User, input: MoveLessonInput): Promise<Course> {
    return this.db.transaction(async (tx) => {
      const { course, lesson, module: from } = await this.lockLessonToManage(tx, viewer, input.lessonId);
      const to = input.moduleId && input.moduleId !== from.id ? await this.findModule(tx, input.moduleId) : from;
      if (to.courseId !== course.id) throw badUserInput('moduleId', 'A lesson can only move to a module of its own course.');

      const order = placeAt(without(await this.idsInOrder(tx, 'lesson', to.id), lesson.id), lesson.id, input.position);
      if (to.id !== from.id) {
        // Out of both modules' way first; the renumbering below gives it its place.
        await tx.query(`UPDATE lesson SET module_id = $2, position = $3 WHERE id = $1`, [lesson.id, to.id, PARKED + order.length]);
        await renumber(tx, 'lesson', await this.idsInOrder(tx, 'lesson', from.id));
      }
      await renumber(tx, 'lesson', order);
      return course;
    });
  }

  /** Removes a lesson and the progress recorded on it; the lessons after it move up one place. */
  async deleteLesson(viewer: User, lessonId: string): Promise<CourseModule> {
    return this.removeAndComplete(async (tx) => {
      const { course, lesson, module } = await this.lockLessonToManage(tx, viewer, lessonId);
      await tx.delete(Lesson, { id: lesson.id });
      await renumber(tx, 'lesson', await this.idsInOrder(tx, 'lesson', module.id));
      return { courseId: course.id, result: module };
    });
  }

  /** Removes a module with its lessons and their progress; the modules after it move up one place. */
  async deleteModule(viewer: User, moduleId: string): Promise<Course> {
    return this.removeAndComplete(async (tx) => {
      const module = await this.findModule(tx, moduleId);
      const course = await this.courses.lockCourseToManage(tx, viewer, module.courseId, 'That module');
      await tx.delete(CourseModule, { id: module.id });
      await renumber(tx, 'course_module', await this.idsInOrder(tx, 'course_module', course.id));
      return { courseId: course.id, result: course };
    });
  }

  /**
   * Runs a removal, then completes the enrolments that have now done every remaining lesson and
   * requests their certificates, all in the same transaction.
   */
  private removeAndComplete<T>(remove: (tx: EntityManager) => Promise<{ courseId: string; result: T }>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const { courseId, result } = await remove(tx);
      await this.completion.requestCertificates(tx, await this.completion.completeFinished(tx, { courseId }));
      return result;
    });
  }

  private async findModule(tx: EntityManager, id: string): Promise<CourseModule> {
    const module = isUUID(id) ? await tx.findOneBy(CourseModule, { id }) : null;
    if (!module) throw notFound('That module');
    return module;
  }

  /**
   * Locks the course a lesson belongs to for a change by its managers, then reads the lesson and its
   * module under that lock: a move that held it first may have taken the lesson to another module.
   */
  private async lockLessonToManage(tx: EntityManager, viewer: User, lessonId: string) {
    const [row]: { course_id: string }[] = isUUID(lessonId)
      ? await tx.query(`SELECT m.course_id FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE l.id = $1`, [lessonId])
      : [];
    if (!row) throw notFound('That lesson');
    const course = await this.courses.lockCourseToManage(tx, viewer, row.course_id, 'That lesson');
    const lesson = await tx.findOneBy(Lesson, { id: lessonId });
    if (!lesson) throw notFound('That lesson');
    return { course, lesson, module: await tx.findOneByOrFail(CourseModule, { id: lesson.moduleId }) };
  }

  private async idsInOrder(tx: EntityManager, table: OrderedTable, parentId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM ${table} WHERE ${PARENT_COLUMN[table]} = $1 ORDER BY position`, [parentId]);
    return rows.map((row) => row.id);
  }
}

/** The tables whose rows have a place among their parent's, and the column naming that parent. */
const PARENT_COLUMN = { course_module: 'course_id', lesson: 'module_id' } as const;
type OrderedTable = keyof typeof PARENT_COLUMN;

/** Above any real position: rows wait here while their siblings are renumbered. */
const PARKED = 1_000_000;

function without(ids: string[], id: string): string[] {
  return ids.filter((other) => other !== id);
}

/** `others` with `id` inserted at the 1-based `position`, which must fall within the list. */
function placeAt(others: string[], id: string, position: number): string[] {
  const last = others.length + 1;
  if (!Number.isInteger(position) || position < 1 || position > last) {
    throw badUserInput('position', last === 1 ? 'It is the only one here: its position is 1.' : `Choose a position from 1 to ${last}.`);
  }
  return [...others.slice(0, position - 1), id, ...others.slice(position - 1)];
}

/**
 * Gives the rows positions 1..n in the order of `ids`. They are parked out of the way first, so the
 * unique (parent, position) key never sees two rows in one place.
 */
async function renumber(tx: EntityManager, table: OrderedTable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(`UPDATE ${table} SET position = position + ${PARKED} WHERE id = ANY($1::uuid[]) AND position < ${PARKED}`, [ids]);
  await tx.query(
    `UPDATE ${table} AS t SET position = o.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE t.id = o.id`,
    [ids],
  );
}
