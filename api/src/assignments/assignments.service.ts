import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { CompletionService } from '../courses/completion.service.js';
import { CourseModule } from '../courses/course-module.entity.js';
import { CourseVisibility } from '../courses/course-visibility.service.js';
import type { Course } from '../courses/course.entity.js';
import { CoursesService } from '../courses/courses.service.js';
import { renderMarkdown } from '../platform/common/markdown.js';
import { badUserInput, conflict, notFound } from '../platform/errors/errors.js';
import { AssignmentLoaders } from './assignment-loaders.js';
import { Assignment, RubricCriterion } from './assignment.entity.js';
import type { CreateAssignmentInput, RubricCriterionInput, UpdateAssignmentInput } from './dto/assignment.inputs.js';

/** Setting work: trainers of the course and admins create, change and remove assignments. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly visibility: CourseVisibility,
    private readonly loaders: AssignmentLoaders,
    private readonly completion: CompletionService,
  ) {}

  /** An assignment whose course the viewer may see, or null. */
  async visible(req: ViewerRequest, id: string): Promise<Assignment | null> {
    const assignment = isUUID(id) ? await this.loaders.assignment(req, id) : null;
    return assignment && (await this.visibility.load(req, assignment.courseId)) ? assignment : null;
  }

  async create(viewer: User, input: CreateAssignmentInput): Promise<Assignment> {
    return this.db.transaction(async (tx) => {
      const course = await this.courses.lockCourseToManage(tx, viewer, input.courseId);
      if (input.moduleId) await this.assertModuleOf(tx, course, input.moduleId);
      this.assertPassMark(input.passPoints, input.rubric);
      const assignment = await tx.save(
        tx.create(Assignment, {
          courseId: course.id,
          moduleId: input.moduleId ?? null,
          title: input.title,
          instructions: input.instructions,
          instructionsHtml: renderMarkdown(input.instructions),
          dueAt: input.dueAt ?? null,
          groupWork: input.groupWork ?? false,
          shareWithCohort: input.shareWithCohort ?? false,
          required: input.required ?? false,
          passPoints: input.passPoints ?? null,
          contentKey: null,
        }),
      );
      await this.writeRubric(tx, assignment.id, input.rubric);
      return assignment;
    });
  }

  /**
   * Changes the fields given. The rubric cannot change once any submission is graded, nor group work
   * once work was begun; a change of what is required completes learners who now have nothing left.
   */
  async update(viewer: User, input: UpdateAssignmentInput): Promise<Assignment> {
    return this.db.transaction(async (tx) => {
      const { assignment, course } = await this.lockToManage(tx, viewer, input.id);
      if (input.moduleId) await this.assertModuleOf(tx, course, input.moduleId);
      const rubric = input.rubric ?? null;
      if (rubric) {
        const [graded] = await tx.query(`SELECT 1 FROM grade g JOIN submission s ON s.id = g.submission_id WHERE s.assignment_id = $1 LIMIT 1`, [assignment.id]);
        if (graded) throw conflict('Work on this assignment has been graded, so its rubric can no longer change.', 'rubric');
      }
      if (input.groupWork !== undefined && input.groupWork !== null && input.groupWork !== assignment.groupWork) {
        const [begun] = await tx.query(`SELECT 1 FROM submission WHERE assignment_id = $1 LIMIT 1`, [assignment.id]);
        if (begun) throw conflict('Learners have begun this work, so it cannot switch between group and individual work.', 'groupWork');
      }
      const passPoints = input.passPoints !== undefined ? input.passPoints : assignment.passPoints;
      this.assertPassMark(passPoints, rubric ?? (await tx.findBy(RubricCriterion, { assignmentId: assignment.id })));
      Object.assign(assignment, {
        ...(input.moduleId !== undefined && { moduleId: input.moduleId }),
        ...(input.title && { title: input.title }),
        ...(input.instructions && { instructions: input.instructions, instructionsHtml: renderMarkdown(input.instructions) }),
        ...(input.dueAt !== undefined && { dueAt: input.dueAt }),
        ...(input.groupWork !== undefined && input.groupWork !== null && { groupWork: input.groupWork }),
        ...(input.shareWithCohort !== undefined && input.shareWithCohort !== null && { shareWithCohort: input.shareWithCohort }),
        ...(input.required !== undefined && input.required !== null && { required: input.required }),
        passPoints,
      });
      const saved = await tx.save(assignment);
      if (rubric) await this.writeRubric(tx, assignment.id, rubric);
      await this.completeFinished(tx, course.id);
      return saved;
    });
  }

  /** Removes an assignment nobody has handed in work for (drafts go with it). */
  async delete(viewer: User, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { assignment, course } = await this.lockToManage(tx, viewer, id);
      const [handedIn] = await tx.query(`SELECT 1 FROM submission WHERE assignment_id = $1 AND (status <> 'DRAFT' OR submitted_at IS NOT NULL) LIMIT 1`, [
        assignment.id,
      ]);
      if (handedIn) throw conflict('Learners have handed in work for this assignment, so it cannot be removed.');
      await tx.delete(Assignment, { id: assignment.id });
      await this.completeFinished(tx, course.id);
      return true;
    });
  }

  /** Loads an assignment and locks its course for a change by the course's trainers or an admin. */
  async lockToManage(tx: EntityManager, viewer: User, id: string): Promise<{ assignment: Assignment; course: Course }> {
    const assignment = isUUID(id) ? await tx.findOneBy(Assignment, { id }) : null;
    if (!assignment) throw notFound('That assignment');
    const course = await this.courses.lockCourseToManage(tx, viewer, assignment.courseId, 'That assignment');
    return { assignment, course };
  }

  /** Replaces the rubric; its criteria keep the order given. */
  async writeRubric(tx: EntityManager, assignmentId: string, rubric: RubricCriterionInput[]): Promise<void> {
    await tx.delete(RubricCriterion, { assignmentId });
    await tx.insert(
      RubricCriterion,
      rubric.map((c, i) => ({ assignmentId, position: i + 1, title: c.title, description: c.description || null, maxPoints: c.maxPoints })),
    );
  }

  private async completeFinished(tx: EntityManager, courseId: string): Promise<void> {
    await this.completion.requestCertificates(tx, await this.completion.completeFinished(tx, { courseId }));
  }

  private async assertModuleOf(tx: EntityManager, course: Course, moduleId: string): Promise<void> {
    if (!(await tx.existsBy(CourseModule, { id: moduleId, courseId: course.id }))) throw badUserInput('moduleId', 'Choose a week of this course.');
  }

  private assertPassMark(passPoints: number | null | undefined, rubric: Pick<RubricCriterion, 'maxPoints'>[]): void {
    const maxPoints = rubric.reduce((sum, c) => sum + c.maxPoints, 0);
    if (passPoints !== null && passPoints !== undefined && passPoints > maxPoints) {
      throw badUserInput('passPoints', `The pass mark cannot be more than the ${maxPoints} points the rubric gives.`);
    }
  }
}
