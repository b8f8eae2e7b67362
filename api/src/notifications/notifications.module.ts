import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** Global: every capability notifies people. */
@Global()
@Module({
  providers: [Mailer, NotificationsService, NotificationsResolver],
  exports: [NotificationsService, Mailer],
})
export class NotificationsModule {}
