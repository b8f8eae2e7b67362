import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sensitive change (role granted, account suspended, grade given, grant decided): who did what to
 * what, and when. Read by admins only (`auditLog`); `actor`, `subjectName` and `details` are resolved.
 */
@ObjectType()
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Field({ description: 'e.g. ROLES_CHANGED, GRADE_RELEASED, APPLICATION_DECIDED, POST_HIDDEN' })
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Field()
  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType: string;

  @Field(() => ID)
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
