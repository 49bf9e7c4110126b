import type { Database } from '@sozialatlas/db';
import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../src/http/graphql';
import { createContext, type Context } from '../src/context';
import { anonymousCaller, type Caller } from '../src/modules/auth/caller';
import { createLogger } from '../src/logger';
import { createMetrics } from '../src/metrics';

/** Executes GraphQL operations in-process against a test database, as the HTTP server would. */
export async function createGraphQL(db: Database) {
  const apollo: ApolloServer<Context> = await createApollo({ development: false, logger: createLogger('silent'), metrics: createMetrics() });
  async function run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller: Caller = anonymousCaller) {
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue: createContext(db.prisma, caller) });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
    return response.body.singleResult;
  }
  /** Runs and fails the test on GraphQL errors; returns data. */
  async function data<T = any>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<T> {
    const result = await run<T>(query, variables, caller);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
  return { run, data, stop: () => apollo.stop() };
}
