import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, NotEquals, ValidateIf } from 'class-validator';
import { IsLocale, IsTimeZone, MultiLineText, Normalize, SingleLineText, Trim } from '../../platform/input/validators.js';
import { CourseKind } from '../course-enums.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Slugs the web app uses for its own pages under /courses/. */
export const RESERVED_SLUGS = ['new', 'edit'];
const SLUG_MESSAGE = 'Use lowercase letters, digits and single hyphens for the web address, such as "defenders-2027".';

@InputType()
export class CreateCourseInput {
  @Field()
  @Trim()
  @Length(3, 80, { message: 'The web address needs 3 to 80 characters.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @NotEquals(RESERVED_SLUGS[0], { message: '"new" is reserved: choose another web address.' })
  @NotEquals(RESERVED_SLUGS[1], { message: '"edit" is reserved: choose another web address.' })
  slug: string;

  @Field()
  @Normalize()
  @SingleLineText()
  @Length(3, 200, { message: 'A course title needs 3 to 200 characters.' })
  title: string;

  @Field()
  @Normalize()
  @MultiLineText()
  @Length(1, 5000, { message: 'Write a summary of up to 5000 characters.' })
  summary: string;

  @Field(() => CourseKind, { nullable: true })
  @IsOptional()
  @IsEnum(CourseKind)
  kind?: CourseKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field()
  @IsTimeZone()
  timeZone: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date;
}

@InputType()
export class AddModuleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a course.' })
  courseId: string;

  @Field()
  @Normalize()
  @SingleLineText()
  @Length(1, 200, { message: 'A module title needs 1 to 200 characters.' })
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @SingleLineText()
  @MaxLength(200, { message: 'A part label has at most 200 characters.' })
  part?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  opensAt?: Date;
}

@InputType()
export class AddLessonInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a module.' })
  moduleId: string;

  @Field()
  @Normalize()
  @SingleLineText()
  @Length(1, 200, { message: 'A lesson title needs 1 to 200 characters.' })
  title: string;

  @Field()
  @Length(1, 200_000, { message: 'Write the lesson (up to 200,000 characters).' })
  @MultiLineText()
  body: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Estimate at least 1 minute.' })
  @Max(600, { message: 'Estimate at most 600 minutes; split longer lessons.' })
  estimatedMinutes?: number;
}

/** Only the fields given change. `opensAt: null` opens the module at once; `part: null` removes the label. */
@InputType()
export class UpdateModuleInput {
  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @SingleLineText()
  @Length(1, 200, { message: 'A module title needs 1 to 200 characters.' })
  title?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Normalize()
  @SingleLineText()
  @MaxLength(200, { message: 'A part label has at most 200 characters.' })
  part?: string | null;

  @Field(() => Date, { nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsDate({ message: 'Give the opening as a date and time.' })
  opensAt?: Date | null;
}

/** Only the fields given change. */
@InputType()
export class UpdateLessonInput {
  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @SingleLineText()
  @Length(1, 200, { message: 'A lesson title needs 1 to 200 characters.' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200_000, { message: 'Write the lesson (up to 200,000 characters).' })
  @MultiLineText()
  body?: string;

  @Field(() => Int, { nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1, { message: 'Estimate at least 1 minute.' })
  @Max(600, { message: 'Estimate at most 600 minutes; split longer lessons.' })
  estimatedMinutes?: number | null;
}

@InputType({ description: 'Where a lesson goes: a place in its own module, or in another module of the same course.' })
export class MoveLessonInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a lesson.' })
  lessonId: string;

  @Field(() => ID, { nullable: true, description: 'The module it moves to; its own when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a module.' })
  moduleId?: string;

  @Field(() => Int, { description: '1 for the first place.' })
  @IsInt({ message: 'Give the place as a whole number.' })
  position: number;
}
