// PostgreSQL restarting under write load: the server must not crash (a connection held for a
// transaction used to have no 'error' listener), must answer 503 DATABASE_UNAVAILABLE while the
// database is away, and must recover by itself. The test runs its own throwaway cluster (initdb on a
// free port, Debian's postgresql-15 + postgresql-15-postgis-3, which .ci/run installs); the shared
// server of the machine is never touched. Missing binaries fail the test: nothing is skipped.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database } from '@sozialatlas/db';
import { databaseFailure } from '../src/http/database-errors';
import { generateApiKey } from '../src/modules/auth/api-key';
import { startHttp } from './http';

const BIN = '/usr/lib/postgresql/15/bin';
const WRITERS = 20;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function pgRun(binary: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [command, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, binary), ...args]] : [path.join(BIN, binary), args];
  return execFileSync(command, full, { stdio: 'pipe', timeout: 60_000 }).toString();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a PostgreSQL restart under write load', () => {
  let dir: string;
  let dataDir: string;
  let port: number;
  let db: Database | undefined;
  let http: Awaited<ReturnType<typeof startHttp>> | undefined;
  const pgCtl = (...args: string[]) => pgRun('pg_ctl', ['-D', dataDir, '-w', '-t', '30', ...args]);

  beforeAll(async () => {
    for (const binary of ['initdb', 'pg_ctl', 'postgres']) {
      if (!existsSync(path.join(BIN, binary))) throw new Error(`${BIN}/${binary} is missing: apt-get install postgresql-15 postgresql-15-postgis-3`);
    }
    dir = mkdtempSync(path.join(os.tmpdir(), 'sozialatlas-pg-restart-'));
    chmodSync(dir, 0o777);
    dataDir = path.join(dir, 'data');
    port = await freePort();
    pgRun('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', path.join(dir, 'log'), 'start');
    db = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, onConnectionError: () => {} });
    await migrate(db);
    http = await startHttp(db);
  }, 120_000);

  afterAll(async () => {
    await http?.close();
    await db?.close();
    try {
      if (dataDir && existsSync(dataDir)) pgCtl('-m', 'immediate', 'stop');
    } catch {
      // already stopped
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps serving ${WRITERS} writers through a restart: 503 DATABASE_UNAVAILABLE while away, recovering by itself`, async () => {
    const { key, prefix, secretHash } = await generateApiKey();
    await db!.prisma.apiKey.create({ data: { name: 'Last', prefix, secretHash, roles: ['PLANNER'] } });
    const create = 'mutation($name: String!) { createProvider(input: { name: $name, kind: NON_PROFIT }) { id name } }';

    type Outcome = { status: number; code?: string; id?: number; sent: number; at: number };
    const outcomes: Outcome[] = [];
    let phase: 'before' | 'away' | 'back' = 'before';
    let stopAt = Infinity;
    const writer = async (w: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const sent = Date.now();
        try {
          const { status, body } = await http!.graphql(create, { name: `Träger ${w}-${i}` }, { 'x-api-key': key });
          outcomes.push({ status, code: body.errors?.[0]?.extensions?.code, id: body.data?.createProvider?.id, sent, at: Date.now() });
        } catch (error) {
          // the HTTP server itself did not answer
          outcomes.push({ status: 0, code: String(error), sent, at: Date.now() });
        }
        if (phase === 'away') await sleep(50);
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));

    // let the writers get going, then stop the database mid-write and keep it away for a moment
    while (outcomes.filter((o) => o.status === 200).length < 40) await sleep(20);
    pgCtl('-m', 'fast', 'stop');
    phase = 'away';
    const stoppedAt = Date.now();
    while (!outcomes.some((o) => o.at > stoppedAt && o.status === 503) && Date.now() - stoppedAt < 20_000) await sleep(50);
    await sleep(500);
    pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', path.join(dir, 'log'), 'start');
    const startedAt = Date.now();
    phase = 'back';
    // recovered: a run of successful writes after the restart
    while (Date.now() - startedAt < 30_000 && outcomes.filter((o) => o.at > startedAt && o.status === 200).length < 2 * WRITERS) await sleep(50);
    stopAt = Date.now() + 1000;
    await Promise.all(writers);

    // sent after the stop and answered before the start (pg_ctl blocks this thread, so answers
    // that arrived meanwhile are only read afterwards: the send time tells them apart)
    const away = outcomes.filter((o) => o.sent > stoppedAt && o.at < startedAt);
    const firstBack = outcomes.find((o) => o.at > startedAt && o.status === 200);
    const after = outcomes.filter((o) => firstBack && o.sent > firstBack.at + 1000);
    process.stdout.write(
      `restart under ${WRITERS} writers: ${outcomes.length} requests, ${outcomes.filter((o) => o.status === 200).length} written, ` +
        `${outcomes.filter((o) => o.status === 503).length} answered 503, others ${outcomes.filter((o) => o.status !== 200 && o.status !== 503).length}; ` +
        `first write ${firstBack ? firstBack.at - startedAt : 'never'} ms after the database was back\n`,
    );
    // every answer is a success or the clear 503; never an internal error or a dead server
    expect(outcomes.filter((o) => !(o.status === 200 || (o.status === 503 && o.code === 'DATABASE_UNAVAILABLE')))).toEqual([]);
    expect(away.length).toBeGreaterThan(0);
    expect(away.every((o) => o.status === 503)).toBe(true);
    expect(firstBack).toBeDefined();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.status === 200)).toBe(true);
    // every acknowledged write is stored
    const acknowledged = outcomes.filter((o) => o.status === 200).map((o) => o.id!);
    const stored = await db!.prisma.provider.count({ where: { id: { in: acknowledged } } });
    expect(stored).toBe(acknowledged.length);
    // and health never needed the database
    expect((await fetch(`${http!.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it('cancels a statement beyond statement_timeout and answers QUERY_TIMEOUT', async () => {
    const short = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, statementTimeoutMs: 300 });
    try {
      const slow = short.prisma.$queryRaw`SELECT pg_sleep(5)`;
      const error = await slow.catch((e: unknown) => e);
      expect(databaseFailure(error)).toBe('QUERY_TIMEOUT');
      const [row] = await short.prisma.$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`;
      expect(row?.timeout).toBe('300ms');
    } finally {
      await short.close();
    }
  });
});
