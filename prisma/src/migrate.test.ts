import { createHash } from 'node:crypto';
import type { Database } from './database';
import { migrate, migrationStatus, readMigrations } from './migrate';
import { openMigratedDatabase } from '../../server/test/db';

describe('migration runner', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('records every migration in _prisma_migrations with the sha256 checksum Prisma uses', async () => {
    const rows = await db.withSession((s) =>
      s.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash('sha256').update(files[i]!.sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it('applies nothing the second time and reports no pending migration', async () => {
    expect(await migrate(db)).toEqual([]);
    expect((await migrationStatus(db)).pending).toEqual([]);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(db, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    const broken = [...readMigrations(), { name: '99990101000000_broken', sql: 'CREATE TABLE t_ok (id int); SELECT no_such_function();', checksum: 'x' }];
    await expect(migrate(db, broken)).rejects.toThrow(/99990101000000_broken failed/);
    const [row] = await db.withSession((s) => s.query<{ exists: boolean }>(`SELECT to_regclass('t_ok') IS NOT NULL AS exists`));
    expect(row?.exists).toBe(false);
    expect((await migrationStatus(db, broken)).pending).toEqual(['99990101000000_broken']);
  });

});
