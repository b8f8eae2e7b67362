import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsInt, IsOptional, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Normalize, SingleLineText } from '../../platform/input/validators.js';

const DURATION = { message: 'A session lasts from 15 to 600 minutes.' };
const URL = { message: 'Enter a full web address starting with https://.' };
const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };

@InputType()
export class ScheduleLiveSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a course.' })
  courseId: string;

  @Field()
  @Normalize()
  @SingleLineText()
  @Length(1, 200, { message: 'A session title needs 1 to 200 characters.' })
  title: string;

  @Field(() => Date)
  @IsDate({ message: 'Give the start as a date and time.' })
  startsAt: Date;

  @Field(() => Int)
  @IsInt(DURATION)
  @Min(15, DURATION)
  @Max(600, DURATION)
  durationMinutes: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, URL)
  @MaxLength(2000, URL)
  joinUrl?: string;

  @Field(() => [String], { nullable: true, description: "Defaults to the course's enrolment groups." })
  @IsOptional()
  @ArrayMaxSize(100)
  @Normalize()
  @SingleLineText({ each: true })
  @Length(1, 80, { each: true, message: 'A group name needs 1 to 80 characters.' })
  breakoutGroups?: string[];
}

/** Only the fields given change; a new time or duration reschedules (calendars and reminders follow). */
@InputType()
export class UpdateLiveSessionInput {
  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @SingleLineText()
  @Length(1, 200, { message: 'A session title needs 1 to 200 characters.' })
  title?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'Give the start as a date and time.' })
  startsAt?: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(DURATION)
  @Min(15, DURATION)
  @Max(600, DURATION)
  durationMinutes?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, URL)
  @MaxLength(2000, URL)
  joinUrl?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, URL)
  @MaxLength(2000, URL)
  recordingUrl?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Normalize()
  @SingleLineText({ each: true })
  @Length(1, 80, { each: true, message: 'A group name needs 1 to 80 characters.' })
  breakoutGroups?: string[];
}
