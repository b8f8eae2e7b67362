import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { MediaModule } from '../media/media.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ResourceLoaders } from './resource-loaders.js';
import { ResourceMediaRule } from './resource-media.rule.js';
import { ResourcesResolver } from './resources.resolver.js';
import { ResourcesService } from './resources.service.js';

/** The community's shared resource library (links and files); see resource.policy.ts for who reads and changes what. */
@Module({
  imports: [AccountsModule, AuditModule, MediaModule, NotificationsModule],
  providers: [ResourceLoaders, ResourceMediaRule, ResourcesService, ResourcesResolver],
})
export class ResourcesModule {}
