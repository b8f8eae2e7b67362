import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { notFound } from '../platform/errors/errors.js';
import { byKeys, requestLoader } from '../platform/common/request-loaders.js';
import { CourseLoaders } from './course-loaders.js';
import { canSeeCourse } from './course.policy.js';
import { Course } from './course.entity.js';
import { Enrollment } from './enrollment.entity.js';

export interface VisibleCourse {
  course: Course;
  membership: Enrollment | null;
}

/**
 * The only way to a course from an id (an enrolment's, a session's, a lesson's, a certificate's): a
 * course the viewer may not see (canSeeCourse) comes back as if it did not exist. Lists filter with
 * visibleCourseSql instead.
 */
@Injectable()
export class CourseVisibility {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: CourseLoaders,
  ) {}

  /** For GraphQL fields and routes: batched with every other course and membership the request reads. */
  async load(req: ViewerRequest, courseId: string): Promise<Course | null> {
    const course = await this.byId(req, courseId);
    if (!course) return null;
    const viewer = req.viewer ?? null;
    const membership = viewer ? await this.loaders.membership(req, viewer.id, course.id) : null;
    return canSeeCourse(viewer, course, membership) ? course : null;
  }

  /**
   * As `load`, at once, when this request already holds the course and the viewer's enrolment in it (the
   * course was read by its address or in the catalogue); undefined when they must be read.
   */
  held(req: ViewerRequest, courseId: string): Course | null | undefined {
    const course = this.courseLoader(req).held(courseId);
    if (course === undefined) return undefined;
    if (course === null) return null;
    const viewer = req.viewer ?? null;
    const membership = viewer ? this.loaders.heldMembership(req, viewer.id, course.id) : null;
    if (membership === undefined) return undefined;
    return canSeeCourse(viewer, course, membership) ? course : null;
  }

  /** As `load`, for a field whose course must exist: one the viewer may not see is NOT_FOUND. */
  async require(req: ViewerRequest, courseId: string): Promise<Course> {
    const course = await this.load(req, courseId);
    if (!course) throw notFound('That course');
    return course;
  }

  /** Hands a course read another way (by its address) to this request's loader, so it is not read again. */
  remember(req: object, course: Course): void {
    this.courseLoader(req).prime(course.id, course);
  }

  /**
   * For services, inside their transaction: the course with the viewer's enrolment, or null. `lock`
   * holds the course's row until the transaction ends, for changes that must happen one after another.
   */
  async find(manager: EntityManager, viewer: User | null, courseId: string, { lock = false } = {}): Promise<VisibleCourse | null> {
    if (!isUUID(courseId)) return null;
    const query = manager.getRepository(Course).createQueryBuilder('c').where('c.id = :courseId', { courseId });
    if (lock) query.setLock('pessimistic_write');
    const course = await query.getOne();
    if (!course) return null;
    const membership = viewer ? await manager.findOneBy(Enrollment, { courseId: course.id, userId: viewer.id }) : null;
    return canSeeCourse(viewer, course, membership) ? { course, membership } : null;
  }

  private byId(req: object, courseId: string): Promise<Course | null> {
    return isUUID(courseId) ? this.courseLoader(req).load(courseId) : Promise.resolve(null);
  }

  private courseLoader(req: object) {
    return requestLoader<string, Course | null>(req, 'course', async (ids) =>
      byKeys(ids, await this.db.getRepository(Course).findBy({ id: In([...ids]) }), (c) => c.id),
    );
  }
}
