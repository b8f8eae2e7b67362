import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentRole } from './course-enums.js';

/**
 * An invitation to join a course, sent to an email address whether or not it has an account. The
 * trainer sees back only what they typed; the token exists only in the email (stored as a hash).
 */
@ObjectType({ description: "A pending invitation to a course; its trainers and admins see them." })
@Entity({ name: 'course_invitation' })
export class CourseInvitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field({ description: 'The address the trainer typed.' })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field(() => EnrollmentRole)
  @Column({ type: 'varchar', length: 20 })
  role: EnrollmentRole;

  @Field(() => String, { nullable: true })
  @Column({ name: 'group_name', type: 'varchar', length: 80, nullable: true })
  group: string | null;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy: string | null;
}
