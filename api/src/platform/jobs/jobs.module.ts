import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config.js';
import { JobsService } from './jobs.service.js';
import { OutboxService } from './outbox.service.js';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues.js';

/** Queues for producing jobs, and the outbox that relays a change's jobs to them; the worker adds the processors. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        BullModule.forRootAsync({
          inject: [CONFIG],
          useFactory: (config: Config) => ({
            // Workers block on Redis: they must keep retrying rather than fail a command.
            connection: { url: config.redisUrl, maxRetriesPerRequest: null },
            prefix: `${config.redisPrefix}:bull`,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        ...Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [JobsService, OutboxService],
      exports: [JobsService, OutboxService, BullModule],
    };
  }
}
