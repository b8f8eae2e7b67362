import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../platform/common/page-info.model.js';
import { PAGE_NODES_COMPLEXITY } from '../platform/schema/operation-limits.js';
import { AuditEvent } from './audit-event.entity.js';

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEvent], { complexity: PAGE_NODES_COMPLEXITY })
  nodes: AuditEvent[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
