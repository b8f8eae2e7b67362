import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config.js';
import { createLogger, LOGGER } from './logger.js';

@Global()
@Module({})
export class LoggingModule {
  /** `name` tells the API's log lines from the worker's. */
  static forRoot(name: string): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: LOGGER, inject: [CONFIG], useFactory: (config: Config) => createLogger(config.logLevel, name, config.logFile) }],
      exports: [LOGGER],
    };
  }
}
