import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { lockDataDir } from './data-dir-lock';
import { postgisCore } from './postgis-bundle';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Prisma client for all queries, plus what migrations and tests need. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /**
   * Runs `fn` on one dedicated connection that accepts trusted multi-statement scripts from the
   * repository (migrations, test set-up). Never pass user input to `exec`; `query` is parameterised.
   */
  withSession<T>(fn: (session: ScriptSession) => Promise<T>): Promise<T>;
  /**
   * An uncompressed tar dump of an embedded database (to clone test databases quickly; loading it
   * skips a gunzip of ~65 MB per clone); postgres: unsupported.
   */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface OpenDatabaseOptions {
  /** postgres://… of a PostGIS server; when absent, the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; absent means in memory. */
  dataDir?: string;
  /** A dump from `Database.dump()` to start an embedded database from. */
  loadDataDir?: Blob;
  /** Called for every SQL statement Prisma sends (query counting in tests, debug logging). */
  onQuery?: (sql: string) => void;
  /** Called when the server terminates an idle pooled connection (PostgreSQL server only). */
  onConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

function withQueryEvents(prisma: PrismaClient, onQuery?: (sql: string) => void): PrismaClient {
  if (onQuery) {
    (prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
      onQuery(e.query),
    );
  }
  return prisma;
}

function clientOptions(onQuery?: (sql: string) => void) {
  return onQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {};
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { postgis: postgisCore } });
  } catch (error) {
    unlock();
    throw error;
  }
  const prisma = withQueryEvents(
    new PrismaClient({ adapter: new PrismaPGlite(pglite), ...clientOptions(options.onQuery) }),
    options.onQuery,
  );
  let closed = false;
  return {
    kind: 'pglite',
    prisma,
    async withSession(fn) {
      return fn({
        exec: async (script) => {
          await pglite.exec(script);
        },
        query: async <R,>(text: string, params: unknown[] = []) => (await pglite.query<R>(text, params)).rows,
      });
    },
    async dump() {
      return pglite.dumpDataDir('none');
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      // Closing PGlite flushes and checkpoints its files: the data folder stays consistent.
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(databaseUrl: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection can be terminated by the server (restart, failover, admin command). Without
  // a listener that error would crash the process; the pool replaces the connection on next use.
  pool.on('error', (error) => options.onConnectionError?.(error));
  const prisma = withQueryEvents(
    new PrismaClient({ adapter: new PrismaPg(pool), ...clientOptions(options.onQuery) }),
    options.onQuery,
  );
  let closed = false;
  return {
    kind: 'postgres',
    prisma,
    async withSession(fn) {
      // A dedicated pooled client keeps BEGIN … COMMIT on one connection; the simple query
      // protocol (no parameters) runs multi-statement scripts.
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <R,>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as R[],
        });
      } finally {
        client.release();
      }
    },
    async dump() {
      throw new Error('dump() is only available for the embedded database');
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
