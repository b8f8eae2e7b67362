import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RubricCriterion } from './assignment.entity.js';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SubmissionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  GRADED = 'GRADED',
}
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });

/** A learner's work on an assignment (their group's, for group work): one per learner or group. */
@ObjectType()
@Entity({ name: 'submission' })
export class Submission {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  /** The learner it belongs to; for group work, the member who saved it first, then who pressed submit. */
  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId: string;

  @Field(() => String, { nullable: true, description: 'The enrolment group, for group work.' })
  @Column({ name: 'group_name', type: 'varchar', length: 80, nullable: true })
  group: string | null;

  @Field()
  @Column({ type: 'text', default: '' })
  body: string;

  @Field({ description: 'Sanitized HTML rendered from body.' })
  @Column({ name: 'body_html', type: 'text', default: '' })
  bodyHtml: string;

  @Field(() => SubmissionStatus)
  @Column({ type: 'varchar', length: 20, default: SubmissionStatus.DRAFT })
  status: SubmissionStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => Int, { description: 'Grows by one with every saved change; gradeSubmission may pass it to avoid overwriting.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'last_editor_id', type: 'uuid', nullable: true })
  lastEditorId: string | null;

  @Field(() => Date, { nullable: true, description: 'When a trainer last returned it for revision.' })
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  /** Null in shared work (see `sharedView`). */
  @Field(() => String, { nullable: true, description: "The trainer's note when it was returned; never in shared work." })
  @Column({ name: 'return_comment', type: 'text', nullable: true })
  returnComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Set on submissions read through `sharedSubmissions`: the cohort sees the work, never its grade or comments. */
  sharedView?: boolean;
}

/** A grade of one submission; `submission_id` is its key. Criterion scores and the grader come from the resolver. */
@ObjectType('Grade')
@Entity({ name: 'grade' })
export class Grade {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'grader_id', type: 'uuid' })
  graderId: string;

  @Field(() => Int, { description: 'Grows by one with every save of this grade.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  score: number;

  @Field()
  @Column({ type: 'text' })
  feedback: string;

  @Field(() => Date, { nullable: true, description: 'Learners see the grade only once released.' })
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The points one criterion of the rubric earned, with the grader's comment. */
@ObjectType('CriterionScore')
@Entity({ name: 'criterion_score' })
export class CriterionScore {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  points: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** Read with the scores (AssignmentLoaders.criterionScores), so a list of grades costs no statement more for it. */
  @Field(() => RubricCriterion)
  criterion?: RubricCriterion;
}
