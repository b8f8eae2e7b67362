import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationKind } from '../organizations/organization-kind.js';

export enum GrantCallStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  DECIDED = 'DECIDED',
}
registerEnumType(GrantCallStatus, { name: 'GrantCallStatus' });

/**
 * A call for small-grant applications. Its status is not stored: it follows from `openedAt`, the Clock
 * and its applications' decisions (grant.policy.ts callStatus), so a call closes by itself at `closesAt`.
 */
@ObjectType()
@Entity({ name: 'grant_call' })
export class GrantCall {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => Date)
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Field(() => Date)
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Field({ description: "IANA zone the call's dates are stated in (opensAt/closesAt are instants; pages show both zones)." })
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  /** Null while DRAFT: set by openGrantCall. */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Field(() => [OrganizationKind], { description: 'Organization kinds that may apply; empty = any organization.' })
  @Column({ name: 'eligible_organization_kinds', type: 'text', array: true, default: () => "'{}'" })
  eligibleOrganizationKinds: OrganizationKind[];

  @Column({ name: 'required_course_id', type: 'uuid', nullable: true })
  requiredCourseId: string | null;

  @Field(() => Int, { description: "Reviews wanted per application; the ranking flags applications with fewer." })
  @Column({ name: 'reviews_wanted', type: 'int', default: 2 })
  reviewsWanted: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType()
@Entity({ name: 'grant_criterion' })
export class GrantCriterion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ type: 'int' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  weight: number;

  @Field(() => Float)
  @Column({ name: 'max_score', type: 'double precision' })
  maxScore: number;
}
