import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/common/page-info.model.js';
import { User } from '../user.entity.js';
import { PAGE_NODES_COMPLEXITY } from '../../platform/schema/operation-limits.js';

@ObjectType()
export class UserConnection {
  @Field(() => [User], { complexity: PAGE_NODES_COMPLEXITY })
  nodes: User[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
