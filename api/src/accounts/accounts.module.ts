import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Setting } from '../platform/settings/setting.entity.js';
import { AccessGuard } from './access.guard.js';
import { AccountLinksModule } from './account-links.module.js';
import { AccountRecoveryResolver } from './account-recovery.resolver.js';
import { AccountRecoveryService } from './account-recovery.service.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { PasswordService } from './password.service.js';
import { RateLimitsService } from './rate-limits.service.js';
import { TokenService } from './token.service.js';
import { TwoFactorCrypto } from './two-factor.crypto.js';
import { RecoveryCode, UserTwoFactor } from './two-factor.entity.js';
import { TwoFactorResolver } from './two-factor.resolver.js';
import { TwoFactorService } from './two-factor.service.js';
import { User } from './user.entity.js';
import { UserResolver } from './user.resolver.js';
import { MyDataController } from './my-data.controller.js';
import { MyDataService } from './my-data.service.js';
import { ViewerService } from './viewer.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserTwoFactor, RecoveryCode, Setting]), OrganizationsModule, AccountLinksModule],
  controllers: [MyDataController],
  providers: [
    MyDataService,
    AccountsService,
    AccountsResolver,
    AccountRecoveryService,
    AccountRecoveryResolver,
    UserResolver,
    PasswordService,
    RateLimitsService,
    TokenService,
    TwoFactorCrypto,
    TwoFactorResolver,
    TwoFactorService,
    ViewerService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountsService, ViewerService],
})
export class AccountsModule {}
