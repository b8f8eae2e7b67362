import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module.js';
import { AssignmentsModule } from './assignments/assignments.module.js';
import { CommunityModule } from './community/community.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { AuditLogModule } from './audit/audit-log.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { ClockModule } from './platform/common/clock.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { createValidationPipe } from './platform/input/validation.pipe.js';
import type { Config } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { CoursesModule } from './courses/courses.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { EvaluationsModule } from './evaluations/evaluations.module.js';
import { GrantsModule } from './grants/grants.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { LiveSessionsModule } from './live-sessions/live-sessions.module.js';
import { MediaModule } from './media/media.module.js';
import { NetworkModule } from './network/network.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { RedisModule } from './platform/redis/redis.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { KapwaGraphQLModule } from './platform/schema/graphql.module.js';

/** The HTTP API: GraphQL and plain routes. Capabilities plug in here. */
@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('api'),
        DatabaseModule,
        RedisModule,
        JobsModule.forRoot(),
        AuditModule,
        AuditLogModule,
        ClockModule,
        KapwaGraphQLModule,
        AccountsModule,
        OrganizationsModule,
        CoursesModule,
        CertificatesModule,
        EvaluationsModule,
        NotificationsModule,
        LiveSessionsModule,
        AssignmentsModule,
        GrantsModule,
        CommunityModule,
        ResourcesModule,
        DirectoryModule,
        NetworkModule,
        MediaModule,
        HealthModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}
