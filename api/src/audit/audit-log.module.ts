import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditLogResolver } from './audit-log.resolver.js';
import { AuditLogService } from './audit-log.service.js';

/** The audit log as admins read it (the API only; AuditModule, which writes it, is everywhere). */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent]), AccountsModule, OrganizationsModule],
  providers: [AuditLogService, AuditLogResolver],
})
export class AuditLogModule {}
