import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  AWARDED = 'AWARDED',
  DECLINED = 'DECLINED',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

export const DECIDED_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.AWARDED, ApplicationStatus.DECLINED];
export const SUBMITTED_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW];

@ObjectType()
export class BudgetLine {
  @Field()
  description: string;

  @Field(() => Float)
  amount: number;
}

/** An organization's application to a call: one per organization per call (unique), written by its members. */
@ObjectType()
@Entity({ name: 'grant_application' })
export class GrantApplication {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Who started it (exposed through the name policy). */
  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'video_id', type: 'uuid', nullable: true })
  videoId: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code all budget lines are in, e.g. THB, USD.' })
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Field(() => [BudgetLine])
  @Column({ name: 'budget_lines', type: 'jsonb', default: () => "'[]'" })
  budgetLines: BudgetLine[];

  @Field({ description: 'The applicant consents that the video may be shown publicly if awarded.' })
  @Column({ name: 'public_consent', type: 'boolean', default: false })
  publicConsent: boolean;

  @Field(() => ApplicationStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ApplicationStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Exposed by the resolver: the applicant organization's members and admins. */
  @Column({ name: 'decision_message', type: 'text', nullable: true })
  decisionMessage: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A reviewer an admin assigned to an application. Declaring a conflict removes it (and records the conflict). */
@Entity({ name: 'grant_reviewer_assignment' })
export class GrantReviewerAssignment {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}

/** A reviewer's declared conflict of interest: the application is hidden from them and they cannot be assigned to it. */
@Entity({ name: 'grant_conflict' })
export class GrantConflict {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}
