import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { PageInfo } from '../../platform/common/page-info.model.js';
import { IsCountryCode, MultiLineText, Normalize, SingleLineText, Trim, UpperCase } from '../../platform/input/validators.js';
import { PAGE_NODES_COMPLEXITY } from '../../platform/schema/operation-limits.js';
import { Post } from '../post.entity.js';
import { SpaceKind } from '../space.entity.js';
import { Thread } from '../thread.entity.js';

@ObjectType()
export class ThreadConnection {
  @Field(() => [Thread], { complexity: PAGE_NODES_COMPLEXITY })
  nodes: Thread[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
export class PostConnection {
  @Field(() => [Post], { complexity: PAGE_NODES_COMPLEXITY })
  nodes: Post[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class CreateSpaceInput {
  @Field()
  @Trim()
  @Length(3, 80, { message: 'The web address needs 3 to 80 characters.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and single hyphens for the web address, such as "women-defenders".' })
  slug: string;

  @Field()
  @Length(3, 200, { message: 'A space title needs 3 to 200 characters.' })
  @SingleLineText()
  @Normalize()
  title: string;

  @Field()
  @Length(0, 2000, { message: 'Describe the space in at most 2000 characters.' })
  @MultiLineText()
  @Normalize()
  description: string;

  @Field(() => SpaceKind)
  @IsEnum(SpaceKind, { message: 'Choose COURSE, THEME, COUNTRY or NETWORK.' })
  kind: SpaceKind;

  @Field(() => ID, { nullable: true, description: 'The course of a COURSE space; none for the other kinds.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a course from the list.' })
  courseId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only members (added by admins) and admins read it. Not for COURSE spaces.' })
  @IsOptional()
  @IsBoolean()
  membersOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: "A COUNTRY space's country (ISO 3166-1 alpha-2, e.g. TH); at most one space per country." })
  @IsOptional()
  @UpperCase()
  @IsCountryCode()
  country?: string | null;
}
