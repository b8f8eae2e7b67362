import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsCountryCode, MultiLineText, Normalize, Trim, UpperCase } from '../../platform/input/validators.js';
import { DirectoryVisibility } from '../profile.entity.js';

export const BIO_MAX = 2000;

/**
 * Only the fields given change. Expertise is normalised (trimmed, the same tag once, at most 20 of
 * at most 60 characters); languages are language tags; both are checked in directory.service.ts so
 * a problem names its field.
 */
@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true, description: `About the person's work, up to ${BIO_MAX} characters.` })
  @IsOptional()
  @Normalize()
  @MultiLineText()
  @MaxLength(BIO_MAX, { message: `Write at most ${BIO_MAX} characters about yourself.` })
  bio?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  expertise?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  languages?: string[];

  @Field(() => DirectoryVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(DirectoryVisibility, { message: 'Choose HIDDEN or MEMBERS.' })
  visibility?: DirectoryVisibility;
}

@InputType()
export class DirectoryFilter {
  @Field({ nullable: true, description: "The person's country (ISO code)." })
  @IsOptional()
  @UpperCase()
  @IsCountryCode()
  country?: string;

  @Field({ nullable: true, description: 'One expertise tag, matched ignoring case.' })
  @IsOptional()
  @Normalize()
  @MaxLength(60, { message: 'An expertise tag has at most 60 characters.' })
  expertise?: string;

  @Field({ nullable: true, description: 'Name, bio, expertise or organization name containing this text.' })
  @IsOptional()
  @Normalize()
  @MaxLength(100, { message: 'Search for at most 100 characters.' })
  text?: string;

  @Field({ nullable: true, description: 'A language the person works in (a language tag such as "th").' })
  @IsOptional()
  @Trim()
  @MaxLength(35, { message: 'Choose a language from the list.' })
  language?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an organization from the list.' })
  organizationId?: string;

  @Field({ nullable: true, description: 'Only the focal points of their organizations.' })
  @IsOptional()
  focalPointsOnly?: boolean;
}
