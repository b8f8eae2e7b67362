import { DISPLAY_NAME_MAX_LENGTH, DISPLAY_NAME_MIN_LENGTH } from '@kapwa/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsCountryCode, IsLocale, IsTimeZone, Normalize, SingleLineText, Trim, UpperCase } from '../../platform/input/validators.js';

/** Only the fields given change. `country: null` and `organizationId: null` clear them. */
@InputType()
export class UpdateMeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @SingleLineText()
  @Length(DISPLAY_NAME_MIN_LENGTH, DISPLAY_NAME_MAX_LENGTH, {
    message: `Your display name needs ${DISPLAY_NAME_MIN_LENGTH} to ${DISPLAY_NAME_MAX_LENGTH} characters.`,
  })
  displayName?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @UpperCase()
  @IsCountryCode()
  country?: string | null;

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
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'Choose an organization from the list.' })
  organizationId?: string | null;
}
