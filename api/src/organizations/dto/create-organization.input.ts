import { ORGANIZATION_NAME_MAX_LENGTH } from '@kapwa/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, Length } from 'class-validator';
import { IsCountryCode, Normalize, SingleLineText, UpperCase } from '../../platform/input/validators.js';
import { OrganizationKind } from '../organization-kind.js';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @Normalize()
  @SingleLineText()
  @Length(2, ORGANIZATION_NAME_MAX_LENGTH, {
    message: `An organization's name needs 2 to ${ORGANIZATION_NAME_MAX_LENGTH} characters.`,
  })
  name: string;

  @Field()
  @UpperCase()
  @IsCountryCode()
  country: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind, { message: 'Choose what kind of organization this is.' })
  kind: OrganizationKind;
}
