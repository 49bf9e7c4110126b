import type { Database, OpenDatabaseOptions } from '@sozialatlas/db';
import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../src/http/graphql';
import { createContext, type Context } from '../src/context';
import { anonymousCaller, type Caller } from '../src/modules/auth/caller';
import { createLogger } from '../src/logger';
import { createMetrics } from '../src/metrics';
import { openSeededDatabase } from './db';

/** Executes GraphQL operations in-process against a test database, as the HTTP server would. */
export async function createGraphQL(db: Database, options: { compiledReads?: boolean } = {}) {
  const metrics = createMetrics();
  const apollo: ApolloServer<Context> = await createApollo({ development: false, logger: createLogger('silent'), metrics, ...options });
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
  return { run, data, metrics, stop: () => apollo.stop() };
}

export type GraphQL = Awaited<ReturnType<typeof createGraphQL>>;

/**
 * Stands for an object that exists only once `beforeAll` has run: every property read goes to it,
 * so a test file can destructure the handles at the top and use them in its tests.
 */
export function late<T extends object>(get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      if (!target) throw new Error('used before beforeAll ran');
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The usual set-up of a test file: a private copy of the seeded database and an in-process GraphQL
 * executor on it, opened before all tests (of the enclosing describe) and closed after them.
 */
export function useSeededGraphQL(options: Pick<OpenDatabaseOptions, 'onQuery'> = {}): { db: Database; gql: GraphQL } {
  let db: Database | undefined;
  let gql: GraphQL | undefined;
  beforeAll(async () => {
    db = await openSeededDatabase(options);
    gql = await createGraphQL(db);
  });
  afterAll(async () => {
    await gql?.stop();
    await db?.close();
  });
  return { db: late(() => db), gql: late(() => gql) };
}
