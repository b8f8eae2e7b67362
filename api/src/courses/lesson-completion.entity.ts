import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A lesson an enrolled person has completed. The key makes completing twice a no-op. */
@Entity({ name: 'lesson_completion' })
export class LessonCompletion {
  @PrimaryColumn({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId: string;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}
