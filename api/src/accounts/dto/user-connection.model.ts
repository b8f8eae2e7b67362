import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/common/page-info.model.js';
import { User } from '../user.entity.js';

@ObjectType()
export class UserConnection {
  @Field(() => [User])
  nodes: User[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
