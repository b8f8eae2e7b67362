import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MultiLineText, Normalize } from '../../platform/input/validators.js';

const SCALE = { message: 'Choose a rating from 1 to 5.' };

@InputType()
export class SubmitEvaluationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a course.' })
  courseId: string;

  @Field(() => Int)
  @IsInt(SCALE)
  @Min(1, SCALE)
  @Max(5, SCALE)
  relevance: number;

  @Field(() => Int)
  @IsInt(SCALE)
  @Min(1, SCALE)
  @Max(5, SCALE)
  usefulness: number;

  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @MultiLineText()
  @MaxLength(4000, { message: 'Keep the comment under 4000 characters.' })
  comment?: string;
}
