import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';
import { PAGE_NODES_COMPLEXITY } from '../platform/schema/operation-limits.js';

@ObjectType()
export class NotificationList {
  @Field(() => [Notification], { complexity: PAGE_NODES_COMPLEXITY })
  nodes: Notification[];

  @Field(() => Int)
  unreadCount: number;
}

@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @SignedIn()
  @Query(() => NotificationList, { description: "The viewer's notifications, newest first, and how many are unread." })
  async notifications(
    @Viewer() viewer: User,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
  ): Promise<NotificationList> {
    const [nodes, unreadCount] = await Promise.all([
      this.service.list(viewer.id, first, unreadOnly),
      this.service.unreadCount(viewer.id),
    ]);
    return { nodes, unreadCount };
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Marks these (or, without ids, all) of my notifications read; returns how many changed.' })
  markNotificationsRead(
    @Viewer() viewer: User,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    return this.service.markRead(viewer.id, ids ?? null);
  }
}
