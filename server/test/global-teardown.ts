import { rmSync } from 'node:fs';
import { adminQuery } from './db';
import { templateEnv } from './db';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    for (const template of ['empty', 'seeded'] as const) {
      const name = process.env[templateEnv(template)];
      if (name) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  if (process.env.SOZIALATLAS_TEST_DIR) rmSync(process.env.SOZIALATLAS_TEST_DIR, { recursive: true, force: true });
}
