import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CommunityLoaders } from './community-loaders.js';
import { PostReportsResolver, PostsResolver, SpacesResolver, ThreadsResolver } from './community.resolver.js';
import { ModerationService } from './moderation.service.js';
import { PostsService } from './posts.service.js';
import { SearchService } from './search.service.js';
import { SpacesService } from './spaces.service.js';

@Module({
  imports: [AccountsModule, AuditModule, CoursesModule, NotificationsModule],
  providers: [CommunityLoaders, SpacesService, PostsService, ModerationService, SearchService, SpacesResolver, ThreadsResolver, PostsResolver, PostReportsResolver],
})
export class CommunityModule {}
