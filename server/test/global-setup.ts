import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database } from '@sozialatlas/db';
// Sources, not the build: global setup runs outside jest's module mapping.
import { seedLeipzig } from '../../seed/src';
import { adminQuery, EMBEDDED_TEMPLATE_ENV, templateEnv, withDatabaseName, type Template } from './db';

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
      writeFileSync(file, Buffer.from(await (await db.dump()).arrayBuffer()));
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
      previous = await db.dump();
      const file = path.join(dir, `${template}.tar`);
      writeFileSync(file, Buffer.from(await previous.arrayBuffer()));
      process.env[templateEnv(template)] = file;
      if (template === 'empty') process.env[EMBEDDED_TEMPLATE_ENV] = file;
    } finally {
      await db.close();
    }
  }
}
