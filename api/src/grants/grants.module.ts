import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { MediaModule } from '../media/media.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { GrantLoaders } from './grant-loaders.js';
import { GrantMediaRule } from './grant-media.rule.js';
import { CaseStudiesResolver, GrantApplicationsResolver, GrantCallsResolver, ReviewsResolver } from './grants.resolver.js';
import { GrantsService } from './grants.service.js';

@Module({
  imports: [AccountsModule, CoursesModule, OrganizationsModule, NotificationsModule, MediaModule],
  providers: [GrantLoaders, GrantMediaRule, GrantsService, GrantCallsResolver, GrantApplicationsResolver, ReviewsResolver, CaseStudiesResolver],
})
export class GrantsModule {}
