import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MultiLineText, Normalize, SingleLineText } from '../../platform/input/validators.js';

/** How long the texts of assignments, submissions and grades may be. */
export const ASSIGNMENT_LIMITS = {
  title: 200,
  instructions: 50_000,
  criterionDescription: 2_000,
  criteria: 20,
  maxPoints: 1000,
  body: 100_000,
  feedback: 20_000,
  comment: 5_000,
  attachments: 20,
} as const;

const Title = (what: string) =>
  applyDecorators(
    Length(1, ASSIGNMENT_LIMITS.title, { message: `${what} needs 1 to ${ASSIGNMENT_LIMITS.title} characters.` }),
    SingleLineText(),
    Normalize(),
  );
const Instructions = () =>
  applyDecorators(
    Length(1, ASSIGNMENT_LIMITS.instructions, { message: `Write the instructions (up to ${ASSIGNMENT_LIMITS.instructions.toLocaleString('en')} characters).` }),
    MultiLineText(),
    Normalize(),
  );
const Rubric = () =>
  applyDecorators(
    Type(() => RubricCriterionInput),
    ValidateNested({ each: true }),
    ArrayMaxSize(ASSIGNMENT_LIMITS.criteria, { message: `A rubric has at most ${ASSIGNMENT_LIMITS.criteria} criteria.` }),
    ArrayMinSize(1, { message: 'A rubric needs at least one criterion.' }),
    IsArray({ message: 'Give the rubric as a list of criteria.' }),
  );
const Optional = () => ValidateIf((_, value) => value !== null && value !== undefined);

@InputType()
export class RubricCriterionInput {
  @Field()
  @Title('A criterion')
  title: string;

  @Field(() => String, { nullable: true })
  @Optional()
  @Normalize()
  @MultiLineText()
  @MaxLength(ASSIGNMENT_LIMITS.criterionDescription, { message: `Describe a criterion in at most ${ASSIGNMENT_LIMITS.criterionDescription} characters.` })
  description?: string | null;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the points as a number.' })
  @Min(0.000001, { message: `A criterion is worth more than 0 and at most ${ASSIGNMENT_LIMITS.maxPoints} points.` })
  @Max(ASSIGNMENT_LIMITS.maxPoints, { message: `A criterion is worth more than 0 and at most ${ASSIGNMENT_LIMITS.maxPoints} points.` })
  maxPoints: number;
}

/** The settings both creating and changing an assignment take; absent ones are left as they are (or default). */
@InputType({ isAbstract: true })
export abstract class AssignmentSettingsInput {
  @Field(() => ID, { nullable: true })
  @Optional()
  @IsUUID('all', { message: 'Choose a week of the course.' })
  moduleId?: string | null;

  @Field(() => Date, { nullable: true })
  @Optional()
  @IsDate({ message: 'Give the due time as a date and time.' })
  dueAt?: Date | null;

  @Field(() => Boolean, { nullable: true })
  @Optional()
  @IsBoolean()
  groupWork?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Optional()
  @IsBoolean()
  shareWithCohort?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Counts toward course completion (default false).' })
  @Optional()
  @IsBoolean()
  required?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'The pass mark in points; null: any released grade passes.' })
  @Optional()
  @Min(0, { message: 'The pass mark cannot be negative.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the pass mark as a number of points.' })
  passPoints?: number | null;
}

@InputType()
export class CreateAssignmentInput extends AssignmentSettingsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a course.' })
  courseId: string;

  @Field()
  @Title('An assignment title')
  title: string;

  @Field()
  @Instructions()
  instructions: string;

  @Field(() => [RubricCriterionInput])
  @Rubric()
  rubric: RubricCriterionInput[];
}

/** Only the fields given change; `null` clears moduleId, dueAt and passPoints. */
@InputType()
export class UpdateAssignmentInput extends AssignmentSettingsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an assignment.' })
  id: string;

  @Field(() => String, { nullable: true })
  @Optional()
  @Title('An assignment title')
  title?: string | null;

  @Field(() => String, { nullable: true })
  @Optional()
  @Instructions()
  instructions?: string | null;

  @Field(() => [RubricCriterionInput], { nullable: true, description: 'Replaces the rubric; refused (CONFLICT) once any submission is graded.' })
  @Optional()
  @Rubric()
  rubric?: RubricCriterionInput[] | null;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Score the criteria of this rubric.' })
  criterionId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Give the points as a number.' })
  points: number;

  @Field(() => String, { nullable: true })
  @Optional()
  @Normalize()
  @MultiLineText()
  @MaxLength(ASSIGNMENT_LIMITS.comment, { message: `A comment on a criterion has at most ${ASSIGNMENT_LIMITS.comment} characters.` })
  comment?: string | null;
}

@InputType()
export class GradeSubmissionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a submission.' })
  submissionId: string;

  @Field(() => [CriterionScoreInput])
  @Type(() => CriterionScoreInput)
  @ValidateNested({ each: true })
  @ArrayMaxSize(ASSIGNMENT_LIMITS.criteria, { message: 'Score each criterion of the rubric once.' })
  @IsArray({ message: 'Score each criterion of the rubric once.' })
  criterionScores: CriterionScoreInput[];

  @Field()
  @Normalize()
  @MultiLineText()
  @MaxLength(ASSIGNMENT_LIMITS.feedback, { message: `Feedback has at most ${ASSIGNMENT_LIMITS.feedback.toLocaleString('en')} characters.` })
  feedback: string;

  @Field(() => Boolean, { nullable: true })
  @Optional()
  @IsBoolean()
  release?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "The grader saw this version of the grade; another grader's newer save gives CONFLICT.",
  })
  @Optional()
  @IsInt()
  @Min(0)
  expectedGradeVersion?: number | null;
}

/**
 * The arguments of saveSubmissionDraft and submitAssignment. The body is checked by the service (its
 * surrounding spaces are kept while a learner types); attachment ids are checked against the files
 * the writer uploaded.
 */
@ArgsType()
export class SubmissionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an assignment.' })
  assignmentId: string;

  @Field()
  @IsString()
  body: string;

  @Field(() => [ID], { nullable: true })
  @Optional()
  @IsArray()
  attachmentIds?: string[] | null;

  @Field(() => Int, { nullable: true })
  @Optional()
  @IsInt()
  expectedVersion?: number | null;
}
