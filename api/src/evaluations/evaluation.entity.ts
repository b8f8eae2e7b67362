import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A learner's rating of a course; one per learner and course, a new answer replaces the old. */
@Entity({ name: 'course_evaluation' })
export class Evaluation {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'smallint' })
  relevance: number;

  @Column({ type: 'smallint' })
  usefulness: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @UpdateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
