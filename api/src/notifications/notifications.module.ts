import { Global, Module } from '@nestjs/common';
import { DigestService } from './digest.service.js';
import { Mailer } from './mailer.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { PreferencesService } from './preferences.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

/** Global: every capability notifies people. */
@Global()
@Module({
  controllers: [UnsubscribeController],
  providers: [Mailer, NotificationsService, NotificationsResolver, PreferencesService, DigestService],
  exports: [NotificationsService, Mailer, PreferencesService, DigestService],
})
export class NotificationsModule {}
