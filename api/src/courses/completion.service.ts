import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../platform/database/returning.js';
import { JobsService } from '../platform/jobs/jobs.service.js';

export const certificateJobId = (enrollmentId: string) => `certificate-${enrollmentId}`;

/**
 * When a learner has done every lesson of a course, their enrolment is COMPLETED and a job issues the
 * certificate. Both happen here, whatever caused it: the last lesson completed, or an undone lesson removed.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
  ) {}

  /** Completes the active learner enrolments (of one enrolment's or a whole course's) with nothing left to do. */
  async completeFinished(tx: EntityManager, scope: { enrollmentId: string } | { courseId: string }): Promise<string[]> {
    const [column, id] = 'enrollmentId' in scope ? ['e.id', scope.enrollmentId] : ['e.course_id', scope.courseId];
    const rows = await returnedRows<{ id: string }>(
      tx,
      `UPDATE enrollment e SET status = 'COMPLETED', completed_at = now()
       WHERE ${column} = $1 AND e.status = 'ACTIVE' AND e.role = 'LEARNER'
         AND EXISTS (SELECT 1 FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = e.course_id)
         AND NOT EXISTS (
           SELECT 1 FROM lesson l JOIN course_module m ON m.id = l.module_id
           WHERE m.course_id = e.course_id
             AND NOT EXISTS (SELECT 1 FROM lesson_completion c WHERE c.enrollment_id = e.id AND c.lesson_id = l.id))
       RETURNING e.id`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** Safe to call any number of times: the job id makes one job per enrolment, the job itself is idempotent. */
  async requestCertificate(enrollmentId: string): Promise<void> {
    const issued = await this.db.query(`SELECT 1 FROM certificate WHERE enrollment_id = $1`, [enrollmentId]);
    if (issued.length === 0) {
      await this.jobs.enqueue('issue-certificate', { enrollmentId }, { jobId: certificateJobId(enrollmentId) });
    }
  }
}
