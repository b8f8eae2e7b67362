import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { ClockModule } from './common/clock.js';
import { LoggingModule } from './common/logging.module.js';
import { createValidationPipe } from './common/validation.pipe.js';
import type { Config } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { CoursesModule } from './courses/courses.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EvaluationsModule } from './evaluations/evaluations.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LiveSessionsModule } from './live-sessions/live-sessions.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { RedisModule } from './redis/redis.module.js';
import { KapwaGraphQLModule } from './schema/graphql.module.js';

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
        ClockModule,
        KapwaGraphQLModule,
        AccountsModule,
        OrganizationsModule,
        CoursesModule,
        CertificatesModule,
        EvaluationsModule,
        NotificationsModule,
        LiveSessionsModule,
        HealthModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}
