import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@sozialatlas/db';
import { readConfig } from '../src/config';
import { createApp } from '../src/http/app';
import { createLogger } from '../src/logger';

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
