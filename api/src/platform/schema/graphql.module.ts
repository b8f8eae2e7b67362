import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Logger } from 'pino';
import { createErrorFormatter } from '../errors/format-error.js';
import { apolloLogger, LOGGER } from '../logging/logger.js';
import { CONFIG, type Config } from '../config/config.js';

/**
 * graphql-armor's rules throw by default, which Apollo answers as an internal error; reported as
 * validation errors instead, the client gets GRAPHQL_VALIDATION_FAILED and a message that says why.
 */
const reportToClient = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [CONFIG, LOGGER],
      useFactory: (config: Config, logger: Logger) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        csrfPrevention: true,
        includeStacktraceInErrorResponses: false,
        introspection: config.environment !== 'production',
        playground: false,
        formatError: createErrorFormatter(logger),
        logger: apolloLogger(logger),
        validationRules: [
          maxDepthRule({ n: config.query.maxDepth, exposeLimits: true, ...reportToClient }),
          costLimitRule({ maxCost: config.query.maxCost, exposeLimits: true, ...reportToClient }),
        ],
      }),
    }),
  ],
})
export class KapwaGraphQLModule {}
