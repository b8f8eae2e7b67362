import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { MediaAccess } from './media-access.js';
import { MediaController } from './media.controller.js';
import { MediaResolver } from './media.resolver.js';
import { MediaService } from './media.service.js';
import { createMediaStorage, MEDIA_STORAGE } from './media-storage.js';
import { UploadsMiddleware } from './uploads.middleware.js';

/**
 * Media: resumable uploads at /uploads, one storage, renditions served at /media, and the access rules
 * other capabilities register (MediaAccess). The worker adds MediaProcessor.
 */
@Module({
  imports: [AccountsModule],
  controllers: [MediaController],
  providers: [
    MediaService,
    MediaAccess,
    MediaResolver,
    UploadsMiddleware,
    { provide: MEDIA_STORAGE, inject: [CONFIG], useFactory: (config: Config) => createMediaStorage(config.media) },
  ],
  exports: [MediaService, MediaAccess, MediaResolver, MEDIA_STORAGE],
})
export class MediaModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(UploadsMiddleware).forRoutes({ path: 'uploads', method: RequestMethod.ALL }, { path: 'uploads/*rest', method: RequestMethod.ALL });
  }
}
