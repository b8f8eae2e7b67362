import { ORGANIZATION_NAME_MAX_LENGTH } from '@kapwa/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Length } from 'class-validator';
import { IsCountryCode, Normalize, SingleLineText, UpperCase } from '../../platform/input/validators.js';
import { OrganizationKind } from '../organization-kind.js';

/** Only the fields given change. */
@InputType()
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  @IsOptional()
  @Normalize()
  @SingleLineText()
  @Length(2, ORGANIZATION_NAME_MAX_LENGTH, {
    message: `An organization's name needs 2 to ${ORGANIZATION_NAME_MAX_LENGTH} characters.`,
  })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @UpperCase()
  @IsCountryCode()
  country?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind, { message: 'Choose what kind of organization this is.' })
  kind?: OrganizationKind;
}
