import { openDatabase, withDatabaseBudget, type Database } from '@sozialatlas/db';
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
      expect(await withDatabaseBudget(60_000, () => db.prisma.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`)).toEqual([{ n: 1 }]);
      const spent = withDatabaseBudget(-1, () => db.prisma.$queryRaw`SELECT 1`);
      await expect(spent).rejects.toThrow(/Zeitbudget/);
      expect(databaseFailure(await spent.catch((e: unknown) => e))).toBe('DATABASE_BUSY');
      // outside a request nothing is limited (migrations, CLIs)
      expect(await db.prisma.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`).toEqual([{ n: 2 }]);
    });
  });
});
