#!/usr/bin/env node
// Sozialatlas beside its peer and its floor, on one PostGIS database with the Leipzig data:
//   (a) Sozialatlas (the built server, server/dist),
//   (b) PostGraphile v5 (Amber preset) through a read-only role, on Node 22 — both installed on
//       first use into bench/peer/ only (npm install --prefix bench/peer), not into the workspaces,
//   (c) the raw-SQL floor (bench/peer/floor.mjs): one hand-written statement per query, JSON built
//       in PostgreSQL, through the same read-only role.
// Each query is written for each API so that all three return the same data; the answers are
// compared (normalised) first and the run stops if they differ. Then closed-loop load at each
// concurrency, the three targets interleaved per query (same machine state), and a markdown table
// for docs/performance.md. Everything it starts (servers, the database, the role) it removes again.
//
//   npm run build && DATABASE_URL=postgres://… node bench/peer.mjs [--duration 10] [--warmup 3]
//        [--concurrency 1,10,50] [--rounds 1] [--only <text>] [--smoke]
//   … node bench/peer.mjs --load [--duration 20] [--rounds 2]   load test: nested 500 services, c=50 against c=10, Sozialatlas only
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const peerDir = path.join(benchDir, 'peer');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '1,10,50' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    load: { type: 'boolean', default: false },
  },
});
if (!process.env.DATABASE_URL) {
  console.error('bench/peer.mjs needs DATABASE_URL (a PostgreSQL server with PostGIS and a user that may create databases and roles)');
  process.exit(2);
}
const durationS = Number(args.duration);
const warmupS = Number(args.warmup);
const rounds = Number(args.rounds);
const concurrencies = args.load ? [10, 50] : args.concurrency.split(',').map(Number);

// ---------------------------------------------------------------------------------------------
// The five queries, once per API. `run(post)` performs one unit of work and returns the answer;
// `normalise` turns each API's answer into one comparable shape.

const INDICATOR = 'sgb2_rate';
const YEAR = 2022;
// Sozialatlas's cost limit (server/src/http/cost.ts) admits 40 providers with their services and fundings, not more.
const PROVIDERS = 40;
const sortBy = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
const amount = (x) => String(Number(x));
const geo = (g) => (typeof g === 'string' ? JSON.parse(g) : g);
const oneValue = (v) => (v ? { value: v.value, status: v.status } : null);

/** Filled in after the database exists: ids PostGraphile's conditions need (it filters by column, not by key). */
const ids = { indicator: 0, city: 0 };

const queries = [
  {
    key: 'mapValues',
    name: 'map values: 63 districts + one value',
    sozialatlas: {
      query: `query mapValues($indicator: String!, $year: Int!) { areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name value(indicator: $indicator, year: $year) { value status } } } }`,
      variables: () => ({ indicator: INDICATOR, year: YEAR }),
      normalise: (d) => d.areas.nodes.map((a) => ({ id: a.id, code: a.code, name: a.name, value: oneValue(a.value) })).sort(sortBy('id')),
    },
    postgraphile: {
      query: `query mapValues($indicator: Int!, $year: Int!, $city: Int!) { allAreas(condition: { level: DISTRICT, cityId: $city }, orderBy: PRIMARY_KEY_ASC) { nodes { rowId code name
                indicatorValuesByAreaId(condition: { indicatorId: $indicator, year: $year }) { nodes { value status } } } } }`,
      variables: () => ({ indicator: ids.indicator, year: YEAR, city: ids.city }),
      normalise: (d) => d.allAreas.nodes.map((a) => ({ id: a.rowId, code: a.code, name: a.name, value: oneValue(a.indicatorValuesByAreaId.nodes[0]) })).sort(sortBy('id')),
    },
    floor: { variables: () => ({ indicator: INDICATOR, year: YEAR }) },
  },
  {
    key: 'mapGeometry',
    name: 'map geometry: 63 districts + value + geometry (15 m)',
    sozialatlas: {
      query: `query mapGeometry($indicator: String!, $year: Int!) { areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name geometry(simplify: 15, precision: 5) value(indicator: $indicator, year: $year) { value status } } } }`,
      variables: () => ({ indicator: INDICATOR, year: YEAR }),
      normalise: (d) => d.areas.nodes.map((a) => ({ id: a.id, code: a.code, name: a.name, geometry: geo(a.geometry), value: oneValue(a.value) })).sort(sortBy('id')),
    },
    postgraphile: {
      // `geometryGeojson` is the computed column bench_area_geometry_geojson (created below): the
      // PostGraphile way to expose a PostGIS expression, reading the same stored simplification.
      query: `query mapGeometry($indicator: Int!, $year: Int!, $city: Int!) { allAreas(condition: { level: DISTRICT, cityId: $city }, orderBy: PRIMARY_KEY_ASC) { nodes { rowId code name
                geometryGeojson(simplify: 15, precision: 5)
                indicatorValuesByAreaId(condition: { indicatorId: $indicator, year: $year }) { nodes { value status } } } } }`,
      variables: () => ({ indicator: ids.indicator, year: YEAR, city: ids.city }),
      normalise: (d) =>
        d.allAreas.nodes
          .map((a) => ({ id: a.rowId, code: a.code, name: a.name, geometry: geo(a.geometryGeojson), value: oneValue(a.indicatorValuesByAreaId.nodes[0]) }))
          .sort(sortBy('id')),
    },
    floor: { variables: () => ({ indicator: INDICATOR, year: YEAR, simplify: 15, precision: 5 }) },
  },
  {
    key: 'indicatorValues',
    name: `the map's IndicatorValues query (${INDICATOR}, all years, all pages)`,
    sozialatlas: {
      // client/src/data/queries.ts, INDICATOR_VALUES, followed page by page as the map does
      query: `query IndicatorValues($key: String!, $level: AreaLevel!, $after: String) {
    indicatorValues(filter: { indicatorKeys: [$key], level: $level }, first: 500, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { year value status derived area { id } }
    }
  }`,
      variables: () => ({ key: INDICATOR, level: 'DISTRICT' }),
      pages: (d) => (d.indicatorValues.pageInfo.hasNextPage ? d.indicatorValues.pageInfo.endCursor : null),
      merge: (pages) => ({ indicatorValues: { totalCount: pages[0].indicatorValues.totalCount, nodes: pages.flatMap((p) => p.indicatorValues.nodes) } }),
      normalise: (d) => ({
        totalCount: d.indicatorValues.totalCount,
        rows: d.indicatorValues.nodes.map((v) => ({ area: v.area.id, year: v.year, value: v.value, status: v.status, derived: v.derived })).sort((a, b) => a.area - b.area || a.year - b.year),
      }),
    },
    postgraphile: {
      query: `query IndicatorValues($indicator: Int!, $city: Int!) { allAreas(condition: { level: DISTRICT, cityId: $city }, orderBy: PRIMARY_KEY_ASC) { nodes { rowId
                indicatorValuesByAreaId(condition: { indicatorId: $indicator }, orderBy: YEAR_ASC) { totalCount nodes { year value status derived } } } } }`,
      variables: () => ({ indicator: ids.indicator, city: ids.city }),
      normalise: (d) => ({
        totalCount: d.allAreas.nodes.reduce((n, a) => n + a.indicatorValuesByAreaId.totalCount, 0),
        rows: d.allAreas.nodes
          .flatMap((a) => a.indicatorValuesByAreaId.nodes.map((v) => ({ area: a.rowId, year: v.year, value: v.value, status: v.status, derived: v.derived })))
          .sort((a, b) => a.area - b.area || a.year - b.year),
      }),
    },
    floor: { variables: () => ({ indicator: INDICATOR }) },
  },
  {
    key: 'nestedServices',
    name: 'nested: 500 services → provider, fundings, locations → area',
    sozialatlas: {
      query: `query nestedServices { services(first: 500) { nodes { id name provider { name } fundings { year amount } locations { street area { code name } } } } }`,
      variables: () => ({}),
      normalise: (d) =>
        d.services.nodes
          .map((s) => ({
            id: s.id,
            name: s.name,
            provider: s.provider?.name ?? null,
            fundings: s.fundings.map((f) => ({ year: f.year, amount: amount(f.amount) })),
            locations: s.locations.map((l) => ({ street: l.street, area: l.area ? { code: l.area.code, name: l.area.name } : null })),
          }))
          .sort(sortBy('id')),
    },
    postgraphile: {
      query: `query nestedServices { allServices(first: 500, orderBy: PRIMARY_KEY_ASC) { nodes { rowId name providerByProviderId { name }
                fundingsByServiceId(orderBy: [YEAR_ASC, PRIMARY_KEY_ASC]) { nodes { year amount } }
                serviceLocationsByServiceId(orderBy: LOCATION_ID_ASC) { nodes { locationByLocationId { street areaByAreaId { code name } } } } } } }`,
      variables: () => ({}),
      normalise: (d) =>
        d.allServices.nodes
          .map((s) => ({
            id: s.rowId,
            name: s.name,
            provider: s.providerByProviderId?.name ?? null,
            fundings: s.fundingsByServiceId.nodes.map((f) => ({ year: f.year, amount: amount(f.amount) })),
            locations: s.serviceLocationsByServiceId.nodes.map(({ locationByLocationId: l }) => ({
              street: l.street,
              area: l.areaByAreaId ? { code: l.areaByAreaId.code, name: l.areaByAreaId.name } : null,
            })),
          }))
          .sort(sortBy('id')),
    },
    floor: { variables: () => ({}) },
  },
  {
    key: 'nestedProviders',
    name: `nested: ${PROVIDERS} providers → services → fundings`,
    sozialatlas: {
      query: `query nestedProviders($first: Int!) { providers(first: $first) { nodes { id name services { id name fundings { year amount } } } } }`,
      variables: () => ({ first: PROVIDERS }),
      normalise: (d) =>
        d.providers.nodes
          .map((p) => ({ id: p.id, name: p.name, services: p.services.map((s) => ({ id: s.id, name: s.name, fundings: s.fundings.map((f) => ({ year: f.year, amount: amount(f.amount) })) })) }))
          .sort(sortBy('id')),
    },
    postgraphile: {
      query: `query nestedProviders($first: Int!) { allProviders(first: $first, orderBy: PRIMARY_KEY_ASC) { nodes { rowId name
                servicesByProviderId(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name fundingsByServiceId(orderBy: [YEAR_ASC, PRIMARY_KEY_ASC]) { nodes { year amount } } } } } } }`,
      variables: () => ({ first: PROVIDERS }),
      normalise: (d) =>
        d.allProviders.nodes
          .map((p) => ({
            id: p.rowId,
            name: p.name,
            services: p.servicesByProviderId.nodes.map((s) => ({ id: s.rowId, name: s.name, fundings: s.fundingsByServiceId.nodes.map((f) => ({ year: f.year, amount: amount(f.amount) })) })),
          }))
          .sort(sortBy('id')),
    },
    floor: { variables: () => ({ first: PROVIDERS }) },
  },
].filter((q) => (args.load ? q.key === 'nestedServices' : !args.only || q.name.includes(args.only) || q.key === args.only));
// The raw-SQL floor answers in Sozialatlas's shape (all values in one response).
for (const q of queries) q.floor.normalise = q.sozialatlas.normalise;

// ---------------------------------------------------------------------------------------------
// Processes, /proc, cleanup

const cleanups = [];
let cleaning;
/** Runs once, however often it is called (a signal and the main path may both get here). */
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (error) {
        console.error('cleanup:', error.message);
      }
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`${signal}: stopping servers, dropping the database`);
    cleanup().finally(() => process.exit(130));
  });
}

const CLK_TCK = 100;
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime + stime
  } catch {
    return 0; // the process has ended
  }
};
const statusKb = (pid, field) => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return 0;
  }
};

/** Starts a server process; resolves with { child, port } once it printed its port. */
function startProcess(label, command, argv, env, portPattern, timeoutMs = 180_000) {
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  cleanups.push(stop);
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within ${timeoutMs / 1000} s:\n${log.slice(-3000)}`)), timeoutMs);
    let ready = false;
    const onData = (d) => {
      if (ready) return; // keep draining the pipe, stop keeping the log
      log += d;
      if (log.length > 100_000) log = log.slice(-50_000);
      const m = portPattern.exec(log);
      if (m) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), stop, label });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}:\n${log.slice(-3000)}`));
    });
  });
}

async function sql(url, text, values) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows;
  } finally {
    await c.end();
  }
}
const withDatabase = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u;
};

/** PostGraphile v5 and Node 22 in bench/peer/ (installed on first use; the lock file pins them). */
function peerInstall() {
  const node = path.join(peerDir, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
  if (!existsSync(node) || !existsSync(path.join(peerDir, 'node_modules', 'postgraphile'))) {
    console.error('installing PostGraphile v5 and Node 22 into bench/peer/ (first use) …');
    execFileSync('npm', ['install', '--prefix', peerDir, '--no-audit', '--no-fund', '--no-save'], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  if (!existsSync(node)) throw new Error(`no Node 22 binary for ${process.platform}-${process.arch} in bench/peer (add node-${process.platform}-${process.arch} to bench/peer/package.json)`);
  return node;
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function postJson(port, body) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  if (r.status !== 200 || text.includes('"errors":')) throw new Error(`HTTP ${r.status} on port ${port}: ${text.slice(0, 500)}`);
  return text;
}

/** One unit of work of a query for a target; `parse` = return the data (for the check). */
async function unit(target, q, parse) {
  const spec = q[target.key];
  const body = target.key === 'floor' ? { operationName: q.key, variables: spec.variables() } : { query: spec.query, variables: spec.variables() };
  if (!spec.pages) {
    const text = await postJson(target.port, body);
    return parse ? JSON.parse(text).data : undefined;
  }
  const pages = [];
  let after = null;
  do {
    const text = await postJson(target.port, { ...body, variables: { ...body.variables, after } });
    const data = JSON.parse(text).data; // the next page's cursor is in it
    pages.push(data);
    after = spec.pages(data);
  } while (after);
  return parse ? spec.merge(pages) : undefined;
}

/** Closed loop: `c` clients, each sending its next unit when the last one answered. */
async function closedLoop(target, q, c, seconds) {
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  let failures = 0;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await unit(target, q, false);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures++;
          if (failures === 1) console.error(`${target.label}: ${error.message.slice(0, 300)}`);
        }
      }
    }),
  );
  return { latencies, failures };
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

// ---------------------------------------------------------------------------------------------

const admin = process.env.DATABASE_URL;
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const dbName = `sozialatlas_peer_${suffix}`;
const role = `sozialatlas_peer_ro_${suffix}`;
const rolePassword = `ro_${Math.random().toString(36).slice(2)}`;
const startedAt = Date.now();
const load0 = os.loadavg();

try {
  const peerNode = args.load ? null : peerInstall();
  const serverEntry = path.join(repoRoot, 'server', 'dist', 'index.js');
  if (!existsSync(serverEntry)) throw new Error('server/dist/index.js is missing: run `npm run build` first');

  await sql(admin, `CREATE DATABASE "${dbName}"`);
  cleanups.push(() => sql(admin, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  const dbUrl = withDatabase(admin, dbName).toString();

  const sozialatlasEnv = {
    DATABASE_URL: dbUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_KEY: '100000000',
    DATA_DIR: path.join(os.tmpdir(), `sozialatlas-peer-${suffix}`),
  };
  const readyPattern = /is running: http:\/\/\S+:(\d+)\//;
  // First start: migrations and the Leipzig import; then a fresh process, so RSS is the serving one's.
  {
    const t0 = Date.now();
    const seeding = await startProcess('Sozialatlas (seeding)', process.execPath, [serverEntry], { ...sozialatlasEnv, SEED_ON_START: 'true' }, readyPattern, 600_000);
    console.error(`database seeded with the Leipzig data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await seeding.stop();
    cleanups.splice(cleanups.indexOf(seeding.stop), 1);
  }

  // The read-only role for the peer and the floor, and the computed column PostGraphile exposes as `geometryGeojson`.
  await sql(admin, `CREATE ROLE "${role}" LOGIN PASSWORD '${rolePassword}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  cleanups.unshift(() => sql(admin, `DROP ROLE IF EXISTS "${role}"`)); // last: after the database with its grants is gone
  await sql(
    dbUrl,
    `CREATE FUNCTION area_geometry_geojson(a area, simplify int, "precision" int) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
       SELECT ST_AsGeoJSON(COALESCE((SELECT gl.geom FROM area_geometry_level gl WHERE gl.area_id = a.id AND gl.tolerance_m = simplify::float8),
                                    area_simplify(a.geom, a.label_point, simplify::float8)), "precision")::json $$;
     GRANT CONNECT ON DATABASE "${dbName}" TO "${role}";
     GRANT USAGE ON SCHEMA public TO "${role}";
     GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${role}";
     ALTER ROLE "${role}" SET default_transaction_read_only = on;`,
  );
  const roUrl = withDatabase(admin, dbName);
  roUrl.username = role;
  roUrl.password = rolePassword;
  ids.indicator = (await sql(dbUrl, 'SELECT id FROM indicator WHERE key = $1', [INDICATOR]))[0]?.id;
  // Sozialatlas answers for the default city (Leipzig) when no city is given; the seed also holds Chemnitz.
  ids.city = (await sql(dbUrl, 'SELECT area_id AS id FROM city WHERE is_default'))[0]?.id;
  const counts = (await sql(dbUrl, `SELECT (SELECT count(*) FROM area WHERE level = 'DISTRICT')::int AS districts, (SELECT count(*) FROM service)::int AS services,
      (SELECT count(*) FROM provider)::int AS providers, (SELECT count(*) FROM funding)::int AS fundings, (SELECT count(*) FROM indicator_value)::int AS "values",
      version() AS pg, postgis_lib_version() AS postgis`))[0];

  const targets = [];
  const sozialatlas = await startProcess('Sozialatlas', process.execPath, [serverEntry], { ...sozialatlasEnv, SEED_ON_START: 'false' }, readyPattern);
  targets.push({ key: 'sozialatlas', label: 'Sozialatlas', ...sozialatlas });
  if (!args.load) {
    const peer = await startProcess('PostGraphile', peerNode, [path.join(peerDir, 'postgraphile.mjs')], { DATABASE_URL: roUrl.toString(), NODE_ENV: 'production', PORT: '0' }, /postgraphile listening on (\d+)/);
    targets.push({ key: 'postgraphile', label: 'PostGraphile v5', ...peer, version: execFileSync(peerNode, ['--version']).toString().trim() });
    const floor = await startProcess('floor', process.execPath, [path.join(peerDir, 'floor.mjs')], { DATABASE_URL: roUrl.toString(), PORT: '0' }, /floor listening on (\d+)/);
    targets.push({ key: 'floor', label: 'raw SQL', ...floor });
  }

  // The answers must agree before anything is timed.
  for (const q of queries) {
    const answers = [];
    for (const t of targets) answers.push({ t, data: q[t.key].normalise(await unit(t, q, true)) });
    const [first, ...rest] = answers;
    for (const { t, data } of rest) {
      if (!isDeepStrictEqual(first.data, data)) {
        const a = JSON.stringify(first.data), b = JSON.stringify(data);
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        throw new Error(`"${q.name}": ${t.label} answers differently from ${first.t.label} at character ${i}:\n  ${first.t.label}: …${a.slice(Math.max(0, i - 80), i + 120)}\n  ${t.label}: …${b.slice(Math.max(0, i - 80), i + 120)}`);
      }
    }
    const size = Array.isArray(first.data) ? first.data.length : first.data.rows.length;
    console.error(`check ok: ${q.name} (${size} rows, ${targets.map((t) => t.label).join(' = ')})`);
  }

  // Database CPU: the backends of the private database (the targets run one at a time, so it is theirs).
  const backendPids = async () => (await sql(admin, 'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName])).map((r) => r.pid);

  const results = []; // { query, c, target, latencies, failures, seconds, cpuMs, dbCpuMs, peakRssKb }
  const peakRss = new Map(targets.map((t) => [t.key, 0]));
  for (const q of queries) {
    for (const c of concurrencies) {
      for (let round = 0; round < (args.smoke ? 1 : rounds); round++) {
        // alternate the order per round, so no target always runs right after another one
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const t of order) {
          if (args.smoke) {
            for (let i = 0; i < 3; i++) await unit(t, q, false);
            continue;
          }
          await closedLoop(t, q, c, warmupS);
          const dbBefore = new Map((await backendPids()).map((pid) => [pid, cpuMs(pid)]));
          const cpu0 = cpuMs(t.child.pid);
          let peak = 0;
          const sampler = setInterval(() => (peak = Math.max(peak, statusKb(t.child.pid, 'VmRSS'))), 100);
          const t0 = performance.now();
          const { latencies, failures } = await closedLoop(t, q, c, durationS);
          const seconds = (performance.now() - t0) / 1000;
          clearInterval(sampler);
          // backends that appeared during the segment count in full; one that ended during it is lost (pools keep theirs open)
          const dbCpu = (await backendPids()).reduce((sum, pid) => sum + cpuMs(pid) - (dbBefore.get(pid) ?? 0), 0);
          peakRss.set(t.key, Math.max(peakRss.get(t.key), peak));
          results.push({ query: q, c, target: t, latencies, failures, seconds, cpuMs: cpuMs(t.child.pid) - cpu0, dbCpuMs: dbCpu, peakRssKb: peak });
          console.error(`${q.key} c=${c} ${t.label}: ${(latencies.length / seconds).toFixed(1)} units/s${failures ? `, ${failures} failed` : ''}`);
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Report (markdown on stdout)
  const commit = (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot }).toString().trim();
      return dirty ? `${head} (with uncommitted changes)` : head;
    } catch {
      return 'unknown';
    }
  })();
  const load1 = os.loadavg();
  const cpus = os.cpus();
  const out = [];
  out.push(`**Machine:** ${cpus.length} × ${cpus[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${counts.pg.split(',')[0]}, PostGIS ${counts.postgis}; Sozialatlas on Node ${process.versions.node}${targets[1] ? `, PostGraphile 5 on Node ${targets[1].version.replace(/^v/, '')}` : ''}.`);
  out.push(`**Data:** the seed (Leipzig, and Chemnitz beside it; the queries ask for Leipzig, the default city): ${counts.districts} districts of both cities, ${counts.services} services, ${counts.providers} providers, ${counts.fundings} funding lines, ${counts.values} indicator values. **Commit:** \`${commit}\`.`);
  out.push(`**Load average** (1/5/15 min) at the start ${load0.map((x) => x.toFixed(2)).join(' / ')}, at the end ${load1.map((x) => x.toFixed(2)).join(' / ')}.`);
  if (args.smoke) {
    out.push('', `smoke: ${queries.length} queries × ${targets.length} targets answered the same and ran 3 times each (nothing timed) in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  } else {
    out.push(`**Method:** closed loop (each client sends its next request when the last one answered), ${warmupS} s warm-up then ${durationS} s per target, ${rounds} round(s) per query and concurrency, targets interleaved; load generator on the same machine. A unit is one answer to the query (the map's IndicatorValues query: all its pages). CPU: the server process's user + system time from /proc; database CPU: the private database's backends.`);
    const agg = new Map();
    for (const r of results) {
      const k = `${r.query.key}|${r.c}|${r.target.key}`;
      const a = agg.get(k) ?? { latencies: [], seconds: 0, cpuMs: 0, dbCpuMs: 0, failures: 0, peak: 0 };
      a.latencies.push(...r.latencies);
      a.seconds += r.seconds;
      a.cpuMs += r.cpuMs;
      a.dbCpuMs += r.dbCpuMs;
      a.failures += r.failures;
      a.peak = Math.max(a.peak, r.peakRssKb);
      agg.set(k, a);
    }
    const stat = (q, c, t) => {
      const a = agg.get(`${q.key}|${c}|${t}`);
      if (!a) return undefined;
      const sorted = [...a.latencies].sort((x, y) => x - y);
      return { rps: a.latencies.length / a.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: a.latencies.length, cpu: a.cpuMs / a.latencies.length, db: a.dbCpuMs / a.latencies.length, failures: a.failures, peak: a.peak / 1024 };
    };
    const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
    const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
    if (args.load) {
      out.push('', '| query | c | units | req/s | p50 ms | p99 ms | server CPU ms/unit | database CPU ms/unit | peak RSS MB | failed |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const q of queries) for (const c of concurrencies) {
        const s = stat(q, c, 'sozialatlas');
        out.push(`| ${q.name} | ${c} | ${s.n} | ${f1(s.rps)} | ${f1(s.p50)} | ${f1(s.p99)} | ${f1(s.cpu)} | ${f1(s.db)} | ${s.peak.toFixed(0)} | ${s.failures} |`);
      }
      const [q] = queries;
      const s10 = stat(q, 10, 'sozialatlas'), s50 = stat(q, 50, 'sozialatlas');
      out.push('', `throughput c=50 ÷ c=10: **${f2(s50.rps / s10.rps)}**; server peak RSS at c=10 ${s10.peak.toFixed(0)} MB, at c=50 ${s50.peak.toFixed(0)} MB (VmHWM of the process: ${(statusKb(sozialatlas.child.pid, 'VmHWM') / 1024).toFixed(0)} MB)`);
    } else {
      out.push('', '| query | c | Sozialatlas req/s | p50 ms | p99 ms | PostGraphile v5 req/s | p50 ms | p99 ms | raw SQL req/s | p50 ms | p99 ms | S ÷ PG req/s | S ÷ PG p99 | S ÷ SQL req/s |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const q of queries) for (const c of concurrencies) {
        const [s, p, f] = ['sozialatlas', 'postgraphile', 'floor'].map((t) => stat(q, c, t));
        out.push(`| ${q.name} | ${c} | ${f1(s.rps)} | ${f1(s.p50)} | ${f1(s.p99)} | ${f1(p.rps)} | ${f1(p.p50)} | ${f1(p.p99)} | ${f1(f.rps)} | ${f1(f.p50)} | ${f1(f.p99)} | **${f2(s.rps / p.rps)}** | ${f2(s.p99 / p.p99)} | ${f2(s.rps / f.rps)} |`);
      }
      out.push('', 'CPU per unit (ms; server process / its database backends), all concurrencies together, and peak RSS while serving:', '', '| query | Sozialatlas | PostGraphile v5 | raw SQL |', '|---|---:|---:|---:|');
      for (const q of queries) {
        const cell = (t) => {
          const all = concurrencies.map((c) => stat(q, c, t)).filter(Boolean);
          const n = all.reduce((x, s) => x + s.n, 0);
          const cpu = all.reduce((x, s) => x + s.cpu * s.n, 0) / n, db = all.reduce((x, s) => x + s.db * s.n, 0) / n;
          return `${f1(cpu)} / ${f1(db)}`;
        };
        out.push(`| ${q.name} | ${cell('sozialatlas')} | ${cell('postgraphile')} | ${cell('floor')} |`);
      }
      out.push(`| peak RSS MB | ${targets.map((t) => (peakRss.get(t.key) / 1024).toFixed(0)).join(' | ')} |`);
      const failed = results.reduce((n, r) => n + r.failures, 0);
      if (failed) out.push('', `**${failed} requests failed** (see stderr).`);
    }
  }
  console.log(out.join('\n'));
} catch (error) {
  console.error(error.stack ?? error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
