// Two API instances behind HAProxy, a PostgreSQL primary and a streaming replica, all private and
// on loopback. Under a bounded read load one instance is killed (SIGKILL) and then the replica is
// stopped and started again; requests must keep succeeding. Also: a write through one instance is
// read through the other, and a session made on one is honoured by the other.
// Run: npm run test:topology (needs a build, PostgreSQL 15 + PostGIS and HAProxy from Debian).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Cluster, cleanup, createAccount, freePort, givePostgres, pgRun, requireTools, startApi, startHaproxy, workDir } from './topology.mjs';

const DATABASE = 'sozialatlas';
const READ = '{ providers(first: 20) { nodes { id name } } }';
const HEADERS = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };

let dir;
let archive;
let restored;
let primary;
let replica;
let apis = [];
let lb;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphql(url, query, { variables, headers = {} } = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...HEADERS, ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json();
  return { response, body };
}

/** Replica tuples returned so far: grows only when reads are served by the replica. */
async function replicaReads() {
  const [row] = await replica.query('SELECT tup_returned::bigint AS n FROM pg_stat_database WHERE datname = $1', [DATABASE]);
  return Number(row.n);
}

async function replicaStatus(api) {
  const response = await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
  return (await response.json()).replicas?.[0];
}

async function waitFor(what, check, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    try {
      if (await check()) return (Date.now() - started) / 1000;
    } catch {
      // not yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const setupStarted = Date.now();
const phase = (what) => console.log(`topology set-up: ${what} after ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

before(async () => {
  requireTools();
  dir = workDir('sozialatlas-topology-');
  archive = givePostgres(path.join(dir, 'wal-archive'));
  primary = await Cluster.init(dir, 'primary', {
    wal_level: 'replica',
    max_wal_senders: 5,
    hot_standby: 'on',
    // WAL archiving, for the point-in-time restore below (docs/operations.md)
    archive_mode: 'on',
    archive_command: `'test ! -f ${archive}/%f && cp %p ${archive}/%f'`,
    fsync: 'off', // a throwaway cluster; durability is not what is tested here
  });
  primary.start();
  await primary.query(`CREATE DATABASE ${DATABASE}`);
  replica = await Cluster.replicaOf(primary, dir, 'replica', { hot_standby: 'on', fsync: 'off' });
  replica.start();
  phase('primary and replica running');

  const [portA, portB, portLb] = await Promise.all([freePort(), freePort(), freePort()]);
  const env = {
    DATABASE_URL: primary.url(DATABASE),
    DATABASE_REPLICA_URL: replica.url(DATABASE),
    DATABASE_REPLICA_CHECK_INTERVAL_MS: '500',
    DATABASE_REPLICA_MAX_LAG_SECONDS: '2',
    DATABASE_POOL_SIZE: '5',
  };
  // The first instance migrates and imports the Leipzig data; the second finds it there.
  const a = startApi('a', { ...env, PORT: String(portA), SEED_ON_START: 'true' });
  apis.push(a);
  await a.ready;
  phase('instance a migrated and seeded');
  const b = startApi('b', { ...env, PORT: String(portB), SEED_ON_START: 'false' });
  apis.push(b);
  await b.ready;
  createAccount({ DATABASE_URL: primary.url(DATABASE) }, { email: 'planer@example.org', password: 'topology-test-password-1', role: 'PLANNER' });
  lb = startHaproxy(dir, portLb, [
    { name: 'a', port: portA },
    { name: 'b', port: portB },
  ]);
  await waitFor('HAProxy to see both instances up', async () => (await graphql(lb.url, READ)).response.ok);
  await waitFor('the replica to be in use', async () => (await replicaStatus(a))?.healthy && (await replicaStatus(b))?.healthy);
  phase('both instances, HAProxy and the replica in use');
});

after(async () => {
  for (const api of apis) if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  if (lb?.child.exitCode === null) lb.child.kill('SIGKILL');
  await Promise.all([...apis.map((api) => api.exited), lb?.exited]);
  for (const cluster of [restored, replica, primary]) {
    try {
      if (cluster?.isRunning()) cluster.stop('immediate');
    } catch {
      // already gone
    }
  }
  cleanup(dir);
});

test('a session made on one instance and a write through it are seen through the other', async () => {
  const [a, b] = apis;
  const login = await graphql(b.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }', {
    variables: { e: 'planer@example.org', p: 'topology-test-password-1' },
  });
  assert.equal(login.body.errors, undefined, JSON.stringify(login.body.errors));
  const cookie = login.response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const viewer = await graphql(a.url, '{ viewer { role } }', { headers: { cookie } });
  assert.equal(viewer.body.data.viewer.role, 'PLANNER', 'the session from b is honoured by a');

  const name = `Träger über Instanz b ${Date.now()}`;
  const created = await graphql(b.url, 'mutation($n: String!) { createProvider(input: { name: $n, kind: NON_PROFIT }) { id name } }', { variables: { n: name }, headers: { cookie } });
  assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
  const position = created.response.headers.get('x-sozialatlas-wrote-lsn');
  assert.match(position ?? '', /^[0-9A-F]+\/[0-9A-F]+$/, 'a write hands out the primary position');

  // With the position, the other instance reads from a replica only once it has the write.
  const read = await graphql(a.url, 'query($id: Int!) { provider(id: $id) { name } }', {
    variables: { id: created.body.data.createProvider.id },
    headers: { 'x-sozialatlas-wrote-lsn': position },
  });
  assert.equal(read.body.data.provider?.name, name);
});

test('a replica that lags behind the bound is taken out, its reads served by the primary, and put back', async () => {
  const [, b] = apis;
  await replica.query('SELECT pg_wal_replay_pause()');
  try {
    // The primary moves on (any write advances its WAL); the paused replica does not.
    const write = setInterval(() => void primary.query('SELECT pg_logical_emit_message(false, $1, $2)', ['topology', String(Date.now())]).catch(() => {}), 200);
    let takenOut;
    try {
      takenOut = await waitFor('b to take the lagging replica out', async () => (await replicaStatus(b))?.healthy === false, 15_000);
    } finally {
      clearInterval(write);
    }
    const status = await replicaStatus(b);
    assert.match(status.reason, /lags more than 2 s/);
    const before = await replicaReads();
    for (let i = 0; i < 10; i++) assert.equal((await graphql(b.url, READ)).body.errors, undefined);
    assert.equal(await replicaReads(), before, 'no read went to the lagging replica');
    console.log(`topology lag: replica paused; taken out after ${takenOut.toFixed(1)} s (bound 2 s), reason "${status.reason}"`);
  } finally {
    await replica.query('SELECT pg_wal_replay_resume()');
  }
  const back = await waitFor('b to put the caught-up replica back', async () => (await replicaStatus(b))?.healthy === true, 15_000);
  console.log(`topology lag: replay resumed; replica back in use after ${back.toFixed(1)} s`);
});

test('under read load, killing an instance and stopping the replica fails (almost) no request', async () => {
  const [a, b] = apis;
  const WORKERS = 4;
  const DURATION_MS = 24_000;
  const events = { killInstance: 3_000, stopReplica: 8_000, startReplica: 14_000 };
  const results = [];
  const started = Date.now();
  const elapsed = () => Date.now() - started;

  const worker = async () => {
    while (elapsed() < DURATION_MS) {
      const at = elapsed();
      let ok = false;
      let why;
      try {
        const { response, body } = await graphql(lb.url, READ);
        ok = response.ok && !body.errors && body.data.providers.nodes.length > 0;
        if (!ok) why = `HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`;
      } catch (error) {
        why = String(error?.cause?.code ?? error?.message ?? error);
      }
      results.push({ at, end: elapsed(), ok, ...(why ? { why } : {}) });
    }
  };

  const replicaBefore = await replicaReads();
  const timeline = (async () => {
    await sleep(events.killInstance);
    const killedAt = elapsed();
    a.child.kill('SIGKILL');
    await a.exited;
    await sleep(events.stopReplica - elapsed());
    const replicaServed = (await replicaReads()) - replicaBefore;
    const stoppedAt = elapsed();
    replica.stop('fast');
    const takenOut = await waitFor('b to take the stopped replica out', async () => (await replicaStatus(b))?.healthy === false, 10_000);
    await sleep(events.startReplica - elapsed());
    replica.start();
    const restartedAt = elapsed();
    const back = await waitFor('b to put the replica back', async () => (await replicaStatus(b))?.healthy === true, 10_000);
    const replicaAfterRestart = await replicaReads();
    return { killedAt, replicaServed, stoppedAt, takenOut, restartedAt, back, replicaAfterRestart };
  })();

  await Promise.all([...Array.from({ length: WORKERS }, worker), timeline]);
  const t = await timeline;
  await sleep(1500);
  const replicaServedAfterRestart = (await replicaReads()) - t.replicaAfterRestart;

  const failed = results.filter((r) => !r.ok);
  // A failover window holds the requests in flight when the event happened (started before it,
  // still running) and those started in the seconds after it.
  const inWindow = (from, seconds) => (r) => r.end >= from && r.at < from + seconds * 1000;
  const inKillWindow = failed.filter(inWindow(t.killedAt, 3));
  const inReplicaWindow = failed.filter(inWindow(t.stoppedAt, 3));
  const outside = failed.filter((r) => !inKillWindow.includes(r) && !inReplicaWindow.includes(r));
  const lastFailure = (list, from) => (list.length ? Math.max(0, Math.max(...list.map((r) => r.at)) - from) / 1000 : 0);
  const figures = {
    requests: results.length,
    succeeded: results.length - failed.length,
    failed: failed.length,
    failedAfterInstanceKill: inKillWindow.length,
    secondsToRecoverFromInstanceKill: lastFailure(inKillWindow, t.killedAt),
    failedAfterReplicaStop: inReplicaWindow.length,
    secondsToRecoverFromReplicaStop: lastFailure(inReplicaWindow, t.stoppedAt),
    failedOutsideFailoverWindows: outside.length,
    replicaTuplesServedBeforeStop: t.replicaServed,
    secondsUntilStoppedReplicaTakenOut: t.takenOut,
    secondsUntilRestartedReplicaBackInUse: t.back,
    replicaTuplesServedAfterRestart: replicaServedAfterRestart,
    eventsAtMs: { instanceKilled: t.killedAt, replicaStopped: t.stoppedAt, replicaRestarted: t.restartedAt },
    failures: failed.slice(0, 20),
  };
  console.log(`topology figures: ${JSON.stringify(figures, null, 2)}`);

  assert.ok(results.length > 100, 'the load ran');
  assert.ok(t.replicaServed > 0, 'the replica served reads before it was stopped');
  assert.ok(replicaServedAfterRestart > 0, 'the replica serves reads again after its restart');
  // The honest bound: a request in flight on the killed instance may be lost (HAProxy retries
  // connection failures, not every half-answered request); nothing fails outside the windows.
  assert.ok(inKillWindow.length <= WORKERS, `at most one request per client lost when an instance dies (was ${inKillWindow.length})`);
  assert.ok(inReplicaWindow.length <= WORKERS, `at most one request per client lost when the replica stops (was ${inReplicaWindow.length})`);
  assert.equal(outside.length, 0, 'every request outside the failover windows succeeds');
});

/** Exact row counts of every table in the public schema. */
async function rowCounts(cluster, database) {
  const tables = await cluster.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`, [], database);
  const counts = {};
  for (const { tablename } of tables) {
    const [row] = await cluster.query(`SELECT count(*)::int AS n FROM "${tablename.replaceAll('"', '""')}"`, [], database);
    counts[tablename] = row.n;
  }
  return counts;
}

test('backups: pg_dump restores, and a base backup plus archived WAL restores to the last write, with the same row counts', async () => {
  const started = Date.now();
  // Logical backup (docs/operations.md): pg_dump in the custom format, pg_restore into a new database.
  const dump = path.join(dir, 'sozialatlas.dump');
  const atDump = await rowCounts(primary, DATABASE);
  pgRun('pg_dump', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-Fc', '-f', dump, DATABASE]);
  await primary.query('CREATE DATABASE restored_from_dump');
  pgRun('pg_restore', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '--no-owner', '--exit-on-error', '-d', 'restored_from_dump', dump]);
  const fromDump = await rowCounts(primary, 'restored_from_dump');
  const dumpSeconds = (Date.now() - started) / 1000;

  // Physical backup: a base backup, then a write that exists only in the archived WAL.
  const base = path.join(dir, 'base-backup');
  pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', base, '-X', 'none', '-c', 'fast', '--no-sync']);
  await primary.query('CREATE TABLE after_base_backup AS SELECT generate_series(1, 3) AS n', [], DATABASE);
  const [{ wal }] = await primary.query('SELECT pg_walfile_name(pg_switch_wal()) AS wal');
  await waitFor('the last WAL segment to be archived', async () => existsSync(path.join(archive, wal)), 30_000);
  const atEnd = await rowCounts(primary, DATABASE);

  // Restore: start a cluster on (a copy of) the base backup with a restore_command for the archive.
  const restoredDir = base;
  restored = await Cluster.at(restoredDir, { archive_mode: 'off', restore_command: `'cp ${archive}/%f "%p"'`, hot_standby: 'on' });
  writeFileSync(path.join(restoredDir, 'recovery.signal'), '');
  restored.start();
  await waitFor('the restored cluster to finish recovery', async () => (await restored.query('SELECT pg_is_in_recovery() AS r'))[0].r === false, 60_000);
  const fromBase = await rowCounts(restored, DATABASE);
  const totalRows = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `backup figures: ${JSON.stringify({
      tables: Object.keys(atDump).length,
      rowsAtDump: totalRows(atDump),
      rowsRestoredFromDump: totalRows(fromDump),
      dumpAndRestoreSeconds: dumpSeconds,
      rowsAtEnd: totalRows(atEnd),
      rowsRestoredFromBaseBackupAndWal: totalRows(fromBase),
      totalSeconds: (Date.now() - started) / 1000,
    })}`,
  );
  assert.deepEqual(fromDump, atDump);
  assert.deepEqual(fromBase, atEnd);
  assert.equal(fromBase.after_base_backup, 3, 'the write after the base backup came back from the archived WAL');
});
