import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Space } from '../community/space.entity.js';

@ObjectType({ description: "An invitation into a space, made when the person completed a course that names it (or their country's space)." })
export class SpaceInvitation {
  @Field(() => ID)
  id: string;

  @Field(() => Space)
  space: Space;

  @Field(() => String, { nullable: true, description: 'The title of the course whose completion brought it; null if that course is gone.' })
  courseTitle: string | null;

  @Field(() => Date)
  createdAt: Date;
}
