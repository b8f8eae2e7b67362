import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Work a course sets its learners, graded against a rubric. */
@ObjectType()
@Entity({ name: 'assignment' })
export class Assignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'module_id', type: 'uuid', nullable: true })
  moduleId: string | null;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown source; exposed by the resolver, which hides it from learners while its module is locked. */
  @Column({ type: 'text' })
  instructions: string;

  /** Rendered and sanitized when the instructions are written. */
  @Column({ name: 'instructions_html', type: 'text' })
  instructionsHtml: string;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Field({ description: "One submission per enrolment group (e.g. a country's action plan), written together." })
  @Column({ name: 'group_work', type: 'boolean', default: false })
  groupWork: boolean;

  @Field({ description: "Submitted work is shown to the course's members (e.g. country reports)." })
  @Column({ name: 'share_with_cohort', type: 'boolean', default: false })
  shareWithCohort: boolean;

  @Field({ description: 'Counts toward course completion: the certificate waits until it passes.' })
  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Field(() => Float, { nullable: true, description: 'The pass mark; null: any released grade passes.' })
  @Column({ name: 'pass_points', type: 'double precision', nullable: true })
  passPoints: number | null;

  /** The file an imported assignment came from (content/), so importing again updates it in place. */
  @Column({ name: 'content_key', type: 'varchar', length: 200, nullable: true })
  contentKey: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType()
@Entity({ name: 'rubric_criterion' })
export class RubricCriterion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @Column({ type: 'int' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Float)
  @Column({ name: 'max_points', type: 'double precision' })
  maxPoints: number;
}
