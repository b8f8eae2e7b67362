import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { CourseModule } from '../courses/course-module.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import { isModuleLocked } from '../courses/course.policy.js';
import { Clock } from '../platform/common/clock.js';
import { renderMarkdown } from '../platform/common/markdown.js';
import { badUserInput, conflict, forbidden, notFound } from '../platform/errors/errors.js';
import { multiLineArg } from '../platform/input/validators.js';
import { Assignment } from './assignment.entity.js';
import { isLearnerOf } from './assignment.policy.js';
import { ASSIGNMENT_LIMITS } from './dto/assignment.inputs.js';
import { Submission, SubmissionStatus } from './submission.entity.js';

export interface SubmissionChange {
  assignmentId: string;
  body: string;
  /** null or absent: the attachments stay as they are; [] removes them all. */
  attachmentIds?: string[] | null;
  /** The version the writer started from; null or absent: no check. */
  expectedVersion?: number | null;
}

/**
 * Learners' work: drafts saved as often as they like, then submitted once. For group work every member
 * of the enrolment group writes the same submission; the row is locked while a save checks its version,
 * so of two saves from the same version exactly one wins and the other is told (CONFLICT on `body`).
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: CourseVisibility,
    private readonly clock: Clock,
  ) {}

  saveDraft(viewer: User, change: SubmissionChange): Promise<Submission> {
    return this.write(viewer, change, false);
  }

  submit(viewer: User, change: SubmissionChange): Promise<Submission> {
    return this.write(viewer, change, true);
  }

  private async write(viewer: User, change: SubmissionChange, submit: boolean): Promise<Submission> {
    const body = multiLineArg('body', change.body, ASSIGNMENT_LIMITS.body);
    const attachmentIds = change.attachmentIds == null ? null : [...new Set(change.attachmentIds)];
    if (attachmentIds && attachmentIds.length > ASSIGNMENT_LIMITS.attachments) {
      throw badUserInput('attachmentIds', `Attach at most ${ASSIGNMENT_LIMITS.attachments} files.`);
    }
    if (attachmentIds?.some((id) => !isUUID(id))) throw badUserInput('attachmentIds', 'Attach only files you uploaded.');
    return this.db.transaction(async (tx) => {
      const { assignment, group } = await this.assertMayWrite(tx, viewer, change.assignmentId);
      const current = await this.lockOrStart(tx, viewer, assignment, group);
      if (current.status !== SubmissionStatus.DRAFT) {
        throw conflict('This work has been submitted. It can change again only if a trainer returns it to you for revision.');
      }
      if (change.expectedVersion != null && change.expectedVersion !== current.version) {
        throw conflict(
          assignment.groupWork
            ? 'Someone in your group saved this work after you started editing, so your text was not saved. Compare it with theirs, merge the two and save again.'
            : 'This work was saved from another window or device after you started editing, so your text was not saved. Compare the two versions, merge them and save again.',
          'body',
        );
      }
      if (attachmentIds) await this.attach(tx, viewer, current, attachmentIds);
      if (submit && !body.trim() && !(await this.hasAttachments(tx, current.id))) {
        throw badUserInput('body', 'Write your answer, or attach a file, before submitting.');
      }
      const now = this.clock.now();
      Object.assign(current, {
        body,
        bodyHtml: renderMarkdown(body),
        version: current.version + 1,
        lastEditorId: viewer.id,
        updatedAt: now,
        ...(submit && { status: SubmissionStatus.SUBMITTED, submittedAt: now, learnerId: viewer.id }),
      });
      await tx.update(Submission, { id: current.id }, {
        body: current.body,
        bodyHtml: current.bodyHtml,
        version: current.version,
        lastEditorId: viewer.id,
        updatedAt: now,
        status: current.status,
        submittedAt: current.submittedAt,
        learnerId: current.learnerId,
      });
      await tx.query(
        `INSERT INTO submission_editor (submission_id, user_id, first_edited_at, last_edited_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (submission_id, user_id) DO UPDATE SET last_edited_at = excluded.last_edited_at`,
        [current.id, viewer.id, now],
      );
      return current;
    });
  }

  /**
   * The assignment, if the viewer is a learner of its course (which they may see), its week is open,
   * and, for group work, they are in an enrolment group.
   */
  private async assertMayWrite(tx: EntityManager, viewer: User, assignmentId: string): Promise<{ assignment: Assignment; group: string | null }> {
    const assignment = isUUID(assignmentId) ? await tx.findOneBy(Assignment, { id: assignmentId }) : null;
    const visible = assignment && (await this.visibility.find(tx, viewer, assignment.courseId));
    if (!assignment || !visible) throw notFound('That assignment');
    const membership = visible.membership;
    if (!isLearnerOf(membership)) throw forbidden("Only this course's learners hand in work for its assignments.");
    const module = assignment.moduleId ? await tx.findOneBy(CourseModule, { id: assignment.moduleId }) : null;
    if (module && isModuleLocked(module, this.clock.now())) throw forbidden('This week has not opened yet; its assignment opens with it.');
    if (assignment.groupWork && !membership.group) {
      throw badUserInput('group', 'This is group work and you are not in a group of this course yet. Ask a trainer to put you in one.');
    }
    return { assignment, group: assignment.groupWork ? membership.group : null };
  }

  /**
   * The viewer's (or their group's) submission, locked until the transaction ends. The first save
   * creates it at version 0; of two first saves at once, the second waits for the first and then finds it.
   */
  private async lockOrStart(tx: EntityManager, viewer: User, assignment: Assignment, group: string | null): Promise<Submission> {
    await tx.query(
      `INSERT INTO submission (assignment_id, learner_id, group_name, version) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
      [assignment.id, viewer.id, group],
    );
    const query = tx.getRepository(Submission).createQueryBuilder('s').where('s.assignment_id = :id', { id: assignment.id }).setLock('pessimistic_write');
    if (group) query.andWhere('s.group_name = :group', { group });
    else query.andWhere('s.group_name IS NULL AND s.learner_id = :learner', { learner: viewer.id });
    return (await query.getOne())!;
  }

  /** Attachments are files the writer uploaded, or ones already on this submission (a group member's). */
  private async attach(tx: EntityManager, viewer: User, submission: Submission, ids: string[]): Promise<void> {
    if (ids.length) {
      const [{ n }]: { n: number }[] = await tx.query(
        `SELECT count(*)::int AS n FROM media_asset m WHERE m.id = ANY($1::uuid[])
           AND (m.owner_id = $2 OR EXISTS (SELECT 1 FROM submission_attachment sa WHERE sa.submission_id = $3 AND sa.media_asset_id = m.id))`,
        [ids, viewer.id, submission.id],
      );
      if (n !== ids.length) throw badUserInput('attachmentIds', 'Attach only files you uploaded.');
    }
    await tx.query(`DELETE FROM submission_attachment WHERE submission_id = $1`, [submission.id]);
    if (ids.length) {
      await tx.query(
        `INSERT INTO submission_attachment (submission_id, media_asset_id, position) SELECT $1, id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, position)`,
        [submission.id, ids],
      );
    }
  }

  private async hasAttachments(tx: EntityManager, submissionId: string): Promise<boolean> {
    const [row] = await tx.query(`SELECT 1 FROM submission_attachment WHERE submission_id = $1 LIMIT 1`, [submissionId]);
    return !!row;
  }
}
