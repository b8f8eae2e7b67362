import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentRole, EnrollmentStatus } from './course-enums.js';

/** A person's membership of a course, as learner or trainer. One per person and course. */
@ObjectType()
@Entity({ name: 'enrollment' })
export class Enrollment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field(() => EnrollmentRole)
  @Column({ type: 'varchar', length: 20 })
  role: EnrollmentRole;

  @Field(() => EnrollmentStatus)
  @Column({ type: 'varchar', length: 20 })
  status: EnrollmentStatus;

  @Field(() => String, { nullable: true, description: 'Cohort group within the course, e.g. a country breakout group.' })
  @Column({ name: 'group_name', type: 'varchar', length: 80, nullable: true })
  group: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
