import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationFocalPointsResolver, ProfilesResolver } from './directory.resolver.js';
import { DirectoryService } from './directory.service.js';

@Module({
  imports: [AccountsModule, AuditModule, NotificationsModule],
  providers: [DirectoryService, ProfilesResolver, OrganizationFocalPointsResolver],
})
export class DirectoryModule {}
