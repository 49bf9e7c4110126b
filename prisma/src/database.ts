import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { lockDataDir } from './data-dir-lock';
import { postgisCore } from './postgis-bundle';
import { formatLsn, parseLsn, ReplicaSet, routeReads, type ReplicaStatus, type ReplicaTarget } from './replicas';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Prisma client for all queries, plus what migrations and tests need. */
export interface Database {
  readonly kind: DatabaseKind;
  /** Routes reads to a replica inside a replica read scope (replicas.ts); else the primary. */
  readonly prisma: PrismaClient;
  /** The read replicas (PostgreSQL server with DATABASE_REPLICA_URL only). */
  readonly replicas?: ReplicaSet;
  /** The primary's WAL insert position now, as text: the read-your-writes token after a write. */
  primaryPosition?(): Promise<string>;
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
  /**
   * PGlite's pglite.wasm, already compiled (tests compile it once per jest worker); absent:
   * PGlite compiles it, once per module registry.
   */
  pgliteWasmModule?: WebAssembly.Module;
  /** Called for every SQL statement Prisma sends (query counting in tests, debug logging). */
  onQuery?: (sql: string) => void;
  /** Called when the server terminates a pooled connection, idle or in use (PostgreSQL server only). */
  onConnectionError?: (error: Error) => void;
  /** postgres://… of streaming replicas of `databaseUrl`, for reads (docs/operations.md). */
  replicaUrls?: string[];
  /** A replica further behind than this is not read from (default 5 s). */
  replicaMaxLagSeconds?: number;
  /** How often replicas are checked (default 1000 ms). */
  replicaCheckIntervalMs?: number;
  /** Called when a replica is taken out or put back. */
  onReplicaChange?: (status: ReplicaStatus) => void;
  /**
   * PostgreSQL server only: longest a statement may run (`statement_timeout`, set on every
   * connection), ms; default DATABASE_STATEMENT_TIMEOUT_MS or 30 s. PGlite cannot interrupt a
   * statement (it runs on the JavaScript thread); there the inputs are bounded instead.
   */
  statementTimeoutMs?: number;
}

/**
 * A time budget for the database work of one request (embedded database). PGlite is one connection
 * on the JavaScript thread and cannot cancel a running statement, so the budget is checked before
 * every statement a request sends: once its time (queue wait included) is used up, its next
 * statement is refused with `DatabaseBusyError` instead of queueing ahead of everyone else. The
 * bounded inputs (filter lengths, query cost, vertices) keep single statements short.
 */
const budgets = new AsyncLocalStorage<{ deadline: number }>();

export function withDatabaseBudget<T>(ms: number, fn: () => T): T {
  return budgets.run({ deadline: Date.now() + ms }, fn);
}

export class DatabaseBusyError extends Error {
  readonly code = 'DATABASE_BUSY';
  constructor() {
    super('DATABASE_BUSY: Die Anfrage hat ihr Zeitbudget für die Datenbank aufgebraucht (request exceeded its database time budget)');
    this.name = 'DatabaseBusyError';
  }
}

function checkBudget() {
  const budget = budgets.getStore();
  if (budget && Date.now() > budget.deadline) throw new DatabaseBusyError();
}

/** The PGlite instance as the Prisma adapter sees it: every statement first checks the request's budget. */
function budgeted(pglite: PGlite): PGlite {
  return new Proxy(pglite, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if ((property === 'query' || property === 'exec' || property === 'transaction') && typeof value === 'function') {
        return (...args: unknown[]) => {
          checkBudget();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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

/**
 * PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly heap, which never
 * shrinks: after the Leipzig import they were all touched and stayed in the server's RSS. A
 * city's data set fits in far less; what misses the buffers is read from the data folder through
 * the operating system's file cache.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      pgliteWasmModule: options.pgliteWasmModule,
      extensions: { postgis: postgisCore },
      startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const prisma = withQueryEvents(
    new PrismaClient({ adapter: new PrismaPGlite(budgeted(pglite)), ...clientOptions(options.onQuery) }),
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

/** Where a postgres:// URL points, without credentials (for logs and /readyz). */
function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

function connectionPool(
  url: string,
  options: OpenDatabaseOptions,
  pool: { max: number; statementTimeoutMs: number; connectionTimeoutMillis: number },
): pg.Pool {
  const connections = new pg.Pool({
    connectionString: url,
    max: pool.max,
    statement_timeout: pool.statementTimeoutMs,
    // waiting for a free connection is bounded too: the caller gets an error instead of hanging
    connectionTimeoutMillis: pool.connectionTimeoutMillis,
  });
  // A connection can be terminated by the server (restart, failover, admin command). pg-pool only
  // listens on idle connections; one checked out for a transaction emitted 'error' with no listener
  // and crashed the process. Every connection gets a listener for its whole life; the failed query
  // rejects, and the pool drops the broken connection and opens a new one on next use.
  connections.on('error', (error) => options.onConnectionError?.(error));
  connections.on('connect', (client) => {
    client.on('error', (error) => options.onConnectionError?.(error));
  });
  return connections;
}

/** How many distinct SQL texts get a prepared statement (per process; each connection prepares them on first use). */
const MAX_PREPARED_STATEMENTS = 500;

/**
 * Names the first MAX_PREPARED_STATEMENTS distinct SQL texts, so that node-postgres prepares each
 * once per connection and PostgreSQL does not parse and plan it again on every request (the
 * compiled reads' statements took ≈ 3 ms to plan, measured with EXPLAIN ANALYZE). Texts beyond
 * the bound stay unnamed: ad-hoc queries of any shape cannot grow the connections' caches without
 * end. The same text always gets the same name; node-postgres refuses one name for two texts.
 */
export function preparedStatementNames(limit = MAX_PREPARED_STATEMENTS): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `sa${names.size + 1}`;
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * Prisma's adapter on a pool, with prepared statements unless DATABASE_PREPARED_STATEMENTS=false
 * (needed behind a connection pooler in transaction mode, which cannot keep them per client).
 */
function postgresAdapter(pool: pg.Pool): PrismaPg {
  if (process.env.DATABASE_PREPARED_STATEMENTS === 'false') return new PrismaPg(pool);
  const named = preparedStatementNames();
  // an unnamed (undefined) statement is passed on to node-postgres as such: planned each time
  return new PrismaPg(pool, { statementNameGenerator: (query) => named(query) as string });
}

async function openPostgres(databaseUrl: string, options: OpenDatabaseOptions): Promise<Database> {
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const statementTimeoutMs = options.statementTimeoutMs ?? Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS || 30_000);
  const pool = connectionPool(databaseUrl, options, { max: poolSize, statementTimeoutMs, connectionTimeoutMillis: 10_000 });
  const primary = withQueryEvents(
    new PrismaClient({ adapter: postgresAdapter(pool), ...clientOptions(options.onQuery) }),
    options.onQuery,
  );
  const replicaPools = (options.replicaUrls ?? []).map((url) => ({
    url,
    // A replica that is gone must fail a read fast (the primary then answers it), not hang it.
    pool: connectionPool(url, options, { max: poolSize, statementTimeoutMs, connectionTimeoutMillis: 2_000 }),
  }));
  const targets: ReplicaTarget[] = replicaPools.map(({ url, pool: replicaPool }) => ({
    name: describeUrl(url),
    prisma: withQueryEvents(
      new PrismaClient({ adapter: postgresAdapter(replicaPool), ...clientOptions(options.onQuery) }),
      options.onQuery,
    ),
    async probe() {
      const { rows } = await replicaPool.query<{ recovery: boolean; lsn: string | null }>(
        'SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS lsn',
      );
      return { inRecovery: rows[0]!.recovery, replayLsn: rows[0]!.lsn ? parseLsn(rows[0]!.lsn) : null };
    },
  }));
  const primaryLsn = async (which: 'flush' | 'insert') => {
    const { rows } = await pool.query<{ lsn: string }>(
      which === 'flush' ? 'SELECT pg_current_wal_flush_lsn()::text AS lsn' : 'SELECT pg_current_wal_insert_lsn()::text AS lsn',
    );
    return parseLsn(rows[0]!.lsn);
  };
  const replicas = targets.length
    ? new ReplicaSet(targets, {
        primaryLsn: () => primaryLsn('flush'),
        maxLagSeconds: options.replicaMaxLagSeconds ?? 5,
        checkIntervalMs: options.replicaCheckIntervalMs ?? 1000,
        onChange: options.onReplicaChange,
      })
    : undefined;
  const prisma = replicas ? routeReads(primary, replicas) : primary;
  if (replicas) {
    await replicas.check();
    replicas.start();
  }
  let closed = false;
  return {
    kind: 'postgres',
    prisma,
    replicas,
    primaryPosition: async () => formatLsn(await primaryLsn('insert')),
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
      await replicas?.stop();
      await primary.$disconnect();
      await pool.end();
      for (const target of targets) await target.prisma.$disconnect();
      for (const { pool: replicaPool } of replicaPools) await replicaPool.end();
    },
  };
}
