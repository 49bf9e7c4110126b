import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Database, ScriptSession } from './database';
import { migrationsDir } from './paths';

/**
 * Applies the SQL migrations in Prisma's folder layout (`migrations/<timestamp>_<name>/migration.sql`)
 * and records them in `_prisma_migrations` the way `prisma migrate deploy` does (same table, same
 * sha256 checksum), so that Prisma's own tooling agrees wherever its schema engine is available.
 * Works on PGlite and on a PostgreSQL server; an advisory lock lets several API instances start at once.
 */

export interface Migration {
  name: string;
  checksum: string;
  sql: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

/** Arbitrary constant key for pg_advisory_xact_lock: "Sozialatlas migrations". */
const LOCK_KEY = 7_031_184_202;

export function readMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

async function appliedMigrations(session: ScriptSession): Promise<Map<string, string>> {
  const rows = await session.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.migration_name, row.checksum]));
}

export async function migrationStatus(db: Database, migrations = readMigrations()): Promise<MigrationStatus> {
  return db.withSession(async (session) => {
    const [{ exists } = { exists: false }] = await session.query<{ exists: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
    );
    const applied = exists ? await appliedMigrations(session) : new Map<string, string>();
    return {
      applied: migrations.filter((m) => applied.has(m.name)).map((m) => m.name),
      pending: migrations.filter((m) => !applied.has(m.name)).map((m) => m.name),
    };
  });
}

/** Applies pending migrations, each in its own transaction. Returns the names applied now. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  return db.withSession(async (session) => {
    // a migration may rewrite a big table: no statement_timeout for it (restored below)
    await session.exec('SET statement_timeout = 0');
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.exec('RESET statement_timeout');
    }
  });
}

/** The checksum check for migrations already applied (a changed one is refused). */
function checkUnchanged(migration: Migration, recorded: string): void {
  if (recorded !== migration.checksum) {
    throw new Error(
      `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
        'Never edit an applied migration: add a new one.',
    );
  }
}

/**
 * True when every migration is recorded (checked unchanged): every start after the first costs
 * two statements instead of a transaction with a lock per migration.
 */
async function allApplied(session: ScriptSession, migrations: Migration[]): Promise<boolean> {
  const [{ exists } = { exists: false }] = await session.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  if (!exists) return false;
  const applied = await appliedMigrations(session);
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded === undefined) return false;
    checkUnchanged(migration, recorded);
  }
  return true;
}

async function applyPending(session: ScriptSession, migrations: Migration[]): Promise<string[]> {
  if (await allApplied(session, migrations)) return [];
  {
    await session.exec(CREATE_TABLE);
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      await session.exec('BEGIN');
      try {
        await session.query(`SELECT pg_advisory_xact_lock($1)`, [LOCK_KEY]);
        const applied = await appliedMigrations(session);
        const recorded = applied.get(migration.name);
        if (recorded !== undefined) {
          checkUnchanged(migration, recorded);
          await session.exec('COMMIT');
          continue;
        }
        const startedAt = new Date();
        await session.exec(migration.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await session.exec('COMMIT');
        appliedNow.push(migration.name);
      } catch (error) {
        await session.exec('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return appliedNow;
  }
}
