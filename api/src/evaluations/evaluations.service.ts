import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { Clock } from '../platform/common/clock.js';
import { forbidden, notFound } from '../platform/errors/errors.js';
import { EnrollmentRole, EnrollmentStatus } from '../courses/course-enums.js';
import { canManageCourse } from '../courses/course.policy.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import type { SubmitEvaluationInput } from './dto/submit-evaluation.input.js';
import type { EvaluationSummary } from './evaluation-summary.model.js';

@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: CourseVisibility,
    private readonly clock: Clock,
  ) {}

  /** A learner rates a course once they have completed it or it has ended; a new answer replaces the old. */
  async submit(viewer: User, input: SubmitEvaluationInput): Promise<boolean> {
    const visible = await this.visibility.find(this.db.manager, viewer, input.courseId);
    if (!visible) throw notFound('That course');
    const { course, membership } = visible;
    if (membership?.role !== EnrollmentRole.LEARNER) throw forbidden("Only the course's learners evaluate it.");
    const ended = course.endsAt !== null && course.endsAt <= this.clock.now();
    if (membership.status !== EnrollmentStatus.COMPLETED && !ended) {
      throw forbidden('You can evaluate the course once you have completed it or it has ended.');
    }
    await this.db.query(
      `INSERT INTO course_evaluation (course_id, user_id, relevance, usefulness, comment) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (course_id, user_id) DO UPDATE
         SET relevance = excluded.relevance, usefulness = excluded.usefulness, comment = excluded.comment, submitted_at = now()`,
      [course.id, viewer.id, input.relevance, input.usefulness, input.comment || null],
    );
    return true;
  }

  async mine(userId: string, courseId: string) {
    const [row] = await this.db.query(
      `SELECT relevance, usefulness, comment, submitted_at AS "submittedAt" FROM course_evaluation WHERE course_id = $1 AND user_id = $2`,
      [courseId, userId],
    );
    return row ?? null;
  }

  /** For the course's trainers and admins: answers are anonymous, comments newest first. */
  async summary(viewer: User, courseId: string): Promise<EvaluationSummary> {
    const visible = await this.visibility.find(this.db.manager, viewer, courseId);
    if (!visible) throw notFound('That course');
    const { course, membership } = visible;
    if (!canManageCourse(viewer, membership)) throw forbidden("Only this course's trainers and admins see its evaluation.");
    const [totals] = await this.db.query(
      `SELECT count(*)::int AS responses, avg(relevance)::float AS relevance, avg(usefulness)::float AS usefulness
       FROM course_evaluation WHERE course_id = $1`,
      [course.id],
    );
    const comments: { comment: string }[] = await this.db.query(
      `SELECT comment FROM course_evaluation WHERE course_id = $1 AND comment IS NOT NULL ORDER BY submitted_at DESC`,
      [course.id],
    );
    return { ...totals, comments: comments.map((c) => c.comment) };
  }
}
