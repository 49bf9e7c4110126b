import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database, OpenDatabaseOptions } from '@sozialatlas/db';
import { readConfig } from '../src/config';
import { createApp } from '../src/http/app';
import { createLogger } from '../src/logger';
import { openSeededDatabase } from './db';
import { late } from './graphql';

/** The real HTTP app on a free port over a test database. */
export async function startHttp(db: Database, env: NodeJS.ProcessEnv = {}, logger = createLogger('silent')) {
  const httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const config = { ...readConfig({ PUBLIC_URL: url, ...env, NODE_ENV: 'test' }), clientDir: '/nonexistent' };
  const { app, apollo } = await createApp({ db, config, logger, httpServer });
  httpServer.on('request', app);
  return {
    url,
    async graphql(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
    },
    close: () => apollo.stop(),
  };
}

export type TestHttp = Awaited<ReturnType<typeof startHttp>>;

/** Like useSeededGraphQL, with the real HTTP app (`env` as its environment) in place of the in-process executor. */
export function useSeededHttp(options: Pick<OpenDatabaseOptions, 'onQuery'> = {}, env: NodeJS.ProcessEnv = {}): { db: Database; http: TestHttp } {
  let db: Database | undefined;
  let http: TestHttp | undefined;
  beforeAll(async () => {
    db = await openSeededDatabase(options);
    http = await startHttp(db, env);
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });
  return { db: late(() => db), http: late(() => http) };
}
