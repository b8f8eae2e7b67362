import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, NotEquals, ValidateIf } from 'class-validator';
import { IsLocale, IsTimeZone, MultiLineText, Normalize, SingleLineText, Trim } from '../../platform/input/validators.js';
import { COLOR_PATTERN, COURSE_CONTENT_LIMITS as LIMITS } from '../course-content-rules.js';
import { CourseKind } from '../course-enums.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Slugs the web app uses for its own pages under /courses/. */
export const RESERVED_SLUGS = ['new', 'edit'];
const SLUG_MESSAGE = 'Use lowercase letters, digits and single hyphens for the web address, such as "defenders-2027".';

// Listed bottom-up, the order in which stacked decorators would apply, so the first problem reported stays the same.
const CourseTitle = () => applyDecorators(Length(3, 200, { message: 'A course title needs 3 to 200 characters.' }), SingleLineText(), Normalize());
const CourseSummary = () => applyDecorators(Length(1, 5000, { message: 'Write a summary of up to 5000 characters.' }), MultiLineText(), Normalize());

/**
 * What the course's catalogue card and landing page say, optional when a course is created or
 * changed. On a change, only the fields given change: `null` clears the audience or the chosen colour
 * (the course then shows the colour its slug gives), `[]` or `null` the outcomes or topics.
 */
@InputType({ isAbstract: true })
export abstract class CourseContentInput {
  @Field(() => [String], { nullable: true, description: `What a learner will be able to do: up to ${LIMITS.outcomes}, one line each.` })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsArray({ message: 'Give the outcomes as a list.' })
  @ArrayMaxSize(LIMITS.outcomes, { message: `List at most ${LIMITS.outcomes} outcomes.` })
  @Normalize()
  @SingleLineText({ each: true })
  @Length(1, LIMITS.outcomeLength, { each: true, message: `Write each outcome on one line of 1 to ${LIMITS.outcomeLength} characters.` })
  outcomes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'What the course is about: up to 20 short tags; the same tag twice (ignoring case) is kept once.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsArray({ message: 'Give the topics as a list.' })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who the course is for.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Normalize()
  @MultiLineText()
  @MaxLength(LIMITS.audienceLength, { message: `Describe who the course is for in at most ${LIMITS.audienceLength} characters.` })
  audience?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent colour as #rrggbb; without one, the course shows a calm colour derived from its slug.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(COLOR_PATTERN, { message: 'Give the colour as # and six hexadecimal digits, such as #2f5f6a.' })
  color?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many weeks the course runs.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt({ message: 'Give the length in whole weeks.' })
  @Min(1, { message: 'A course runs at least 1 week.' })
  @Max(LIMITS.durationWeeksMax, { message: `A course runs at most ${LIMITS.durationWeeksMax} weeks.` })
  durationWeeks?: number | null;
}

@InputType()
export class CreateCourseInput extends CourseContentInput {
  @Field()
  @Trim()
  @Length(3, 80, { message: 'The web address needs 3 to 80 characters.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @NotEquals(RESERVED_SLUGS[0], { message: '"new" is reserved: choose another web address.' })
  @NotEquals(RESERVED_SLUGS[1], { message: '"edit" is reserved: choose another web address.' })
  slug: string;

  @Field()
  @CourseTitle()
  title: string;

  @Field()
  @CourseSummary()
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

/** Only the fields given change. */
@InputType()
export class UpdateCourseInput extends CourseContentInput {
  @Field({ nullable: true })
  @IsOptional()
  @CourseTitle()
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @CourseSummary()
  summary?: string;
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
