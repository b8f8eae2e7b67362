import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_MIN_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@kapwa/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { IsCountryCode, IsLocale, IsTimeZone, Normalize, SingleLineText, Trim, UpperCase } from '../../platform/input/validators.js';

@InputType()
export class SignUpInput {
  @Field()
  @Trim()
  @MaxLength(EMAIL_MAX_LENGTH, { message: `An email address has at most ${EMAIL_MAX_LENGTH} characters.` })
  @IsEmail({}, { message: 'Enter a valid email address, such as name@example.org.' })
  email: string;

  @Field()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Use a password of at most ${PASSWORD_MAX_LENGTH} characters.` })
  password: string;

  @Field()
  @Normalize()
  @SingleLineText()
  @Length(DISPLAY_NAME_MIN_LENGTH, DISPLAY_NAME_MAX_LENGTH, {
    message: `Your display name needs ${DISPLAY_NAME_MIN_LENGTH} to ${DISPLAY_NAME_MAX_LENGTH} characters.`,
  })
  displayName: string;

  @Field({ nullable: true })
  @IsOptional()
  @UpperCase()
  @IsCountryCode()
  country?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsTimeZone()
  timeZone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsLocale()
  locale?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an organization from the list.' })
  organizationId?: string;
}
