import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { trainedByViewer } from '../accounts/person-relations.js';
import { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { Clock } from '../platform/common/clock.js';
import { conflict, forbidden, notFound } from '../platform/errors/errors.js';
import { CompletionService } from './completion.service.js';
import { EnrollmentRole, EnrollmentStatus } from './course-enums.js';
import { CourseModule } from './course-module.entity.js';
import { isModuleLocked, isOpenForEnrollment, visibleCourseSql } from './course.policy.js';
import { CourseVisibility } from './course-visibility.service.js';
import type { Course } from './course.entity.js';
import { CoursesService } from './courses.service.js';
import { Enrollment } from './enrollment.entity.js';
import { Lesson } from './lesson.entity.js';
import { MembershipNotices } from './membership-notices.service.js';

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly visibility: CourseVisibility,
    private readonly completion: CompletionService,
    private readonly clock: Clock,
    private readonly notices: MembershipNotices,
  ) {}

  /** Joins a published course as a learner. Enrolling again returns the same enrolment. */
  async enroll(viewer: User, courseId: string): Promise<Enrollment> {
    const visible = await this.visibility.find(this.db.manager, viewer, courseId);
    if (!visible) throw notFound('That course');
    const { course, membership: existing } = visible;
    if (existing) return existing;
    if (!isOpenForEnrollment(course)) throw conflict('This course is not open for enrolment.');
    await this.db
      .createQueryBuilder()
      .insert()
      .into(Enrollment)
      .values({ courseId: course.id, userId: viewer.id, role: EnrollmentRole.LEARNER, status: EnrollmentStatus.ACTIVE })
      .orIgnore()
      .execute();
    return this.db.getRepository(Enrollment).findOneByOrFail({ courseId: course.id, userId: viewer.id });
  }

  /**
   * Trainers and admins add people to a course, as learners or trainers, in a group. Admins may add
   * anyone; a trainer only people already in a course they train (others come by invitation), since
   * being in a trainer's course shows that trainer more of a person (user.policy). A person newly added
   * is told, in the same transaction (a learner joining by themselves needs no telling).
   */
  async addMember(viewer: User, courseId: string, userId: string, role: EnrollmentRole, group: string | null): Promise<Enrollment> {
    return this.db.transaction(async (tx) => {
      const course = await this.courses.lockCourseToManage(tx, viewer, courseId);
      const person = isUUID(userId) ? await tx.findOneBy(User, { id: userId, deletedAt: IsNull() }) : null;
      if (!person) throw notFound('That person');
      // The same answer as for nobody at all: an id tells a trainer nothing about a stranger.
      if (!isAdmin(viewer) && !(await trainedByViewer(tx, viewer.id, [userId])).has(userId)) throw notFound('That person');
      const [{ added }]: { added: boolean }[] = await tx.query(
        `INSERT INTO enrollment (course_id, user_id, role, status, group_name) VALUES ($1, $2, $3, 'ACTIVE', $4)
         ON CONFLICT (course_id, user_id) DO UPDATE SET role = excluded.role, group_name = excluded.group_name
         RETURNING (xmax = 0) AS added`,
        [course.id, userId, role, group],
      );
      const enrollment = await tx.findOneByOrFail(Enrollment, { courseId: course.id, userId });
      if (added) await this.notices.added(tx, course, enrollment.id);
      return enrollment;
    });
  }

  /**
   * Marks a lesson complete for the viewer; completing it again changes nothing. When the last
   * lesson is done the enrolment is COMPLETED and, in the same transaction, a job issues the certificate.
   */
  async completeLesson(viewer: User, lessonId: string): Promise<Enrollment> {
    return this.db.transaction(async (tx) => {
      const lesson = isUUID(lessonId) ? await tx.findOneBy(Lesson, { id: lessonId }) : null;
      const module = lesson ? await tx.findOneByOrFail(CourseModule, { id: lesson.moduleId }) : null;
      const visible = module ? await this.visibility.find(tx, viewer, module.courseId) : null;
      if (!lesson || !module || !visible) throw notFound('That lesson');
      const { membership } = visible;
      if (!membership) throw forbidden('Enrol in the course to record your progress.');
      if (isModuleLocked(module, this.clock.now())) {
        throw forbidden(`This lesson opens on ${module.opensAt!.toISOString()}.`);
      }
      await tx.query(`INSERT INTO lesson_completion (enrollment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        membership.id,
        lesson.id,
      ]);
      await this.completion.completeFinished(tx, { enrollmentId: membership.id });
      const enrollment = await tx.findOneByOrFail(Enrollment, { id: membership.id });
      if (enrollment.status === EnrollmentStatus.COMPLETED) await this.completion.requestCertificates(tx, [enrollment.id]);
      return enrollment;
    });
  }

  /**
   * The viewer's own enrolments, newest first, for "My learning": only in courses they may see, so a
   * learner added to a draft finds it once it is published, while its trainers see it from the start.
   */
  mine(viewer: User): Promise<Enrollment[]> {
    return this.db
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .innerJoin('course', 'c', 'c.id = e.course_id')
      .where('e.user_id = :viewer', { viewer: viewer.id })
      .andWhere(visibleCourseSql('c', ':viewer'))
      .orderBy('e.createdAt', 'DESC')
      .getMany();
  }

  /** Everyone in a course, for its trainers and admins. */
  ofCourse(courseId: string): Promise<Enrollment[]> {
    return this.db.getRepository(Enrollment).find({ where: { courseId }, order: { role: 'DESC', createdAt: 'ASC' } });
  }
}
