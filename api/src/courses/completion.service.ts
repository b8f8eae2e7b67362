import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../platform/database/returning.js';
import { OutboxService } from '../platform/jobs/outbox.service.js';
import { AlumniInvitations } from '../network/alumni-invitations.js';

/**
 * Whether the learner of enrolment `e` has passed assignment `a`: a released grade at or above its pass
 * mark (any released grade when it has none), of their own submission or, for group work, their group's.
 */
export function passedAssignmentSql(a: string, e: string): string {
  return `EXISTS (SELECT 1 FROM submission ps JOIN grade pg ON pg.submission_id = ps.id
    WHERE ps.assignment_id = ${a}.id AND pg.released_at IS NOT NULL AND (${a}.pass_points IS NULL OR pg.score >= ${a}.pass_points)
      AND (CASE WHEN ${a}.group_work THEN ps.group_name = ${e}.group_name ELSE ps.group_name IS NULL AND ps.learner_id = ${e}.user_id END))`;
}

/**
 * What a learner has to do in a course, as SQL counting for enrolment `e`: its lessons and its
 * required assignments (the one definition progress and completion share).
 */
export function courseWorkSql(e: string): { total: string; done: string; remaining: string } {
  return {
    total: `((SELECT count(*) FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = ${e}.course_id)
      + (SELECT count(*) FROM assignment ra WHERE ra.course_id = ${e}.course_id AND ra.required))`,
    done: `((SELECT count(*) FROM lesson_completion c WHERE c.enrollment_id = ${e}.id)
      + (SELECT count(*) FROM assignment ra WHERE ra.course_id = ${e}.course_id AND ra.required AND ${passedAssignmentSql('ra', e)}))`,
    remaining: `(EXISTS (
        SELECT 1 FROM lesson l JOIN course_module m ON m.id = l.module_id
        WHERE m.course_id = ${e}.course_id
          AND NOT EXISTS (SELECT 1 FROM lesson_completion c WHERE c.enrollment_id = ${e}.id AND c.lesson_id = l.id))
      OR EXISTS (SELECT 1 FROM assignment ra WHERE ra.course_id = ${e}.course_id AND ra.required AND NOT ${passedAssignmentSql('ra', e)}))`,
  };
}

export const certificateJobId = (enrollmentId: string) => `certificate-${enrollmentId}`;

/**
 * When a learner has done every lesson of a course and passed its required assignments, their enrolment
 * is COMPLETED, a job issues the certificate, and they are invited into the course's network spaces. All happen here, whatever caused it: the last lesson
 * completed, a passing grade released, or an undone lesson or required assignment removed.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly alumni: AlumniInvitations,
  ) {}

  /** Completes the active learner enrolments (of one enrolment's or a whole course's) with nothing left to do. */
  async completeFinished(tx: EntityManager, scope: { enrollmentId: string } | { courseId: string }): Promise<string[]> {
    const [column, id] = 'enrollmentId' in scope ? ['e.id', scope.enrollmentId] : ['e.course_id', scope.courseId];
    const rows = await returnedRows<{ id: string }>(
      tx,
      `UPDATE enrollment e SET status = 'COMPLETED', completed_at = now()
       WHERE ${column} = $1 AND e.status = 'ACTIVE' AND e.role = 'LEARNER'
         AND EXISTS (SELECT 1 FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = e.course_id)
         AND NOT ${courseWorkSql('e').remaining}
       RETURNING e.id`,
      [id],
    );
    const completed = rows.map((r) => r.id);
    // Course to network: the new alumni are invited into the course's spaces, in this transaction.
    await this.alumni.invite(tx, completed);
    return completed;
  }

  /**
   * Requests the certificates in the transaction that completed the enrolments, so a completion that
   * commits always gets its job. Safe to call any number of times: the job id makes one job per
   * enrolment, and the job itself is idempotent.
   */
  async requestCertificates(tx: EntityManager, enrollmentIds: string[]): Promise<void> {
    if (enrollmentIds.length === 0) return;
    const issued: { enrollment_id: string }[] = await tx.query(`SELECT enrollment_id FROM certificate WHERE enrollment_id = ANY($1::uuid[])`, [
      enrollmentIds,
    ]);
    const done = new Set(issued.map((row) => row.enrollment_id));
    const pending = enrollmentIds.filter((id) => !done.has(id));
    await this.outbox.addMany(tx, 'issue-certificate', pending.map((enrollmentId) => ({ payload: { enrollmentId }, jobId: certificateJobId(enrollmentId) })));
  }
}
