import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { GrantCriterion } from './grant-call.entity.js';

/** One reviewer's submitted review of one application (unique); resubmitting replaces it until the call is decided. */
@ObjectType()
@Entity({ name: 'grant_review' })
export class Review {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Field(() => Float, { description: 'Weighted total on a 0..100 scale.' })
  @Column({ name: 'weighted_score', type: 'double precision' })
  weightedScore: number;

  @Field()
  @Column({ type: 'text' })
  comment: string;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;
}

@ObjectType()
@Entity({ name: 'grant_review_score' })
export class CriterionReviewScore {
  @PrimaryColumn({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  score: number;

  /** Joined when read (GrantLoaders.reviewScores). */
  @Field(() => GrantCriterion)
  criterion?: GrantCriterion;
}
