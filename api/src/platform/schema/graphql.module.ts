import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { createErrorFormatter } from '../errors/format-error.js';
import { requestInputPlugin } from '../input/request-input.plugin.js';
import { apolloLogger, LOGGER } from '../logging/logger.js';
import { CONFIG, type Config } from '../config/config.js';
import { SCHEMA_BUILD_OPTIONS } from './date-time.scalar.js';
import { complexityLimitPlugin, OPERATION_LIMITS, operationValidationRules } from './operation-limits.js';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [CONFIG, LOGGER],
      useFactory: (config: Config, logger: Logger) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        buildSchemaOptions: SCHEMA_BUILD_OPTIONS,
        context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        csrfPrevention: true,
        includeStacktraceInErrorResponses: false,
        introspection: config.environment !== 'production',
        playground: false,
        formatError: createErrorFormatter(logger, { hideSchemaHints: config.environment === 'production' }),
        logger: apolloLogger(logger),
        // Limits that hold before any resolver runs, for every present and future field.
        parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
        validationRules: operationValidationRules(),
        // Answers depend on who asks, so no HTTP cache hints: without the cache-control plugin no field
        // is wrapped to compute them, which on long lists is most of the time an answer takes.
        plugins: [ApolloServerPluginCacheControlDisabled(), complexityLimitPlugin(), requestInputPlugin],
      }),
    }),
  ],
})
export class KapwaGraphQLModule {}
