import { applyDecorators } from '@nestjs/common';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OrganizationKind } from '../../organizations/organization-kind.js';
import { IsTimeZone, MultiLineText, Normalize, SingleLineText } from '../../platform/input/validators.js';

/** How many and how long: the limits of calls, applications and reviews. */
export const GRANT_LIMITS = {
  title: 200,
  description: 20_000,
  criterionDescription: 2_000,
  minCriteria: 2,
  maxCriteria: 10,
  maxScore: 1000,
  maxWeight: 1000,
  summary: 20_000,
  budgetLines: 50,
  budgetLineDescription: 200,
  maxAmount: 1e12,
  comment: 10_000,
  message: 5_000,
  reason: 2_000,
  minReviews: 1,
  maxReviews: 10,
} as const;

const Optional = () => ValidateIf((_, value) => value !== null && value !== undefined);
const Title = (what: string) =>
  applyDecorators(Length(1, GRANT_LIMITS.title, { message: `${what} needs 1 to ${GRANT_LIMITS.title} characters.` }), SingleLineText(), Normalize());
const Description = () =>
  applyDecorators(
    Length(1, GRANT_LIMITS.description, { message: `Describe the call in 1 to ${GRANT_LIMITS.description.toLocaleString('en')} characters.` }),
    MultiLineText(),
    Normalize(),
  );
const Criteria = () =>
  applyDecorators(
    Type(() => GrantCriterionInput),
    ValidateNested({ each: true }),
    ArrayMaxSize(GRANT_LIMITS.maxCriteria, { message: `A call has ${GRANT_LIMITS.minCriteria} to ${GRANT_LIMITS.maxCriteria} criteria.` }),
    ArrayMinSize(GRANT_LIMITS.minCriteria, { message: `A call has ${GRANT_LIMITS.minCriteria} to ${GRANT_LIMITS.maxCriteria} criteria.` }),
    IsArray({ message: 'Give the criteria as a list.' }),
  );
const Kinds = () =>
  applyDecorators(IsEnum(OrganizationKind, { each: true, message: 'Choose organization kinds from the list.' }), IsArray({ message: 'Give the organization kinds as a list.' }));
const ReviewsWanted = () =>
  applyDecorators(
    IsInt({ message: 'Give the number of reviews wanted as a whole number.' }),
    Min(GRANT_LIMITS.minReviews, { message: `Ask for ${GRANT_LIMITS.minReviews} to ${GRANT_LIMITS.maxReviews} reviews per application.` }),
    Max(GRANT_LIMITS.maxReviews, { message: `Ask for ${GRANT_LIMITS.minReviews} to ${GRANT_LIMITS.maxReviews} reviews per application.` }),
  );

@InputType()
export class GrantCriterionInput {
  @Field()
  @Title('A criterion')
  title: string;

  @Field(() => String, { nullable: true })
  @Optional()
  @Normalize()
  @MultiLineText()
  @MaxLength(GRANT_LIMITS.criterionDescription, { message: `Describe a criterion in at most ${GRANT_LIMITS.criterionDescription} characters.` })
  description?: string | null;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the weight as a number.' })
  @Min(0.000001, { message: `A criterion's weight is more than 0 and at most ${GRANT_LIMITS.maxWeight}.` })
  @Max(GRANT_LIMITS.maxWeight, { message: `A criterion's weight is more than 0 and at most ${GRANT_LIMITS.maxWeight}.` })
  weight: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the maximum score as a number.' })
  @Min(0.000001, { message: `A criterion's maximum score is more than 0 and at most ${GRANT_LIMITS.maxScore}.` })
  @Max(GRANT_LIMITS.maxScore, { message: `A criterion's maximum score is more than 0 and at most ${GRANT_LIMITS.maxScore}.` })
  maxScore: number;
}

@InputType()
export class CreateGrantCallInput {
  @Field()
  @Title('A call title')
  title: string;

  @Field()
  @Description()
  description: string;

  @Field(() => Date)
  @IsDate({ message: 'Give the opening time as a date and time.' })
  opensAt: Date;

  @Field(() => Date)
  @IsDate({ message: 'Give the closing time as a date and time.' })
  closesAt: Date;

  @Field(() => [GrantCriterionInput])
  @Criteria()
  criteria: GrantCriterionInput[];

  @Field(() => String, { nullable: true, description: 'IANA zone the dates are stated in; null: UTC.' })
  @Optional()
  @IsTimeZone()
  timeZone?: string | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Organization kinds that may apply; null or empty: any.' })
  @Optional()
  @Kinds()
  eligibleOrganizationKinds?: OrganizationKind[] | null;

  @Field(() => ID, { nullable: true, description: 'A course some member of the applicant organization must have completed.' })
  @Optional()
  @IsUUID('all', { message: 'Choose a course.' })
  requiredCourseId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Reviews wanted per application, 1 to 10 (default 2).' })
  @Optional()
  @ReviewsWanted()
  reviewsWanted?: number | null;
}

/** DRAFT calls only (CONFLICT once open); the fields given change, `requiredCourseId: null` removes the condition. */
@InputType()
export class UpdateGrantCallInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a call.' })
  callId: string;

  @Field(() => String, { nullable: true })
  @Optional()
  @Title('A call title')
  title?: string | null;

  @Field(() => String, { nullable: true })
  @Optional()
  @Description()
  description?: string | null;

  @Field(() => Date, { nullable: true })
  @Optional()
  @IsDate({ message: 'Give the opening time as a date and time.' })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Optional()
  @IsDate({ message: 'Give the closing time as a date and time.' })
  closesAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Optional()
  @IsTimeZone()
  timeZone?: string | null;

  @Field(() => [GrantCriterionInput], { nullable: true })
  @Optional()
  @Criteria()
  criteria?: GrantCriterionInput[] | null;

  @Field(() => [OrganizationKind], { nullable: true })
  @Optional()
  @Kinds()
  eligibleOrganizationKinds?: OrganizationKind[] | null;

  @Field(() => ID, { nullable: true })
  @Optional()
  @IsUUID('all', { message: 'Choose a course.' })
  requiredCourseId?: string | null;

  @Field(() => Int, { nullable: true })
  @Optional()
  @ReviewsWanted()
  reviewsWanted?: number | null;
}

@InputType()
export class BudgetLineInput {
  @Field()
  @Title('A budget line')
  description: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the amount as a number.' })
  @Min(0.01, { message: 'Each budget line is an amount more than 0.' })
  @Max(GRANT_LIMITS.maxAmount, { message: 'That amount is too large.' })
  amount: number;
}

/** Saves the organization's one application to the call (an upsert of its draft): title and summary may stay empty until submitting. */
@InputType()
export class SaveGrantApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a call.' })
  callId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose your organization.' })
  organizationId: string;

  @Field()
  @Normalize()
  @ValidateIf((_, value) => value !== '')
  @SingleLineText()
  @MaxLength(GRANT_LIMITS.title, { message: `A title has at most ${GRANT_LIMITS.title} characters.` })
  title: string;

  @Field()
  @Normalize()
  @MultiLineText()
  @MaxLength(GRANT_LIMITS.summary, { message: `A summary has at most ${GRANT_LIMITS.summary.toLocaleString('en')} characters.` })
  summary: string;

  @Field(() => ID, { nullable: true, description: 'A MediaAsset created by a finished resumable upload.' })
  @Optional()
  @IsUUID('all', { message: 'Choose an uploaded video.' })
  videoId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. THB, USD.' })
  @Optional()
  @Matches(/^[A-Z]{3}$/, { message: 'Give the currency as its three-letter code, such as THB or USD.' })
  currency?: string | null;

  @Field(() => [BudgetLineInput], { nullable: true })
  @Optional()
  @Type(() => BudgetLineInput)
  @ValidateNested({ each: true })
  @ArrayMaxSize(GRANT_LIMITS.budgetLines, { message: `A budget has at most ${GRANT_LIMITS.budgetLines} lines.` })
  @IsArray({ message: 'Give the budget as a list of lines.' })
  budgetLines?: BudgetLineInput[] | null;

  @Field(() => Boolean, { nullable: true })
  @Optional()
  @IsBoolean()
  publicConsent?: boolean | null;
}

@InputType()
export class CriterionReviewScoreInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Score the criteria of this call.' })
  criterionId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the score as a number.' })
  score: number;
}

@InputType()
export class SubmitReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an application.' })
  applicationId: string;

  @Field(() => [CriterionReviewScoreInput])
  @Type(() => CriterionReviewScoreInput)
  @ValidateNested({ each: true })
  @ArrayMaxSize(GRANT_LIMITS.maxCriteria, { message: 'Score each criterion of the call once.' })
  @IsArray({ message: 'Score each criterion of the call once.' })
  scores: CriterionReviewScoreInput[];

  @Field()
  @Normalize()
  @MultiLineText()
  @MaxLength(GRANT_LIMITS.comment, { message: `A comment has at most ${GRANT_LIMITS.comment.toLocaleString('en')} characters.` })
  comment: string;
}
