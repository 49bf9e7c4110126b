import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../context';
import { InputError } from '../input-error';
import { exposedErrorCodes } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { getSchema } from '../schema';
import { compiledReadsPlugin } from '../compiled/compiled-reads';
import { costLimitPlugin } from './cost';
import { DATABASE_MESSAGES, databaseErrorsPlugin, databaseFailure } from './database-errors';
import { createArmor, queryLimits } from './limits';

/**
 * Masks every error that is not one of ours: a client sees "Internal server error" and a code,
 * never a stack trace or SQL; the log gets the details.
 */
export function formatError(development: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof InputError) {
      const [first] = original.problems;
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'BAD_USER_INPUT', argument: first!.field, reason: first!.reason, problems: original.problems },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && exposedErrorCodes.has(code)) {
      if (development) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const failure = databaseFailure(unwrapResolverError(error));
    if (failure) {
      logger.warn({ err: unwrapResolverError(error), path: formatted.path }, 'database unavailable');
      return { message: DATABASE_MESSAGES[failure], path: formatted.path, locations: formatted.locations, extensions: { code: failure } };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected GraphQL error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors }) {
          metrics.graphqlOperations.inc({ operation: operationName ?? 'anonymous', outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

export interface ApolloOptions {
  development: boolean;
  logger: Logger;
  metrics: Metrics;
  /** answer compilable queries with one SQL statement (default true; compiled/compile.ts) */
  compiledReads?: boolean;
  plugins?: ApolloServerPlugin<Context>[];
}

export async function createApollo(options: ApolloOptions) {
  const armor = createArmor();
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: options.development,
    formatError: formatError(options.development, options.logger),
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: queryLimits.maxTokens },
    // Apollo's landing page loads from a CDN; the bundled explorer is served by us instead.
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      costLimitPlugin<Context>(),
      databaseErrorsPlugin<Context>(),
      ApolloServerPluginLandingPageDisabled(),
      // No field sets a cache hint; the default cache-control plugin would still wrap every
      // field resolver (measured: a large part of the nested queries' CPU).
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(options.metrics),
      ...(options.plugins ?? []),
      // last: every other plugin has seen the resolved operation before it may skip execution
      ...(options.compiledReads === false ? [] : [compiledReadsPlugin(options.metrics)]),
    ],
    csrfPrevention: true,
    // index.ts owns SIGINT/SIGTERM: it must close the database after Apollo has drained.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}
