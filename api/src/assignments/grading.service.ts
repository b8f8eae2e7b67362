import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { CompletionService } from '../courses/completion.service.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import type { Course } from '../courses/course.entity.js';
import { Clock } from '../platform/common/clock.js';
import { returnedRows } from '../platform/database/returning.js';
import { badUserInput, conflict, forbidden, notFound } from '../platform/errors/errors.js';
import { multiLineArg, optionalSingleLineArg } from '../platform/input/validators.js';
import { catalogueFor } from '../notifications/messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ASSIGNMENT_ORDER } from './assignment-loaders.js';
import { Assignment, RubricCriterion } from './assignment.entity.js';
import { canGrade, isLate } from './assignment.policy.js';
import { ASSIGNMENT_LIMITS, type GradeSubmissionInput } from './dto/assignment.inputs.js';
import type { GradebookCell } from './dto/gradebook.model.js';
import { Grade, Submission, SubmissionStatus } from './submission.entity.js';

/** Who hears about a submission: its learner, or every learner of its group for group work. */
interface Recipient {
  id: string;
  locale: string;
}

export interface GradebookData {
  course: Course;
  assignments: Assignment[];
  /** Each assignment's maxPoints (the sum of its rubric). */
  maxPoints: Map<string, number>;
  rows: { learnerId: string; group: string | null; cells: GradebookCell[] }[];
}

/**
 * Grading: the course's trainers and admins score submitted work against the rubric, release grades
 * (learners are told, and completion follows), return work for revision, and read the queue and the
 * gradebook. Every grade save and release is audited in its own transaction.
 */
@Injectable()
export class GradingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: CourseVisibility,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
    private readonly clock: Clock,
  ) {}

  async grade(viewer: User, input: GradeSubmissionInput): Promise<Submission> {
    return this.db.transaction(async (tx) => {
      const { submission, assignment, course } = await this.lockToGrade(tx, viewer, input.submissionId);
      if (submission.status === SubmissionStatus.DRAFT) {
        throw conflict('This work is not submitted (or was returned for revision): grade it once it is handed in.');
      }
      const rubric = await tx.find(RubricCriterion, { where: { assignmentId: assignment.id }, order: { position: 'ASC' } });
      const points = this.checkScores(rubric, input);
      const existing = await tx.findOneBy(Grade, { submissionId: submission.id });
      if (input.expectedGradeVersion != null && input.expectedGradeVersion !== (existing?.version ?? 0)) {
        throw conflict('Another grader saved a grade for this work after you opened it. Reload to see their grade before saving yours.', 'expectedGradeVersion');
      }
      const now = this.clock.now();
      const releasing = !!input.release && !existing?.releasedAt;
      const grade = tx.create(Grade, {
        submissionId: submission.id,
        graderId: viewer.id,
        version: (existing?.version ?? 0) + 1,
        score: points.reduce((sum, p) => sum + p.points, 0),
        feedback: input.feedback,
        releasedAt: existing?.releasedAt ?? (input.release ? now : null),
      });
      await tx.save(grade);
      await tx.query(`DELETE FROM criterion_score WHERE submission_id = $1`, [submission.id]);
      await tx.query(
        `INSERT INTO criterion_score (submission_id, criterion_id, points, comment)
         SELECT $1, * FROM unnest($2::uuid[], $3::float8[], $4::text[])`,
        [submission.id, points.map((p) => p.criterionId), points.map((p) => p.points), points.map((p) => p.comment)],
      );
      await tx.update(Submission, { id: submission.id }, { status: SubmissionStatus.GRADED });
      submission.status = SubmissionStatus.GRADED;
      const maxPoints = rubric.reduce((sum, c) => sum + c.maxPoints, 0);
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: AuditAction.GRADE_SAVED,
        subjectType: AuditSubject.SUBMISSION,
        subjectId: submission.id,
        data: { assignment: assignment.title, assignmentId: assignment.id, score: grade.score, maxPoints, version: grade.version, released: !!grade.releasedAt },
      });
      if (releasing) await this.released(tx, viewer, course, assignment, [{ submission, version: grade.version }]);
      // A released grade changed: whoever it now passes completes.
      else if (grade.releasedAt) await this.completeFinished(tx, course);
      return submission;
    });
  }

  /** Releases every graded, unreleased submission of an assignment; returns how many. */
  async release(viewer: User, assignmentId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const assignment = isUUID(assignmentId) ? await tx.findOneBy(Assignment, { id: assignmentId }) : null;
      if (!assignment) throw notFound('That assignment');
      const course = await this.courseToGrade(tx, viewer, assignment, 'That assignment');
      const rows = await returnedRows<{ id: string; learner_id: string; group_name: string | null; version: number }>(
        tx,
        `UPDATE grade g SET released_at = $2 FROM submission s
         WHERE s.id = g.submission_id AND s.assignment_id = $1 AND s.status = 'GRADED' AND g.released_at IS NULL
         RETURNING s.id, s.learner_id, s.group_name, g.version`,
        [assignment.id, this.clock.now()],
      );
      const submissions = rows.map((r) => ({ submission: Object.assign(new Submission(), { id: r.id, learnerId: r.learner_id, group: r.group_name }), version: r.version }));
      if (submissions.length) await this.released(tx, viewer, course, assignment, submissions);
      return submissions.length;
    });
  }

  /** Back to its learner (or group) for revision, as a draft they may change and submit again. */
  async returnForRevision(viewer: User, submissionId: string, rawComment: string | null | undefined): Promise<Submission> {
    const comment = rawComment == null ? null : multiLineArg('comment', rawComment, ASSIGNMENT_LIMITS.comment).trim() || null;
    return this.db.transaction(async (tx) => {
      const { submission, assignment, course } = await this.lockToGrade(tx, viewer, submissionId);
      if (submission.status === SubmissionStatus.DRAFT) throw conflict('This work is still a draft: there is nothing to return.');
      Object.assign(submission, { status: SubmissionStatus.DRAFT, returnedAt: this.clock.now(), returnComment: comment, version: submission.version + 1 });
      await tx.update(Submission, { id: submission.id }, {
        status: submission.status,
        returnedAt: submission.returnedAt,
        returnComment: comment,
        version: submission.version,
      });
      const recipients = await this.recipients(tx, assignment, [submission]);
      await this.notifications.notify(
        tx,
        recipients.flatMap(({ submission: s, people }) =>
          people.map((person) => {
            const words = catalogueFor(person.locale);
            return {
              key: `submission-returned:${s.id}:${submission.version}:${person.id}`,
              userId: person.id,
              kind: 'SUBMISSION_RETURNED',
              title: words.returnedTitle(assignment.title),
              body: words.returnedBody(assignment.title, course.title, comment),
              link: assignmentLink(course, assignment),
              email: true,
            };
          }),
        ),
      );
      return submission;
    });
  }

  /** Submitted work waiting for a grade, oldest first; `group` keeps one enrolment group's. */
  async queue(viewer: User, courseId: string, rawGroup: string | null | undefined): Promise<Submission[]> {
    const group = optionalSingleLineArg('group', rawGroup, 80);
    await this.courseToGrade(this.db.manager, viewer, { courseId }, 'That course');
    return this.db
      .getRepository(Submission)
      .createQueryBuilder('s')
      .innerJoin('assignment', 'a', 'a.id = s.assignment_id')
      .leftJoin('enrollment', 'e', 'e.course_id = a.course_id AND e.user_id = s.learner_id')
      .where('a.course_id = :courseId AND s.status = :status', { courseId, status: SubmissionStatus.SUBMITTED })
      .andWhere('(CAST(:group AS text) IS NULL OR coalesce(s.group_name, e.group_name) = :group)', { group })
      .orderBy('s.submitted_at')
      .addOrderBy('s.id')
      .getMany();
  }

  /** Handed-in work for a grader to open again (a draft stays its writers' own); null when there is none. */
  async toGrade(viewer: User, submissionId: string): Promise<Submission | null> {
    const submission = await this.db.getRepository(Submission).findOneBy({ id: submissionId });
    if (!submission || submission.status === SubmissionStatus.DRAFT) return null;
    const assignment = await this.db.getRepository(Assignment).findOneByOrFail({ id: submission.assignmentId });
    await this.courseToGrade(this.db.manager, viewer, assignment, 'That submission');
    return submission;
  }

  /** Learners × assignments of a course, for its trainers and admins: a fixed number of statements whatever its size. */
  async gradebook(viewer: User, courseId: string): Promise<GradebookData> {
    const course = await this.courseToGrade(this.db.manager, viewer, { courseId }, 'That course');
    const assignments = await this.db.getRepository(Assignment).createQueryBuilder('a').where('a.course_id = :courseId', { courseId }).orderBy(ASSIGNMENT_ORDER).getMany();
    const learners: { user_id: string; group_name: string | null }[] = await this.db.query(
      `SELECT e.user_id, e.group_name FROM enrollment e JOIN app_user u ON u.id = e.user_id
       WHERE e.course_id = $1 AND e.role = 'LEARNER' AND e.status <> 'WITHDRAWN' AND u.deleted_at IS NULL
       ORDER BY e.group_name NULLS LAST, u.display_name, u.id`,
      [courseId],
    );
    const work: { id: string; assignment_id: string; learner_id: string; group_name: string | null; status: SubmissionStatus; submitted_at: Date | null; score: number | null; released_at: Date | null }[] =
      await this.db.query(
        `SELECT s.id, s.assignment_id, s.learner_id, s.group_name, s.status, s.submitted_at, g.score, g.released_at
         FROM submission s JOIN assignment a ON a.id = s.assignment_id LEFT JOIN grade g ON g.submission_id = s.id
         WHERE a.course_id = $1`,
        [courseId],
      );
    const totals: { assignment_id: string; max_points: number }[] = await this.db.query(
      `SELECT rc.assignment_id, sum(rc.max_points) AS max_points FROM rubric_criterion rc JOIN assignment a ON a.id = rc.assignment_id
       WHERE a.course_id = $1 GROUP BY rc.assignment_id`,
      [courseId],
    );
    const byOwner = new Map(work.map((w) => [`${w.assignment_id}:${w.group_name === null ? `u:${w.learner_id}` : `g:${w.group_name}`}`, w]));
    return {
      course,
      assignments,
      maxPoints: new Map(totals.map((t) => [t.assignment_id, Number(t.max_points)])),
      rows: learners.map((learner) => ({
        learnerId: learner.user_id,
        group: learner.group_name,
        cells: assignments.map((a) => {
          const owner = a.groupWork ? (learner.group_name === null ? null : `g:${learner.group_name}`) : `u:${learner.user_id}`;
          const w = owner ? byOwner.get(`${a.id}:${owner}`) : undefined;
          return {
            assignmentId: a.id,
            submissionId: w?.id ?? null,
            status: w?.status ?? null,
            score: w?.score ?? null,
            late: !!w && isLate(a, { submittedAt: w.submitted_at }),
            released: !!w?.released_at,
          };
        }),
      })),
    };
  }

  /** The course of `what` if the viewer may grade in it: NOT_FOUND when they may not see it, FORBIDDEN otherwise. */
  async courseToGrade(manager: EntityManager, viewer: User, what: { courseId: string }, reachedBy: string): Promise<Course> {
    const visible = await this.visibility.find(manager, viewer, what.courseId);
    if (!visible) throw notFound(reachedBy);
    if (!canGrade(viewer, visible.membership)) throw forbidden("Only this course's trainers and admins grade its work.");
    return visible.course;
  }

  /** The submission locked for the rest of the transaction, with its assignment and course, for a grader. */
  private async lockToGrade(tx: EntityManager, viewer: User, submissionId: string): Promise<{ submission: Submission; assignment: Assignment; course: Course }> {
    const submission = isUUID(submissionId)
      ? await tx.getRepository(Submission).createQueryBuilder('s').where('s.id = :submissionId', { submissionId }).setLock('pessimistic_write').getOne()
      : null;
    if (!submission) throw notFound('That submission');
    const assignment = await tx.findOneByOrFail(Assignment, { id: submission.assignmentId });
    const course = await this.courseToGrade(tx, viewer, assignment, 'That submission');
    return { submission, assignment, course };
  }

  /** Each criterion of the rubric scored exactly once, within 0..its maxPoints; in the rubric's order. */
  private checkScores(rubric: RubricCriterion[], input: GradeSubmissionInput): { criterionId: string; points: number; comment: string | null }[] {
    const given = new Map(input.criterionScores.map((s) => [s.criterionId, s]));
    if (given.size !== input.criterionScores.length) throw badUserInput('criterionScores', 'Score each criterion once.');
    if (input.criterionScores.some((s) => !rubric.some((c) => c.id === s.criterionId))) {
      throw badUserInput('criterionScores', "Score only the criteria of this assignment's rubric.");
    }
    return rubric.map((criterion) => {
      const score = given.get(criterion.id);
      if (!score) throw badUserInput('criterionScores', `Score "${criterion.title}" too: every criterion needs points.`);
      if (score.points < 0 || score.points > criterion.maxPoints) {
        throw badUserInput('criterionScores', `"${criterion.title}" takes 0 to ${criterion.maxPoints} points.`);
      }
      return { criterionId: criterion.id, points: score.points, comment: score.comment || null };
    });
  }

  /** After grades are released: the audit record, each learner told, and the learners who now pass complete. */
  private async released(
    tx: EntityManager,
    viewer: User,
    course: Course,
    assignment: Assignment,
    released: { submission: Pick<Submission, 'id' | 'learnerId' | 'group'>; version: number }[],
  ): Promise<void> {
    await this.audit.record(tx, {
      actorId: viewer.id,
      action: AuditAction.GRADES_RELEASED,
      subjectType: AuditSubject.ASSIGNMENT,
      subjectId: assignment.id,
      data: { assignment: assignment.title, count: released.length, submissionIds: released.map((r) => r.submission.id) },
    });
    const versions = new Map(released.map((r) => [r.submission.id, r.version]));
    const recipients = await this.recipients(tx, assignment, released.map((r) => r.submission));
    await this.notifications.notify(
      tx,
      recipients.flatMap(({ submission, people }) =>
        people.map((person) => {
          const words = catalogueFor(person.locale);
          return {
            key: `grade-released:${submission.id}:${versions.get(submission.id)}:${person.id}`,
            userId: person.id,
            kind: 'GRADE_RELEASED',
            title: words.gradeReleasedTitle(assignment.title),
            body: words.gradeReleasedBody(assignment.title, course.title),
            link: assignmentLink(course, assignment),
            email: true,
          };
        }),
      ),
    );
    await this.completeFinished(tx, course);
  }

  private async completeFinished(tx: EntityManager, course: Course): Promise<void> {
    await this.completion.requestCertificates(tx, await this.completion.completeFinished(tx, { courseId: course.id }));
  }

  /** Who hears about each submission: its learner, or every learner of its group (in one statement). */
  private async recipients(
    tx: EntityManager,
    assignment: Assignment,
    submissions: Pick<Submission, 'id' | 'learnerId' | 'group'>[],
  ): Promise<{ submission: Pick<Submission, 'id' | 'learnerId' | 'group'>; people: Recipient[] }[]> {
    const rows: { id: string; locale: string; user_id: string; group_name: string | null }[] = await tx.query(
      `SELECT u.id, u.locale, e.user_id, e.group_name FROM enrollment e JOIN app_user u ON u.id = e.user_id
       WHERE e.course_id = $1 AND e.role = 'LEARNER' AND e.status <> 'WITHDRAWN' AND u.deleted_at IS NULL
         AND (e.user_id = ANY($2::uuid[]) OR e.group_name = ANY($3::text[]))`,
      [assignment.courseId, submissions.map((s) => s.learnerId), submissions.flatMap((s) => (s.group ? [s.group] : []))],
    );
    return submissions.map((submission) => ({
      submission,
      people: rows
        .filter((r) => (assignment.groupWork && submission.group ? r.group_name === submission.group : r.user_id === submission.learnerId))
        .map((r) => ({ id: r.id, locale: r.locale })),
    }));
  }
}

/** Where in the web app a learner reads an assignment and their work on it. */
export function assignmentLink(course: Pick<Course, 'slug'>, assignment: Pick<Assignment, 'id'>): string {
  return `/courses/${course.slug}/assignments/${assignment.id}`;
}
