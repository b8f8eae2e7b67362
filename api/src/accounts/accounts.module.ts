import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AccessGuard } from './access.guard.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { PasswordService } from './password.service.js';
import { RateLimitsService } from './rate-limits.service.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UserResolver } from './user.resolver.js';
import { MyDataController } from './my-data.controller.js';
import { MyDataService } from './my-data.service.js';
import { ViewerService } from './viewer.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User]), OrganizationsModule],
  controllers: [MyDataController],
  providers: [
    MyDataService,
    AccountsService,
    AccountsResolver,
    UserResolver,
    PasswordService,
    RateLimitsService,
    TokenService,
    ViewerService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountsService, ViewerService],
})
export class AccountsModule {}
