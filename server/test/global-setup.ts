import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database } from '@sozialatlas/db';
// Sources, not the build: global setup runs outside jest's module mapping.
import { seedLeipzig } from '../../seed/src';
import { filterTar } from '../../prisma/src/postgis-bundle';
import { adminQuery, EMBEDDED_TEMPLATE_ENV, templateEnv, WAL_SEGMENT, withDatabaseName, type Template } from './db';

/**
 * A dump without the WAL segments PostgreSQL keeps recycled ahead: 16 MB each (more than half of
 * the seeded dump), copied into every test database. After a CHECKPOINT only the current one is
 * needed.
 */
async function compactDump(db: Database): Promise<Buffer> {
  const current = await db.withSession(async (session) => {
    await session.exec('CHECKPOINT');
    const [row] = await session.query<{ wal: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS wal');
    return row!.wal;
  });
  const dump = Buffer.from(await (await db.dump()).arrayBuffer());
  return filterTar(dump, (name) => !WAL_SEGMENT.test(name) || name.endsWith(`/${current}`));
}

/** Builds the two template databases every test file copies from (see db.ts). */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const build = async (template: Template, db: Database) => {
    await migrate(db);
    if (template === 'seeded') await seedLeipzig(db.prisma, { quiet: true });
  };

  if (serverUrl) {
    const runId = `${process.pid}_${Date.now()}`;
    for (const template of ['empty', 'seeded'] as const) {
      const name = `sozialatlas_template_${template}_${runId}`;
      await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
      const db = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, name) });
      try {
        await build(template, db);
      } finally {
        await db.close();
      }
      // A template must have no open connections when it is copied.
      await adminQuery(serverUrl, `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      process.env[templateEnv(template)] = name;
    }
    // Tests of the embedded data folder itself still need an embedded database: initialised
    // here once, not inside a test (an initdb on a busy machine came near jest's timeout).
    const dir = mkdtempSync(path.join(tmpdir(), 'sozialatlas-test-'));
    process.env.SOZIALATLAS_TEST_DIR = dir;
    const db = await openDatabase();
    try {
      const file = path.join(dir, 'embedded.tar');
      writeFileSync(file, await compactDump(db));
      process.env[EMBEDDED_TEMPLATE_ENV] = file;
    } finally {
      await db.close();
    }
    return;
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'sozialatlas-test-'));
  process.env.SOZIALATLAS_TEST_DIR = dir;
  // The seeded template starts from the migrated one: one initdb and one CREATE EXTENSION per run.
  let previous: Blob | undefined;
  for (const template of ['empty', 'seeded'] as const) {
    const db = await openDatabase({ loadDataDir: previous });
    try {
      if (template === 'empty') await migrate(db);
      else await seedLeipzig(db.prisma, { quiet: true });
      const dump = await compactDump(db);
      previous = new Blob([dump]);
      const file = path.join(dir, `${template}.tar`);
      writeFileSync(file, dump);
      process.env[templateEnv(template)] = file;
      if (template === 'empty') process.env[EMBEDDED_TEMPLATE_ENV] = file;
    } finally {
      await db.close();
    }
  }
}
