import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '../../accounts/user.entity.js';
import { MediaAsset } from '../../media/media-asset.entity.js';
import { Organization } from '../../organizations/organization.entity.js';

export enum ReviewerConflictKind {
  SAME_ORGANIZATION = 'SAME_ORGANIZATION',
  DECLARED = 'DECLARED',
}
registerEnumType(ReviewerConflictKind, { name: 'ReviewerConflictKind' });

@ObjectType()
export class GrantEligibility {
  @Field()
  canApply: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why not, in words a person understands (call not open / closed at …, organization kind, course not completed, no organization).',
  })
  reason: string | null;

  @Field(() => [Organization], { description: "The viewer's organizations that may apply." })
  organizations: Organization[];
}

@ObjectType()
export class ReviewerAssignment {
  @Field(() => User)
  reviewer: User;

  @Field(() => Date)
  assignedAt: Date;

  @Field()
  submitted: boolean;
}

@ObjectType({ description: 'A person with the REVIEWER role, as admins see them when assigning one to an application.' })
export class ReviewerCandidate {
  @Field(() => User)
  reviewer: User;

  @Field()
  assigned: boolean;

  @Field(() => ReviewerConflictKind, { nullable: true, description: 'Why the server would refuse this reviewer; null when none.' })
  conflict: ReviewerConflictKind | null;
}

@ObjectType({ description: 'An awarded application whose organization consented to public showing.' })
export class CaseStudy {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  organizationName: string;

  @Field()
  country: string;

  @Field()
  callTitle: string;

  @Field(() => Date)
  awardedAt: Date;

  @Field(() => MediaAsset, { nullable: true })
  video: MediaAsset | null;
}
