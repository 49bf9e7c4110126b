import { openDatabase, withDatabaseBudget, type Database } from '@sozialatlas/db';
import { openMigratedDatabase } from '../../test/db';
import { startHttp } from '../../test/http';
import { databaseFailure } from './database-errors';

describe('database failures become clear answers', () => {
  it('classifies a restarting or unreachable server, a statement timeout and a used-up budget', () => {
    expect(databaseFailure(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFailure(new Error('wrapped', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) }))).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFailure(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFailure(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe('QUERY_TIMEOUT');
    expect(databaseFailure(new Error('relation "x" does not exist'))).toBeNull();
  });

  describe('the embedded database budget per request', () => {
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase();
    }, 120_000);
    afterAll(async () => {
      await db?.close();
    });

    it('serves statements within the budget and refuses the next one once it is used up', async () => {
      // Prisma's promises are lazy: the statement runs when awaited, so await inside the budget
      expect(await withDatabaseBudget(60_000, async () => await db.prisma.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`)).toEqual([{ n: 1 }]);
      const error = await withDatabaseBudget(-1, async () => await db.prisma.$queryRaw`SELECT 1`).catch((e: unknown) => e);
      expect(String(error)).toMatch(/Zeitbudget/);
      expect(databaseFailure(error)).toBe('DATABASE_BUSY');
      // outside a request nothing is limited (migrations, CLIs)
      expect(await db.prisma.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`).toEqual([{ n: 2 }]);
    });
  });

  it('answers a request that used up its embedded-database budget with 503 DATABASE_BUSY, while /healthz answers', async () => {
    const db = await openMigratedDatabase();
    // 1 ms: used up before the request's second statement at the latest
    const http = await startHttp(db, { DATABASE_REQUEST_BUDGET_MS: '1' });
    try {
      const { status, body } = await http.graphql('{ areas { totalCount nodes { id name } } indicators { key } sources { key } }');
      if (db.kind === 'postgres') {
        // a PostgreSQL server bounds each statement with statement_timeout instead (postgres-restart.test.ts)
        expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
        return;
      }
      expect(status).toBe(503);
      expect(body.errors?.[0]?.extensions?.code).toBe('DATABASE_BUSY');
      expect(body.errors?.[0]?.message).toMatch(/Zeitbudget/);
      expect((await fetch(`${http.url}/healthz`)).status).toBe(200);
    } finally {
      await http.close();
      await db.close();
    }
  });
});
