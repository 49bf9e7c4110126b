#!/usr/bin/env node
// Server CPU per GraphQL request: starts the built server (PostGIS server from DATABASE_URL, a
// private database with the Leipzig data; or the embedded database), sends each query N times
// one after another and reads the server process's CPU time from /proc (user + system). CPU per
// request does not depend on what else runs on the machine, unlike throughput: use it on a
// shared machine. Linux only.
//
//   npm run build && DATABASE_URL=postgres://… node bench/cpu.mjs [--requests 200] [--smoke]
//     [--only <text in a query's name>] [--cpu-prof <folder>: the server writes a V8 CPU profile there on exit]
//     [--server <index.js of another build, e.g. server/dist-<commit>/index.js>]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    // another build of the server, e.g. a copy of server/dist from an earlier commit, for before/after
    server: { type: 'string', default: path.join(repoRoot, 'server', 'dist', 'index.js') },
  },
});
const requests = args.smoke ? 3 : Number(args.requests);

export const queries = [
  // the floor: HTTP, middlewares and Apollo's pipeline without any resolver or SQL
  { name: 'floor: { __typename }', query: '{ __typename }' },
  { name: 'map values: 63 districts + one value', query: '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name value(indicator: "sgb2_rate", year: 2022) { value status } } } }' },
  { name: 'map geometry: 63 districts + value + geometry (15 m)', query: '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name geometry(simplify: 15, precision: 5) value(indicator: "sgb2_rate", year: 2022) { value status } } } }' },
  { name: 'map geometry, a tolerance not stored (16 m, computed)', query: '{ areas(filter: { level: DISTRICT }, first: 100) { nodes { id code name geometry(simplify: 16, precision: 5) value(indicator: "sgb2_rate", year: 2022) { value status } } } }' },
  { name: 'nested: 500 services → provider, locations → area', query: '{ services(first: 500) { nodes { id name provider { name } locations { street area { code name } } } } }' },
  { name: 'near: services within 1 km', query: '{ services(filter: { near: { lon: 12.3731, lat: 51.3397, radiusM: 1000 } }, first: 500) { totalCount nodes { id } } }' },
  // the map's own operation as the client sends it (client/src/data/queries.ts, with urql's __typename): first page of all years
  {
    name: "the map's IndicatorValues (sgb2_rate, districts, all years: first page of 500)",
    query: 'query IndicatorValues($after: String, $key: String!, $level: AreaLevel!) { __typename indicatorValues( filter: {indicatorKeys: [$key], level: $level} first: 500 after: $after ) { __typename nodes { __typename area { __typename id } derived status value year } pageInfo { __typename endCursor hasNextPage } totalCount } }',
    variables: { key: 'sgb2_rate', level: 'DISTRICT' },
  },
  { name: 'nested: 500 services → provider, fundings, locations → area', query: '{ services(first: 500) { nodes { id name provider { name } fundings { year amount status } locations { street area { code name } } } } }' },
  { name: 'nested: services → fundings', query: '{ services(first: 500) { nodes { id name fundings { year amount status funder } } } }' },
  { name: 'nested: 40 providers → services → fundings', query: '{ providers(first: 40) { nodes { id name services { id name fundings { year amount } } } } }' },
];

const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, clock ticks of 10 ms
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function admin(url, sql) {
  const u = new URL(url);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

const cleanups = [];
let env;
if (process.env.DATABASE_URL) {
  const name = `sozialatlas_cpu_${process.pid}`;
  await admin(process.env.DATABASE_URL, `CREATE DATABASE "${name}"`);
  cleanups.push(() => admin(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  env = { DATABASE_URL: u.toString() };
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sozialatlas-cpu-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  env = { DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' };
}

const started = Date.now();
const nodeFlags = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : [];
const child = spawn(process.execPath, [...nodeFlags, path.resolve(args.server)], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_IP: '100000000', ...env },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = /"port":(\d+)[^\n]*Sozialatlas is ready/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const readyS = (Date.now() - started) / 1000;
const readyCpuS = cpuMs(child.pid) / 1000;
const readyRss = rssMb(child.pid);
try {
  const post = async ({ query, variables }) => {
    const r = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = await r.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  console.log(`server ready after ${readyS.toFixed(1)} s, ${readyCpuS.toFixed(1)} s CPU, RSS ${readyRss.toFixed(0)} MB (${process.env.DATABASE_URL ? 'PostGIS server' : 'PGlite'}, first start with the Leipzig import), NODE_ENV of this shell: ${process.env.NODE_ENV ?? '(unset)'}`);
  console.log('| query | server CPU ms per request | wall ms per request |');
  console.log('|---|---:|---:|');
  for (const q of queries.filter((q) => !args.only || q.name.includes(args.only))) {
    for (let i = 0; i < 5; i++) await post(q); // warm-up
    const c0 = cpuMs(child.pid), t0 = performance.now();
    for (let i = 0; i < requests; i++) await post(q);
    console.log(`| ${q.name} | ${((cpuMs(child.pid) - c0) / requests).toFixed(2)} | ${((performance.now() - t0) / requests).toFixed(1)} |`);
  }
  console.log(`server RSS after the run: ${rssMb(child.pid).toFixed(0)} MB`);
  if (env.DATABASE_URL) {
    // The database's share of the geometry query: execution time of its statement, stored level vs computed.
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    try {
      for (const tolerance of [15, 16]) {
        const times = [];
        for (let i = 0; i < (args.smoke ? 1 : 20); i++) {
          const { rows } = await c.query(
            `EXPLAIN (ANALYZE, FORMAT JSON) SELECT a.id, ST_AsGeoJSON(COALESCE((SELECT gl.geom FROM area_geometry_level gl WHERE gl.area_id = a.id AND gl.tolerance_m = $1::float8),
               area_simplify(a.geom, a.label_point, $1::float8)), 5) FROM area a WHERE a.level = 'DISTRICT'`, [tolerance]);
          times.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
        }
        times.sort((x, y) => x - y);
        console.log(`database time of the 63 geometries at ${tolerance} m (${tolerance === 15 ? 'stored' : 'computed'}): median ${times[Math.floor(times.length / 2)].toFixed(1)} ms`);
      }
    } finally {
      await c.end();
    }
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  for (const c of cleanups) await c();
}
