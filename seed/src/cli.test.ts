import { openDatabase } from '@sozialatlas/db';
import { seedDatabaseOptions } from './cli';

// The synthetic city's bulk statements ran past the 30 s request limit on a busy server and the
// seed failed; the seed is not a request and runs without statement_timeout.
test('the seed opens the PostgreSQL server without the request statement_timeout', async () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://seed@127.0.0.1/none', DATABASE_STATEMENT_TIMEOUT_MS: '1000' };
  const options = seedDatabaseOptions({}, env);
  expect(options).toEqual({ databaseUrl: env.DATABASE_URL, statementTimeoutMs: 0 });
  if (!process.env.DATABASE_URL) return; // the setting itself exists on a server only
  const previous = process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = '1000';
  const db = await openDatabase(options);
  try {
    const [row] = await db.prisma.$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`;
    expect(row!.timeout).toBe('0');
  } finally {
    await db.close();
    if (previous === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
    else process.env.DATABASE_STATEMENT_TIMEOUT_MS = previous;
  }
});

test('the embedded database is the data folder asked for', () => {
  expect(seedDatabaseOptions({ dataDir: '/tmp/x' }, {})).toEqual({ dataDir: '/tmp/x' });
});
