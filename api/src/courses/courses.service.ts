import { DEFAULT_LOCALE, canonicalLocale } from '@kapwa/shared';
import { createCourseSpace } from '../community/course-space.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { badUserInput, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors/errors.js';
import { renderLessonBody } from './course-images.service.js';
import { renderMarkdown } from '../platform/common/markdown.js';
import { tagsArg } from '../platform/input/tags.js';
import { CourseVisibility } from './course-visibility.service.js';
import { CourseKind, CourseStatus, EnrollmentRole, EnrollmentStatus } from './course-enums.js';
import { CourseModule } from './course-module.entity.js';
import { canManageCourse, canReadLessons } from './course.policy.js';
import { Course } from './course.entity.js';
import type { AddLessonInput, AddModuleInput, CourseContentInput, CreateCourseInput, UpdateCourseInput, UpdateLessonInput, UpdateModuleInput } from './dto/course.inputs.js';
import { Enrollment } from './enrollment.entity.js';
import { Lesson } from './lesson.entity.js';
import { MembershipNotices } from './membership-notices.service.js';

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: CourseVisibility,
    private readonly notices: MembershipNotices,
  ) {}

  /** A lesson the viewer may read now: its course is visible to them and its module open (or theirs to manage). */
  async readableLesson(viewer: User | null, lessonId: string, now: Date): Promise<Lesson | null> {
    const lesson = isUUID(lessonId) ? await this.db.getRepository(Lesson).findOneBy({ id: lessonId }) : null;
    if (!lesson) return null;
    const module = await this.db.getRepository(CourseModule).findOneByOrFail({ id: lesson.moduleId });
    const visible = await this.visibility.find(this.db.manager, viewer, module.courseId);
    return visible && canReadLessons(viewer, module, visible.membership, now) ? lesson : null;
  }

  /**
   * Markdown as a lesson body shows it, for the editor's preview: with `courseId`, the images of that
   * course resolved as they are in its lessons (for anyone who may see the course, as the images are).
   */
  async previewLessonBody(viewer: User, source: string, courseId: string | null): Promise<string> {
    if (courseId === null) return renderMarkdown(source);
    const visible = isUUID(courseId) ? await this.visibility.find(this.db.manager, viewer, courseId) : null;
    if (!visible) throw notFound('That course');
    return renderLessonBody(this.db.manager, courseId, source);
  }

  async create(viewer: User, input: CreateCourseInput): Promise<Course> {
    if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) {
      throw badUserInput('endsAt', 'The course must end after it starts.');
    }
    try {
      return await this.db.transaction(async (tx) => {
        const course = tx.create(Course, {
          slug: input.slug,
          title: input.title,
          summary: input.summary,
          kind: input.kind ?? CourseKind.COURSE,
          status: CourseStatus.DRAFT,
          language: input.language ? canonicalLocale(input.language) : DEFAULT_LOCALE,
          timeZone: input.timeZone,
          startsAt: input.startsAt ?? null,
          endsAt: input.endsAt ?? null,
          outcomes: [],
          topics: [],
          audience: null,
          chosenColor: null,
          durationWeeks: null,
          ...courseContent(input),
        });
        await tx.save(course);
        await tx.insert(Enrollment, {
          courseId: course.id,
          userId: viewer.id,
          role: EnrollmentRole.TRAINER,
          status: EnrollmentStatus.ACTIVE,
        });
        await createCourseSpace(tx, course, viewer.id);
        return course;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'course_slug_key')) {
        throw conflict(`Another course already uses the address "${input.slug}". Choose another.`, 'slug');
      }
      throw err;
    }
  }

  /** A change of a course's texts by its trainers or an admin; only the fields given change. */
  async update(viewer: User, courseId: string, input: UpdateCourseInput): Promise<Course> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockCourseToManage(tx, viewer, courseId);
      const changes: Partial<Course> = { ...courseContent(input) };
      if (input.title !== undefined && input.title !== null) changes.title = input.title;
      if (input.summary !== undefined && input.summary !== null) changes.summary = input.summary;
      if (Object.keys(changes).length) await tx.update(Course, { id: course.id }, changes);
      return Object.assign(course, changes);
    });
  }

  async addModule(viewer: User, input: AddModuleInput): Promise<CourseModule> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockCourseToManage(tx, viewer, input.courseId);
      const position = await this.nextPosition(tx, 'course_module', 'course_id', course.id);
      return tx.save(
        tx.create(CourseModule, {
          courseId: course.id,
          position,
          title: input.title,
          part: input.part || null,
          opensAt: input.opensAt ?? null,
        }),
      );
    });
  }

  async addLesson(viewer: User, input: AddLessonInput): Promise<Lesson> {
    return this.db.transaction(async (tx) => {
      const module = isUUID(input.moduleId) ? await tx.findOneBy(CourseModule, { id: input.moduleId }) : null;
      if (!module) throw notFound('That module');
      await this.lockCourseToManage(tx, viewer, module.courseId, 'That module');
      const position = await this.nextPosition(tx, 'lesson', 'module_id', module.id);
      return tx.save(
        tx.create(Lesson, {
          moduleId: module.id,
          position,
          title: input.title,
          body: input.body,
          bodyHtml: await renderLessonBody(tx, module.courseId, input.body),
          estimatedMinutes: input.estimatedMinutes ?? null,
        }),
      );
    });
  }

  async updateModule(viewer: User, moduleId: string, input: UpdateModuleInput): Promise<CourseModule> {
    return this.db.transaction(async (tx) => {
      const module = isUUID(moduleId) ? await tx.findOneBy(CourseModule, { id: moduleId }) : null;
      if (!module) throw notFound('That module');
      await this.lockCourseToManage(tx, viewer, module.courseId, 'That module');
      if (input.title !== undefined) module.title = input.title;
      if (input.part !== undefined) module.part = input.part || null;
      if (input.opensAt !== undefined) module.opensAt = input.opensAt;
      return tx.save(module);
    });
  }

  async updateLesson(viewer: User, lessonId: string, input: UpdateLessonInput): Promise<Lesson> {
    return this.db.transaction(async (tx) => {
      const lesson = isUUID(lessonId) ? await tx.findOneBy(Lesson, { id: lessonId }) : null;
      if (!lesson) throw notFound('That lesson');
      const module = await tx.findOneByOrFail(CourseModule, { id: lesson.moduleId });
      await this.lockCourseToManage(tx, viewer, module.courseId, 'That lesson');
      if (input.title !== undefined) lesson.title = input.title;
      if (input.body !== undefined) Object.assign(lesson, { body: input.body, bodyHtml: await renderLessonBody(tx, module.courseId, input.body) });
      if (input.estimatedMinutes !== undefined) lesson.estimatedMinutes = input.estimatedMinutes;
      return tx.save(lesson);
    });
  }

  async publish(viewer: User, courseId: string): Promise<Course> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockCourseToManage(tx, viewer, courseId);
      const [{ n }] = await tx.query(
        `SELECT count(*)::int AS n FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = $1`,
        [course.id],
      );
      if (n === 0) throw conflict('Add at least one lesson before publishing the course.');
      const wasDraft = course.status === CourseStatus.DRAFT;
      course.status = CourseStatus.PUBLISHED;
      await tx.update(Course, { id: course.id }, { status: CourseStatus.PUBLISHED });
      if (wasDraft) await this.notices.published(tx, course, viewer.id);
      return course;
    });
  }

  /**
   * Closes a published course to new learners when it has run. Its members keep their lessons,
   * progress and certificates; publishing it again reopens it.
   */
  async archive(viewer: User, courseId: string): Promise<Course> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockCourseToManage(tx, viewer, courseId);
      if (course.status === CourseStatus.DRAFT) throw conflict('A draft has no learners to keep: publish it, or leave it as a draft.');
      if (course.status !== CourseStatus.ARCHIVED) {
        course.status = CourseStatus.ARCHIVED;
        await tx.update(Course, { id: course.id }, { status: CourseStatus.ARCHIVED });
      }
      return course;
    });
  }

  /**
   * Loads a course for a change by its managers, holding its row until the transaction ends so
   * concurrent additions take positions one after another. `reachedBy` names what the caller was
   * given (a module, a lesson, a session): inside a course the viewer may not see, it does not exist.
   */
  async lockCourseToManage(tx: EntityManager, viewer: User, courseId: string, reachedBy = 'That course'): Promise<Course> {
    const visible = await this.visibility.find(tx, viewer, courseId, { lock: true });
    if (!visible) throw notFound(reachedBy);
    if (!canManageCourse(viewer, visible.membership)) throw forbidden("Only this course's trainers and admins may change it.");
    // Its outline may be about to change: a course answered from here (a mutation's result) has its outline
    // read afresh, not matched by a version read before the change (CourseOutlines).
    delete (visible.course as Partial<Course>).outlineVersion;
    return visible.course;
  }

  private async nextPosition(tx: EntityManager, table: string, column: string, id: string): Promise<number> {
    const [{ next }] = await tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM ${table} WHERE ${column} = $1`, [id]);
    return next;
  }
}

/** The catalogue fields an input gives, as columns: absent ones are left out, null or empty ones clear. */
function courseContent(input: CourseContentInput): Partial<Course> {
  const fields: Partial<Course> = {};
  if (input.outcomes !== undefined) fields.outcomes = input.outcomes ?? [];
  if (input.topics !== undefined) fields.topics = tagsArg('topics', input.topics ?? []);
  if (input.audience !== undefined) fields.audience = input.audience || null;
  if (input.color !== undefined) fields.chosenColor = input.color?.toLowerCase() ?? null;
  if (input.durationWeeks !== undefined) fields.durationWeeks = input.durationWeeks;
  return fields;
}
