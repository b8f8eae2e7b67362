import { type DynamicModule, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountEmailProcessor } from './accounts/account-email.processor.js';
import { AccountLinksModule } from './accounts/account-links.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CertificateProcessor } from './certificates/certificate.processor.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { CourseInvitationProcessor } from './courses/course-invitation.processor.js';
import { CoursesModule } from './courses/courses.module.js';
import { ClockModule } from './platform/common/clock.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { CONFIG, type Config } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { LiveSessionsModule } from './live-sessions/live-sessions.module.js';
import { ReminderProcessor } from './live-sessions/reminder.processor.js';
import { MediaModule } from './media/media.module.js';
import { MediaProcessor } from './media/media.processor.js';
import { DIGEST_SWEEP_EVERY_MS } from './notifications/digest.service.js';
import { NotificationProcessor } from './notifications/notification.processor.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { JobFailureLog } from './platform/jobs/job-failure-log.js';
import { JobsService } from './platform/jobs/jobs.service.js';
import { HEARTBEAT_EVERY_MS, MaintenanceProcessor } from './platform/jobs/maintenance.processor.js';
import { QUEUES } from './platform/jobs/queues.js';
import { RedisModule } from './platform/redis/redis.module.js';

const PLAN_REMINDERS_EVERY_MS = 10 * 60_000;
const EXPIRE_UPLOADS_EVERY_MS = 15 * 60_000;

/** The job worker: the same services as the API, plus the processors. Capabilities add theirs here. */
@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DiscoveryModule,
        DatabaseModule,
        RedisModule,
        JobsModule.forRoot(),
        ClockModule,
        AuditModule,
        CoursesModule,
        CertificatesModule,
        NotificationsModule,
        LiveSessionsModule,
        AccountLinksModule,
        MediaModule,
      ],
      providers: [AccountEmailProcessor, CourseInvitationProcessor, MaintenanceProcessor, CertificateProcessor, NotificationProcessor, ReminderProcessor, MediaProcessor, JobFailureLog],
    };
  }

  /** One scheduler for the whole deployment, however many workers start: upsert is idempotent. */
  async onApplicationBootstrap() {
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: 'heartbeat', data: {} });
    // Frequent, so keep none of its runs: a failed one is simply the next one.
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler(
        'relay-outbox',
        { every: this.config.jobs.outboxSweepMs },
        { name: 'relay-outbox', data: {}, opts: { attempts: 1, removeOnComplete: true, removeOnFail: true } },
      );
    await this.jobs
      .queue(QUEUES.reminders)
      .upsertJobScheduler('plan-reminders', { every: PLAN_REMINDERS_EVERY_MS }, { name: 'plan-reminders', data: {} });
    await this.jobs
      .queue(QUEUES.media)
      .upsertJobScheduler('expire-uploads', { every: EXPIRE_UPLOADS_EVERY_MS }, { name: 'expire-uploads', data: {}, opts: { attempts: 1, removeOnComplete: true, removeOnFail: true } });
    // A missed run is simply the next one: digests are due for hours and recorded per person and period.
    await this.jobs
      .queue(QUEUES.notifications)
      .upsertJobScheduler('send-digests', { every: DIGEST_SWEEP_EVERY_MS }, { name: 'send-digests', data: {}, opts: { attempts: 1, removeOnComplete: true, removeOnFail: true } });
  }
}
