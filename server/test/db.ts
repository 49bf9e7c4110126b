// Test databases. global-setup builds, once per run, a migrated empty database and a migrated one
// with the Leipzig data; each test file gets private copies (PGlite: loaded from an uncompressed
// dump; PostGIS server: CREATE DATABASE … TEMPLATE). With DATABASE_URL set, the whole suite runs
// against that server.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database, type OpenDatabaseOptions } from '@sozialatlas/db';
import pg from 'pg';

export type Template = 'empty' | 'seeded';

/** Where global-setup leaves a template: a dump file (PGlite) or a database name (server). */
export const templateEnv = (template: Template) => `SOZIALATLAS_TEST_TEMPLATE_${template.toUpperCase()}`;

/** URL of the same server with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * pglite.wasm as compiled once per jest worker by the test environment (environment.cjs);
 * undefined outside jest (global-setup), where PGlite compiles it itself.
 */
export function compiledPgliteWasm(): WebAssembly.Module | undefined {
  return (globalThis as { __SOZIALATLAS_PGLITE_WASM__?: WebAssembly.Module }).__SOZIALATLAS_PGLITE_WASM__;
}

async function openCopy(template: Template, options: Pick<OpenDatabaseOptions, 'onQuery'>): Promise<Database> {
  const location = process.env[templateEnv(template)];
  if (!location) throw new Error(`global-setup did not build the ${template} test database`);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return openDatabase({ loadDataDir: new Blob([readFileSync(location)]), pgliteWasmModule: compiledPgliteWasm(), ...options });
  }

  const name = `sozialatlas_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${location}"`);
  const db = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, name), ...options });
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  });
}

/** A private copy of the migrated database with the Leipzig data (as `npm start` builds it). */
export const openSeededDatabase = (options: Pick<OpenDatabaseOptions, 'onQuery'> = {}) => openCopy('seeded', options);

/** A private copy of the migrated, empty database: for importer tests. */
export const openMigratedDatabase = (options: Pick<OpenDatabaseOptions, 'onQuery'> = {}) => openCopy('empty', options);

/** A WAL segment's path in a dump of an embedded data folder (global-setup keeps only the current one). */
export const WAL_SEGMENT = /(?:^|\/)pg_wal\/[0-9A-F]{24}$/;

/** Where global-setup leaves an embedded database dump in both modes (migrated when embedded). */
export const EMBEDDED_TEMPLATE_ENV = 'SOZIALATLAS_TEST_EMBEDDED_TEMPLATE';

/**
 * An embedded database in a new folder `dataDir` (tests of the data folder itself), written from
 * the dump global-setup made, so no test waits for an initdb: the migrated template when the run
 * is on the embedded database, an initialised empty one when it is on a server (DATABASE_URL).
 */
export function openEmbeddedInFolder(dataDir: string): Promise<Database> {
  const location = process.env[EMBEDDED_TEMPLATE_ENV];
  if (!location) throw new Error('global-setup did not build the embedded test database');
  return openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(location)]), pgliteWasmModule: compiledPgliteWasm() });
}

/** Runs one statement on the server's maintenance database (create/drop test databases). */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
