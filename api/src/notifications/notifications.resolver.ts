import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationPreferences, UpdateNotificationPreferenceInput } from './notification-preferences.model.js';
import { PreferencesService } from './preferences.service.js';
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
  constructor(
    private readonly service: NotificationsService,
    private readonly preferences: PreferencesService,
  ) {}

  @SignedIn()
  @Query(() => NotificationPreferences, { description: 'Which notifications the viewer gets by email (all are shown in the app) and their community digest.' })
  myNotificationPreferences(@Viewer() viewer: User): Promise<NotificationPreferences> {
    return this.preferences.of(viewer.id);
  }

  @SignedIn()
  @Mutation(() => NotificationPreferences, { description: "Turns one kind's email on or off, chooses the digest, or turns all email off; returns every preference." })
  updateNotificationPreference(@Viewer() viewer: User, @Args('input') input: UpdateNotificationPreferenceInput): Promise<NotificationPreferences> {
    return this.preferences.update(viewer.id, input);
  }

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
