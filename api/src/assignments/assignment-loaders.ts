import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { byKeys, groupBy, requestLoader } from '../platform/common/request-loaders.js';
import { MediaAsset } from '../media/media-asset.entity.js';
import { Assignment, RubricCriterion } from './assignment.entity.js';
import { CriterionScore, Grade, Submission, SubmissionStatus } from './submission.entity.js';

/** Assignments of a course in the order of the outline: by week, then due time, then when they were set. */
export const ASSIGNMENT_ORDER = `coalesce((SELECT m.position FROM course_module m WHERE m.id = a.module_id), 2147483647), a.due_at NULLS LAST, a.created_at, a.id`;

/**
 * Batched reads for assignment and submission fields: one statement per field whatever the length of the
 * list (a grading queue, a gradebook). Each loader lives for one request; who may see what is decided
 * by the resolvers (assignment.policy.ts), not here.
 */
@Injectable()
export class AssignmentLoaders {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  ofCourse(req: object, courseId: string): Promise<Assignment[]> {
    return requestLoader<string, Assignment[]>(req, 'assignments-by-course', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(Assignment).createQueryBuilder('a').where('a.course_id = ANY(:ids)', { ids }).orderBy(ASSIGNMENT_ORDER).getMany(),
        (a) => a.courseId,
      ),
    ).load(courseId);
  }

  assignment(req: object, id: string): Promise<Assignment | null> {
    return requestLoader<string, Assignment | null>(req, 'assignment', async (ids) =>
      byKeys(ids, await this.db.getRepository(Assignment).findBy({ id: In([...ids]) }), (a) => a.id),
    ).load(id);
  }

  rubric(req: object, assignmentId: string): Promise<RubricCriterion[]> {
    return requestLoader<string, RubricCriterion[]>(req, 'rubric', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(RubricCriterion).find({ where: { assignmentId: In([...ids]) }, order: { position: 'ASC' } }),
        (c) => c.assignmentId,
      ),
    ).load(assignmentId);
  }

  /** The viewer's own submission of each assignment: theirs for individual work, their enrolment group's for group work. */
  mine(req: object, viewerId: string, assignmentId: string): Promise<Submission | null> {
    return requestLoader<string, Submission | null>(req, `my-submission:${viewerId}`, async (ids) => {
      const rows = await this.db
        .getRepository(Submission)
        .createQueryBuilder('s')
        .innerJoin('assignment', 'a', 'a.id = s.assignment_id')
        .innerJoin('enrollment', 'e', `e.course_id = a.course_id AND e.user_id = :viewerId AND e.role = 'LEARNER' AND e.status <> 'WITHDRAWN'`, { viewerId })
        .where('s.assignment_id = ANY(:ids)', { ids })
        .andWhere('CASE WHEN a.group_work THEN s.group_name = e.group_name ELSE s.group_name IS NULL AND s.learner_id = :viewerId END')
        .getMany();
      return byKeys(ids, rows, (s) => s.assignmentId);
    }).load(assignmentId);
  }

  /** Every submission of each assignment (drafts too), oldest first. */
  submissions(req: object, assignmentId: string): Promise<Submission[]> {
    return requestLoader<string, Submission[]>(req, 'submissions-by-assignment', async (ids) =>
      groupBy(ids, await this.db.getRepository(Submission).find({ where: { assignmentId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (s) => s.assignmentId),
    ).load(assignmentId);
  }

  /** Submitted (and graded) work of each assignment, in the order it was handed in. */
  submitted(req: object, assignmentId: string): Promise<Submission[]> {
    return requestLoader<string, Submission[]>(req, 'submitted-by-assignment', async (ids) =>
      groupBy(
        ids,
        await this.db.getRepository(Submission).find({
          where: { assignmentId: In([...ids]), status: In([SubmissionStatus.SUBMITTED, SubmissionStatus.GRADED]) },
          order: { submittedAt: 'ASC', id: 'ASC' },
        }),
        (s) => s.assignmentId,
      ),
    ).load(assignmentId);
  }

  grade(req: object, submissionId: string): Promise<Grade | null> {
    return requestLoader<string, Grade | null>(req, 'grade', async (ids) =>
      byKeys(ids, await this.db.getRepository(Grade).findBy({ submissionId: In([...ids]) }), (g) => g.submissionId),
    ).load(submissionId);
  }

  /** The scores of a grade with their criteria, in the rubric's order. */
  criterionScores(req: object, submissionId: string): Promise<CriterionScore[]> {
    return requestLoader<string, CriterionScore[]>(req, 'criterion-scores', async (ids) =>
      groupBy(
        ids,
        await this.db
          .getRepository(CriterionScore)
          .createQueryBuilder('cs')
          .innerJoinAndMapOne('cs.criterion', RubricCriterion, 'rc', 'rc.id = cs.criterion_id')
          .where('cs.submission_id = ANY(:ids)', { ids })
          .orderBy('rc.position')
          .getMany(),
        (cs) => cs.submissionId,
      ),
    ).load(submissionId);
  }

  attachments(req: object, submissionId: string): Promise<MediaAsset[]> {
    return requestLoader<string, MediaAsset[]>(req, 'submission-attachments', async (ids) => {
      const rows: { submission_id: string; media_asset_id: string }[] = await this.db.query(
        `SELECT submission_id, media_asset_id FROM submission_attachment WHERE submission_id = ANY($1::uuid[]) ORDER BY position`,
        [ids],
      );
      const assets = rows.length ? await this.db.getRepository(MediaAsset).findBy({ id: In(rows.map((r) => r.media_asset_id)) }) : [];
      const byId = new Map(assets.map((a) => [a.id, a]));
      return groupBy(ids, rows, (r) => r.submission_id).map((list) => list.map((r) => byId.get(r.media_asset_id)!).filter(Boolean));
    }).load(submissionId);
  }

  /** Everyone who has edited each submission, in the order they first did. */
  contributorIds(req: object, submissionId: string): Promise<string[]> {
    return requestLoader<string, string[]>(req, 'submission-editors', async (ids) => {
      const rows: { submission_id: string; user_id: string }[] = await this.db.query(
        `SELECT submission_id, user_id FROM submission_editor WHERE submission_id = ANY($1::uuid[]) ORDER BY first_edited_at, user_id`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.submission_id).map((list) => list.map((r) => r.user_id));
    }).load(submissionId);
  }
}
